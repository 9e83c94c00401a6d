package io.fairdraw.platform.web;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.platform.edge.OriginGuard;
import io.fairdraw.platform.edge.OriginSecret;
import io.fairdraw.platform.secrets.SecretsConfigSourceFactory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.InstantSource;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every route answers only requests that came through the edge. The HTTP API's custom domain is
 * public: without this, a caller could reach the routes the authorizer does not guard (staff,
 * public and webhook routes) around CloudFront, its web ACL and its country rule. CloudFront adds
 * the origin secret to every request ({@link OriginSecret#HEADER}); a request without it, or with
 * another, is refused with 403 problem+json before anything else is read. Created at start, so a
 * function deployed without its secret stops at once instead of refusing every request; at run
 * time start, not static init (the filter holds a proxy): the secret comes from Secrets Manager,
 * read when the function starts, never at build time, and read again when a rotated secret is
 * first presented ({@link OriginGuard}).
 */
@Startup
@ApplicationScoped
public class EdgeOnly {
    private final OriginGuard guard;

    public EdgeOnly(@ConfigProperty(name = "fairdraw.edge.origin-secret-required", defaultValue = "true") boolean required,
            @ConfigProperty(name = OriginGuard.CURRENT) Optional<String> secret,
            @ConfigProperty(name = OriginGuard.PREVIOUS) Optional<String> previous,
            @ConfigProperty(name = SecretsConfigSourceFactory.SECRETS) Optional<String> secretIds,
            @ConfigProperty(name = SecretsConfigSourceFactory.ENDPOINT) Optional<String> secretsEndpoint) {
        this.guard = OriginGuard.of(required, secret, previous, SecretsConfigSourceFactory.reader(secretIds, secretsEndpoint),
                InstantSource.system());
    }

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void requireEdge(ContainerRequestContext request) {
        if (guard.check(Optional.ofNullable(request.getHeaderString(OriginSecret.HEADER))).isPresent()) {
            throw new DomainException(ErrorType.EDGE_REQUIRED, "call the API at its public address");
        }
    }
}
