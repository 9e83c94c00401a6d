package io.fairdraw.compliance;

import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Location;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.security.Role;
import java.util.Objects;
import java.util.Set;

/**
 * The authorizer's answer: refused at the gateway, or admitted with what the function behind it
 * needs. An admitted request may still carry a denial ({@code decision}): the function then
 * answers 403 problem+json with the reason code, which the gateway's bare 403 could not carry.
 */
public sealed interface AuthorizerResult permits AuthorizerResult.Refused, AuthorizerResult.Admitted {

    record Refused(Refusal refusal) implements AuthorizerResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** A verified caller at an allowed location, and whether they may play. */
    record Admitted(
            PlayerId playerId,
            Set<Role> roles,
            Location location,
            LocationSource locationSource,
            Decision decision,
            int jurisdictionVersion) implements AuthorizerResult {

        public Admitted {
            Objects.requireNonNull(playerId, "playerId");
            roles = Set.copyOf(roles);
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(locationSource, "locationSource");
            Objects.requireNonNull(decision, "decision");
            if (!location.isKnown()) {
                throw new IllegalArgumentException("an admitted request has a known location");
            }
        }
    }
}
