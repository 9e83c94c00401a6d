package io.fairdraw.platform.config;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a catalogue under change control: the whole document, when it takes effect, who
 * proposed it and why, and who decided it. Only an {@code APPROVED} version is ever applied.
 */
public record ConfigVersion(ConfigKind kind, int version, Status status, Instant effectiveFrom, String document, String digest,
        String proposedBy, Instant proposedAt, String reason, Optional<String> decidedBy, Optional<Instant> decidedAt,
        Optional<String> decisionReason) {

    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    public ConfigVersion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(decisionReason, "decisionReason");
        if (version < 1) {
            throw new IllegalArgumentException("a version is 1 or more");
        }
    }
}
