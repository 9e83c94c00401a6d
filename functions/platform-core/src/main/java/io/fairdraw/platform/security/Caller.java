package io.fairdraw.platform.security;

import io.fairdraw.model.id.PlayerId;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: the player id derived from the token's issuer and
 * subject, and the roles the token grants. Resources act on {@code playerId()} only, never on an
 * id taken from the path or body, so a player cannot reach another player's data.
 */
public record Caller(PlayerId playerId, String issuer, String subject, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The value written to the {@code actor} attribute of every item this caller changes: the
     * player id for a player, the staff member's subject at the identity provider for an
     * operator or auditor.
     */
    public String actor() {
        if (roles.contains(Role.PLAYER) || roles.isEmpty()) {
            return "player:" + playerId.value();
        }
        return (roles.contains(Role.OPERATOR) ? "operator:" : "auditor:") + subject;
    }
}
