package io.fairdraw.compliance;

import io.fairdraw.compliance.AuthorizerResult.Admitted;
import io.fairdraw.compliance.AuthorizerResult.Refused;
import io.fairdraw.compliance.ViewerLocations.ViewerLocation;
import io.fairdraw.compliance.identity.TokenVerifier;
import io.fairdraw.compliance.identity.VerifiedToken;
import io.fairdraw.compliance.store.Players;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Eligibility;
import io.fairdraw.model.compliance.JurisdictionCatalogue;
import io.fairdraw.model.compliance.Location;
import io.fairdraw.model.compliance.ReasonCode;
import io.fairdraw.model.compliance.Standings;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.edge.OriginGuard;
import io.fairdraw.platform.edge.OriginSecret;
import io.fairdraw.platform.secrets.SecretsConfigSourceFactory;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decides one request. The checks run cheapest first and stop at the first refusal: the edge's
 * secret (no cryptography), the token (a signature check), the location (the catalogue), and only
 * then the player's standing (a table read), whose decision travels in the context instead of
 * stopping the request. Created at start, so a misconfigured edge stops the function instead of
 * failing every request.
 */
@Startup
@Singleton
public class AuthorizerService {
    private static final Logger LOG = Logger.getLogger(AuthorizerService.class);
    private static final Decision NOT_REGISTERED =
            Decision.deny(ReasonCode.NOT_REGISTERED, "register before playing");

    private final OriginGuard originSecret;
    private final ViewerLocations locations;
    private final TokenVerifier tokens;
    private final Players players;
    private final Catalogues catalogues;
    private final TimeSource clock;

    public AuthorizerService(EdgeSettings edge, TokenVerifier tokens, Players players,
            Catalogues catalogues, TimeSource clock,
            @ConfigProperty(name = SecretsConfigSourceFactory.SECRETS) Optional<String> secretIds,
            @ConfigProperty(name = SecretsConfigSourceFactory.ENDPOINT) Optional<String> secretsEndpoint) {
        this.originSecret = OriginGuard.of(edge.originSecretRequired(), edge.originSecret(), edge.originSecretPrevious(),
                SecretsConfigSourceFactory.reader(secretIds, secretsEndpoint), InstantSource.system());
        this.locations = ViewerLocations.withDefault(edge.defaultLocation());
        this.tokens = tokens;
        this.players = players;
        this.catalogues = catalogues;
        this.clock = clock;
        if (!originSecret.required()) {
            LOG.warn("the edge's origin secret is not required: viewer-location headers are taken on trust (laptops only)");
        }
        locations.fallback().ifPresent(fallback -> LOG.warnf(
                "requests without a viewer-country header are placed in %s (laptops only)", describe(fallback)));
    }

    public AuthorizerResult authorize(GatewayRequest request) {
        Optional<OriginSecret.Rejection> edge = originSecret.check(request.originSecret());
        if (edge.isPresent()) {
            return new Refused(switch (edge.get()) {
                case MISSING -> Refusal.NO_ORIGIN_SECRET;
                case FORGED -> Refusal.FORGED_ORIGIN_SECRET;
            });
        }
        if (request.bearerToken().isEmpty()) {
            return new Refused(Refusal.NO_TOKEN);
        }
        Instant now = clock.now();
        Optional<VerifiedToken> caller = tokens.verify(request.bearerToken().get(), now);
        if (caller.isEmpty()) {
            return new Refused(Refusal.INVALID_TOKEN);
        }
        ViewerLocation where = locations.of(request.viewerCountry(), request.viewerRegion());
        JurisdictionCatalogue catalogue = catalogues.jurisdictions();
        if (catalogue.location(where.location()) instanceof Decision.Deny blocked) {
            return new Refused(Refusal.forLocation(blocked.reason()));
        }
        return admit(caller.get(), where, catalogue, now);
    }

    private Admitted admit(VerifiedToken caller, ViewerLocation where, JurisdictionCatalogue catalogue, Instant now) {
        Decision decision = players.find(caller.playerId())
                .map(player -> Eligibility.toPlay(catalogue, Standings.of(player), where.location(), now))
                .orElse(NOT_REGISTERED);
        return new Admitted(caller.playerId(), caller.roles(), where.location(), where.source(), decision,
                catalogue.version());
    }

    private static String describe(Location location) {
        return location.subdivision().map(Object::toString).orElseGet(() -> location.country().orElseThrow().toString());
    }
}
