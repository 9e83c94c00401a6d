package io.fairdraw.model.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded change of a player's standing or safety settings: what happened, who did it,
 * why, and when. Kept for the player, the operator and the regulator; never edited.
 */
public record ComplianceEvent(Instant at, Kind kind, String actor, String reason, Map<String, String> details) {
    public enum Kind {
        IDENTITY_CHECKED,
        TIME_OUT_TAKEN,
        SELF_EXCLUDED,
        ACCOUNT_CLOSED,
        SAFETY_SETTINGS_CHANGED,
        /** An operator suspended the account (a case under investigation). */
        SUSPENDED,
        /** An operator lifted a suspension. */
        REINSTATED,
        /** An operator decided an identity check the provider referred for review. */
        REFERRAL_RESOLVED
    }

    public ComplianceEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        details = Map.copyOf(details);
    }
}
