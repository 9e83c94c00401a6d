package io.fairdraw.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The two user pools a function may trust, as deployed: the players' and the staff's. Which pool
 * issued a token decides what it may do ({@link TokenRules}); the defaults are the shape of a
 * Cognito access token, which local-cloud's Keycloak and the tests' tokens imitate.
 */
@ConfigMapping(prefix = "fairdraw.identity")
public interface IdentitySettings {
    /** The claim naming the app client the token was issued to: Cognito access tokens carry no {@code aud}. */
    @WithDefault("client_id")
    String clientClaim();

    /** The claim listing the staff member's groups, taken literally (no quoting needed for the colon). */
    @WithDefault("cognito:groups")
    String groupsClaim();

    /** The {@code token_use} a token must carry: an ID token is never accepted in place of an access token. */
    @WithDefault("access")
    String tokenUse();

    /** The players' pool: every token it issues to one of its clients acts as a player, whatever groups it names. */
    Optional<Pool> players();

    /** The staff pool: its tokens act as operator or auditor, by their groups, and never as a player. */
    Optional<Pool> staff();

    interface Pool {
        /** Compared exactly with the token's {@code iss}. */
        String issuer();

        /** The app clients whose tokens this function accepts. */
        List<String> clients();

        /** The resource-server scope a token must have been granted, if the pool defines one. */
        Optional<String> scope();

        /** Where the pool publishes its keys, for verifiers outside quarkus-oidc (the authorizer). */
        Optional<String> jwksUrl();
    }
}
