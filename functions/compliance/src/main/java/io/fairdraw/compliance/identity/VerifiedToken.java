package io.fairdraw.compliance.identity;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.security.Role;
import java.util.Objects;
import java.util.Set;

/** A token whose signature, issuer, expiry and audience were checked: who the caller is and their roles. */
public record VerifiedToken(PlayerId playerId, Set<Role> roles) {
    public VerifiedToken {
        Objects.requireNonNull(playerId, "playerId");
        roles = Set.copyOf(roles);
    }
}
