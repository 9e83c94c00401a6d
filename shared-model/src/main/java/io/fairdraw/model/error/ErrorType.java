package io.fairdraw.model.error;

import java.util.Locale;

/**
 * The catalogue of expected failures. Each entry is one stable reason: its {@link #reasonCode()}
 * never changes once published, its problem type URI is derived from it, and it fixes the HTTP
 * status a client sees. Add entries; never rename or reuse one.
 */
public enum ErrorType {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_REQUEST(400, "The request body is not well-formed JSON of the expected shape"),
    UNAUTHENTICATED(401, "A valid bearer token is required"),
    FORBIDDEN(403, "The caller may not perform this action"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    CONCURRENT_UPDATE(409, "The resource changed concurrently; retry the request"),
    IDEMPOTENT_REQUEST_IN_PROGRESS(409, "A request with this Idempotency-Key is still being processed"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json"),
    IDEMPOTENCY_KEY_MISSING(400, "An Idempotency-Key header is required"),
    IDEMPOTENCY_KEY_INVALID(400, "The Idempotency-Key header is not valid"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used with a different request body"),
    CURRENCY_MISMATCH(422, "Amounts in different currencies cannot be combined"),
    AMOUNT_OUT_OF_RANGE(422, "The amount is outside the allowed range"),
    PLAYER_NOT_REGISTERED(404, "The caller has not registered as a player"),
    SERVICE_UNAVAILABLE(503, "The service is temporarily unable to answer; retry later"),
    UNKNOWN_PAYMENT_PROVIDER(404, "No such payment provider"),
    WEBHOOK_SIGNATURE_INVALID(401, "The notification's signature is missing or wrong"),
    WEBHOOK_STALE(400, "The notification is outside the replay window"),
    WEBHOOK_MALFORMED(400, "The notification cannot be read"),
    WEBHOOK_MISMATCH(422, "The notification does not match the payment it names"),
    NO_DEPOSIT_INSTRUMENT(409, "Withdrawals go back to a card or account deposited from; there is none yet"),
    INSUFFICIENT_FUNDS(422, "The account does not cover the amount"),
    TRANSFER_CONFLICT(409, "A different transfer was already recorded for the same cause"),
    INVALID_CURSOR(400, "The page cursor is not one this API issued"),
    KYC_ALREADY_DECIDED(409, "The identity check has already been decided"),
    ACCOUNT_CLOSED_FOR_CHANGES(409, "The account is closed; it can only be read and withdrawn from"),
    EXCLUSION_CANNOT_BE_SHORTENED(409, "A self-exclusion or time-out cannot be shortened or lifted early"),
    STANDING_CONFLICT(409, "The account's standing does not allow this change"),

    // Compliance refusals: one per compliance.ReasonCode, all 403, with the same names.
    UNDERAGE(403, "Play is open only from the jurisdiction's minimum age"),
    LOCATION_BLOCKED(403, "Play is not offered where you are"),
    LOCATION_UNKNOWN(403, "Your location could not be determined"),
    NOT_VERIFIED(403, "Your identity check is not complete"),
    KYC_REFERRED(403, "Your identity check is being reviewed"),
    SELF_EXCLUDED(403, "You have excluded yourself from play"),
    TIMED_OUT(403, "You are on a time-out from play"),
    SUSPENDED(403, "The account is suspended"),
    CLOSED(403, "The account is closed"),
    DEPOSIT_LIMIT_REACHED(403, "This would exceed your deposit limit"),
    LOSS_LIMIT_REACHED(403, "This would exceed your net-loss limit"),
    DRAW_NOT_FOUND(404, "No such draw"),
    TICKET_NOT_FOUND(404, "No such ticket of yours"),
    GAME_NOT_FOUND(404, "No such game"),
    DRAW_NOT_OPEN(409, "Sales for this draw are closed"),
    STAKE_OUT_OF_RANGE(422, "A stake is outside the bet type's bounds or not a whole number of stake units"),
    TOO_MANY_LINES(422, "The ticket has more lines than one ticket may hold"),
    LIABILITY_LIMIT_REACHED(409, "The selection is sold out for this draw"),
    PROOF_NOT_READY(409, "The draw is not sealed yet, so there is no inclusion proof"),
    FOUR_EYES_REQUIRED(403, "What one operator proposed must be decided by another"),
    ALREADY_DECIDED(409, "The proposal has already been decided"),
    TERMS_DIFFER(409, "The draws of this purchase are under different game terms; buy them separately"),
    CONFIG_CHANGE_REFUSED(422, "The configuration change would alter what change control keeps fixed"),
    EFFECTIVE_TIME_PASSED(409, "The change's effective time has passed; propose it again with a later one"),
    ERASURE_NOT_ALLOWED(409, "Personal data is erased only from a closed account whose retention period has passed"),
    BELOW_MINIMUM_AGE(422, "Registration is open only from the minimum age of the jurisdiction of residence"),
    RESIDENCE_NOT_SERVED(422, "Play is not offered to residents of this country or subdivision"),
    UNSAFE_TEXT(422, "A text field holds invisible, direction-changing or unassigned characters"),
    DUPLICATE_FIELD(400, "A field appears more than once in the request body"),
    UNSUPPORTED_CHARSET(415, "Request bodies are UTF-8; another charset was declared"),
    EDGE_REQUIRED(403, "The API answers only requests that come through its edge"),
    INTERNAL_ERROR(500, "An unexpected error occurred");

    private static final String TYPE_BASE = "https://fairdraw.io/problems/";

    private final int httpStatus;
    private final String title;

    ErrorType(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The stable machine-readable reason, e.g. {@code VALIDATION_FAILED}. */
    public String reasonCode() {
        return name();
    }

    /** The RFC 9457 {@code type} member: one URI per reason, e.g. {@code .../problems/validation-failed}. */
    public String typeUri() {
        return TYPE_BASE + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
