package io.fairdraw.compliance.entry;

/**
 * The names under which the authorizer context reaches the functions behind the gateway
 * ({@code requestContext.authorizer.lambda.<name>} in their events). A contract with every
 * function on an authorized route: names are added, never renamed.
 */
public final class ContextKeys {
    public static final String PLAYER_ID = "playerId";
    /** The caller's Fairdraw roles, comma-separated, in a fixed order ({@code player}). */
    public static final String ROLES = "roles";
    public static final String COUNTRY = "country";
    /** Present only when the edge (or the default) names a subdivision. */
    public static final String SUBDIVISION = "subdivision";
    /** {@code edge} or {@code default}. */
    public static final String LOCATION_SOURCE = "locationSource";
    /** {@code ALLOW} or {@code DENY}: may this player play from here, now. */
    public static final String DECISION = "decision";
    /** The stable reason code of a {@code DENY}, or of a location refused at the gateway. */
    public static final String REASON_CODE = "reasonCode";
    public static final String JURISDICTION_VERSION = "jurisdictionVersion";
    /**
     * Why the gateway refused the request. API Gateway does not pass the context of a refusal
     * on; the value is for local gateways, logs and tests.
     */
    public static final String REFUSAL = "refusal";

    private ContextKeys() {
    }
}
