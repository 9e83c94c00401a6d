package io.fairdraw.platform.security;

import java.util.List;
import java.util.Optional;

/**
 * Identity settings given directly instead of read from configuration, for code that builds the
 * token rules itself (the rules' own tests, the authorizer's fuzz tests): the pools given, with
 * Cognito's claim names, the defaults of {@link IdentitySettings}.
 */
public record PoolSettings(Optional<IdentitySettings.Pool> players, Optional<IdentitySettings.Pool> staff) implements IdentitySettings {
    /** One pool: its issuer, clients, scope and key set. */
    public record Pool(String issuer, List<String> clients, Optional<String> scope, Optional<String> jwksUrl)
            implements IdentitySettings.Pool {
    }

    @Override
    public String clientClaim() {
        return "client_id";
    }

    @Override
    public String groupsClaim() {
        return "cognito:groups";
    }

    @Override
    public String tokenUse() {
        return "access";
    }
}
