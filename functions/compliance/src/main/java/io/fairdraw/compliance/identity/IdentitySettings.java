package io.fairdraw.compliance.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The identity provider as the authorizer sees it. Keycloak and Cognito differ only here: the
 * issuer, where its keys are published, which claim holds the audience ({@code client_id} in
 * Cognito access tokens, which have no {@code aud}) and which claim holds the groups.
 */
@ConfigMapping(prefix = "fairdraw.identity")
public interface IdentitySettings {
    /** Compared exactly with the token's {@code iss}; also the issuer player ids are derived with. */
    String issuer();

    /** The issuer's JSON Web Key Set. */
    String jwksUrl();

    @WithDefault("aud")
    String audienceClaim();

    @WithDefault("fairdraw-api")
    String audience();

    /** A top-level claim name, taken literally ({@code cognito:groups} needs no quoting here). */
    @WithDefault("groups")
    String rolesClaim();
}
