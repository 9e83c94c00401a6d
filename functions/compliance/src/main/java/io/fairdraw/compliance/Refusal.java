package io.fairdraw.compliance;

import io.fairdraw.model.compliance.ReasonCode;
import java.util.Optional;

/**
 * Why a request was stopped at the gateway. The client only ever sees the gateway's generic
 * 401/403; these names are for the logs and for tests, and are stable like reason codes.
 */
public enum Refusal {
    /** Not an API Gateway HTTP API authorizer event (payload 2.0, REQUEST) at all. */
    MALFORMED_EVENT,
    /** The edge's secret origin header is missing: the request did not come through CloudFront. */
    NO_ORIGIN_SECRET,
    /** The origin header is there but wrong: someone is forging the edge's headers. */
    FORGED_ORIGIN_SECRET,
    NO_TOKEN,
    INVALID_TOKEN,
    LOCATION_UNKNOWN,
    LOCATION_BLOCKED,
    /** Something failed while deciding (a table read, a corrupt item): the request is refused, never let through. */
    FAILED_CLOSED;

    /** The player-facing reason code behind this refusal, where there is one. */
    public Optional<ReasonCode> reasonCode() {
        return switch (this) {
            case LOCATION_UNKNOWN -> Optional.of(ReasonCode.LOCATION_UNKNOWN);
            case LOCATION_BLOCKED -> Optional.of(ReasonCode.LOCATION_BLOCKED);
            case MALFORMED_EVENT, NO_ORIGIN_SECRET, FORGED_ORIGIN_SECRET, NO_TOKEN, INVALID_TOKEN, FAILED_CLOSED ->
                    Optional.empty();
        };
    }

    static Refusal forLocation(ReasonCode reason) {
        return switch (reason) {
            case LOCATION_UNKNOWN -> LOCATION_UNKNOWN;
            case LOCATION_BLOCKED -> LOCATION_BLOCKED;
            default -> throw new IllegalArgumentException(reason + " is not a location reason");
        };
    }
}
