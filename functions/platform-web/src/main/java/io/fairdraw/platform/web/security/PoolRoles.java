package io.fairdraw.platform.web.security;

import io.fairdraw.platform.security.IdentitySettings;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.security.TokenRules;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a verified token the roles its pool allows ({@link TokenRules}) and nothing else: the
 * groups quarkus-oidc read are dropped, so a role can only come from the pool that may grant it.
 * A token not issued for this function is refused here with 401.
 */
@ApplicationScoped
public class PoolRoles implements SecurityIdentityAugmentor {
    private final TokenRules rules;

    public PoolRoles(IdentitySettings settings) {
        this.rules = new TokenRules(settings);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<Set<Role>> roles = rules.roles(token.getIssuer(), token::getClaim);
        if (roles.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token not issued for this function"));
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        roles.get().forEach(role -> builder.addRole(role.claimValue()));
        return Uni.createFrom().item(builder.build());
    }
}
