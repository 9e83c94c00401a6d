package io.fairdraw.model.compliance;

import java.util.Objects;

/** The answer to "may this player do this, here, now": allow, or deny with one reason. */
public sealed interface Decision permits Decision.Allow, Decision.Deny {
    Allow ALLOW = new Allow();

    boolean allowed();

    static Deny deny(ReasonCode reason, String detail) {
        return new Deny(reason, detail);
    }

    record Allow() implements Decision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** A refusal; {@code detail} is safe to show the player and holds no personal data. */
    record Deny(ReasonCode reason, String detail) implements Decision {
        public Deny {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
