package io.fairdraw.compliance.identity;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.security.IdentitySettings;
import io.fairdraw.platform.security.Role;
import io.fairdraw.platform.security.TokenRules;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies bearer tokens with jose4j against the issuer's published keys. Only RS256 and ES256
 * are accepted, so an unsigned ({@code alg: none}) or HMAC token signed with the public key as a
 * secret can never pass. The key set is cached and fetched again when a token names a key it
 * does not hold (the issuer rotated its keys), at most once per reprieve interval.
 */
@Singleton
public class TokenVerifier {
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    /** Tokens from Keycloak and Cognito are 1–2 KB; API Gateway limits headers to 10 KB anyway. */
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** Tolerates small clock differences between the issuer and Lambda, no more. */
    static final int CLOCK_SKEW_SECONDS = 30;
    static final Duration KEY_SET_CACHE = Duration.ofMinutes(10);
    /** The first request after a cold start may wait for the key set; it must not wait long. */
    static final int KEY_SET_TIMEOUT_MILLIS = 2_000;
    static final int KEY_SET_MAX_BYTES = 256 * 1024;
    static final Duration KEY_SET_REFETCH_REPRIEVE = Duration.ofSeconds(10);

    /** Reads the issuer a token names, to choose whose keys verify it; trusts nothing else it says. */
    private static final JwtConsumer ISSUER_ONLY = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    /** A pool the authorizer trusts: its issuer and its published keys. */
    private record Trusted(String issuer, HttpsJwks keySet, VerificationKeyResolver keys) {
    }

    private final Map<String, Trusted> pools = new LinkedHashMap<>();
    private final TokenRules rules;

    /**
     * The players' pool always; the staff pool too where configured, for the player routes that
     * also admit an operator or auditor (a ticket, a draw's proof).
     */
    public TokenVerifier(IdentitySettings settings) {
        IdentitySettings.Pool players = settings.players().orElseThrow(
                () -> new IllegalStateException("fairdraw.identity.players.issuer is not set: the authorizer has no pool to trust"));
        for (IdentitySettings.Pool pool : settings.staff().map(staff -> List.of(players, staff)).orElse(List.of(players))) {
            HttpsJwks keySet = keySet(pool.jwksUrl().orElseThrow(
                    () -> new IllegalStateException("the jwks-url of the pool " + pool.issuer() + " is not set")));
            pools.put(pool.issuer(), new Trusted(pool.issuer(), keySet, new HttpsJwksVerificationKeyResolver(keySet)));
        }
        this.rules = new TokenRules(settings);
    }

    /**
     * Fetches the key sets while the function initialises, where Lambda gives the full CPU; a
     * failure is not fatal, the first request tries again.
     */
    void warmUp(@Observes StartupEvent start) {
        for (Trusted pool : pools.values()) {
            try {
                pool.keySet().refresh();
            } catch (JoseException | IOException e) {
                LOG.warnf("the issuer's key set could not be fetched at start (%s); requests will try again",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The caller, or empty for a token that is malformed, unsigned, expired or not for this API. */
    public Optional<VerifiedToken> verify(String token, Instant now) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        JwtClaims claims;
        Trusted pool;
        try {
            pool = pools.get(ISSUER_ONLY.processToClaims(token).getIssuer());
            if (pool == null) {
                LOG.debug("token refused: its issuer is not a pool this API trusts");
                return Optional.empty();
            }
            claims = consumer(pool, now).processToClaims(token);
        } catch (InvalidJwtException | MalformedClaimException e) {
            if (e instanceof InvalidJwtException invalid) {
                logRejection(invalid);
            }
            return Optional.empty();
        }
        String issuer = pool.issuer();
        Optional<Set<Role>> roles = rules.roles(issuer, claims::getClaimValue);
        if (roles.isEmpty()) {
            LOG.debug("token refused: not an access token issued for this API");
            return Optional.empty();
        }
        try {
            PlayerId playerId = PlayerId.derive(issuer, claims.getSubject());
            return Optional.of(new VerifiedToken(playerId, roles.get()));
        } catch (MalformedClaimException | IllegalArgumentException e) {
            LOG.debug("token refused: its subject is not usable");
            return Optional.empty();
        }
    }

    private static JwtConsumer consumer(Trusted pool, Instant now) {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(pool.keys())
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedIssuer(pool.issuer())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                // Cognito access tokens carry no aud: the client, scope and token use are TokenRules'.
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** Says why without the token or its claims: those identify a person. */
    private static void logRejection(InvalidJwtException e) {
        if (e.getCause() instanceof UnresolvableKeyException unresolvable
                && (unresolvable.getCause() instanceof IOException || unresolvable.getCause() instanceof JoseException)) {
            // The issuer's key set could not be fetched or read: every token fails until it can.
            LOG.warnf("token refused: the issuer's key set is unavailable (%s)", unresolvable.getCause().getClass().getSimpleName());
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("token refused: jose4j error codes %s",
                    e.getErrorDetails().stream().map(detail -> Integer.toString(detail.getErrorCode())).toList());
        }
    }

    private static HttpsJwks keySet(String url) {
        Get get = new Get();
        get.setConnectTimeout(KEY_SET_TIMEOUT_MILLIS);
        get.setReadTimeout(KEY_SET_TIMEOUT_MILLIS);
        get.setResponseBodySizeLimit(KEY_SET_MAX_BYTES);
        get.setRetries(1);
        HttpsJwks jwks = new HttpsJwks(url);
        jwks.setSimpleHttpGet(get);
        jwks.setDefaultCacheDuration(KEY_SET_CACHE.toSeconds());
        jwks.setRefreshReprieveThreshold(KEY_SET_REFETCH_REPRIEVE.toMillis());
        return jwks;
    }
}
