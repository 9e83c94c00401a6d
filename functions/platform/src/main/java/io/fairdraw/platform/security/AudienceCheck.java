package io.fairdraw.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token that was not issued for this API. Keycloak puts the API in {@code aud};
 * Cognito access tokens carry the app client in {@code client_id} and no {@code aud} at all, so
 * which claim holds the audience is configuration ({@code fairdraw.identity.audience-claim}).
 * Signature, issuer and expiry are checked before this by quarkus-oidc.
 */
@ApplicationScoped
public class AudienceCheck implements SecurityIdentityAugmentor {
    private final String claim;
    private final String expected;

    public AudienceCheck(
            @ConfigProperty(name = "fairdraw.identity.audience-claim", defaultValue = "aud") String claim,
            @ConfigProperty(name = "fairdraw.identity.audience") String expected) {
        this.claim = claim;
        this.expected = expected;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!audiences(token).contains(expected)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token audience does not name this API"));
        }
        return Uni.createFrom().item(identity);
    }

    private Collection<String> audiences(JsonWebToken token) {
        if ("aud".equals(claim)) {
            Set<String> audience = token.getAudience();
            return audience == null ? Set.of() : audience;
        }
        Object value = token.getClaim(claim);
        if (value instanceof String text) {
            return Set.of(text);
        }
        if (value instanceof JsonString text) {
            return Set.of(text.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).toList();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Set.of();
    }
}
