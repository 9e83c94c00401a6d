package io.fairdraw.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a verified token may do, decided by the pool that issued it. A player-pool token is a
 * player and nothing else, so a self-registered player needs no group, and a group named
 * {@code operator} in the players' pool grants nothing. A staff-pool token is an operator or
 * auditor by its groups, and never a player. Either must be an access token, issued to one of
 * the pool's clients, with the pool's scope. Signature, issuer and expiry are checked before.
 */
public final class TokenRules {
    private final IdentitySettings settings;

    public TokenRules(IdentitySettings settings) {
        this.settings = settings;
    }

    /**
     * The roles of a token from {@code issuer} whose claims {@code claim} reads; empty when the
     * token must be refused as not issued for this function.
     */
    public Optional<Set<Role>> roles(String issuer, Function<String, Object> claim) {
        if (!values(claim.apply("token_use")).equals(List.of(settings.tokenUse()))) {
            return Optional.empty();
        }
        Optional<IdentitySettings.Pool> players = settings.players().filter(pool -> pool.issuer().equals(issuer));
        Optional<IdentitySettings.Pool> staff = settings.staff().filter(pool -> pool.issuer().equals(issuer));
        if (players.isPresent() && admits(players.get(), claim)) {
            return Optional.of(EnumSet.of(Role.PLAYER));
        }
        if (staff.isPresent() && admits(staff.get(), claim)) {
            Collection<String> groups = values(claim.apply(settings.groupsClaim()));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : List.of(Role.OPERATOR, Role.AUDITOR)) {
                if (groups.contains(role.claimValue())) {
                    roles.add(role);
                }
            }
            return Optional.of(roles);
        }
        return Optional.empty();
    }

    private boolean admits(IdentitySettings.Pool pool, Function<String, Object> claim) {
        if (values(claim.apply(settings.clientClaim())).stream().noneMatch(pool.clients()::contains)) {
            return false;
        }
        return pool.scope().map(scope -> values(claim.apply("scope")).stream()
                .flatMap(granted -> Arrays.stream(granted.split(" ")))
                .anyMatch(scope::equals)).orElse(true);
    }

    /** A claim that is one string or an array of strings, as a list; anything else is empty. */
    static List<String> values(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).toList();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
