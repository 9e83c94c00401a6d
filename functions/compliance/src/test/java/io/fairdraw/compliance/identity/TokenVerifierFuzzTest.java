package io.fairdraw.compliance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.security.PoolSettings;
import io.fairdraw.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Fuzz targets for bearer tokens, verified against a static key set served from loopback (no
 * network). Any text is refused without an exception; any claims signed with the issuer's key
 * are accepted only when issuer, expiry, subject, client, scope and token use all hold, and then name the player
 * derived from the subject. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/compliance/identity/TokenVerifierFuzzTestInputs.
 */
class TokenVerifierFuzzTest {
    private static final String ISSUER = "https://id.fairdraw.test/realms/fairdraw";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final RsaJsonWebKey KEY = loadKey();
    private static final String CLIENT = "fairdraw-web";
    private static final String SCOPE = "fairdraw/play";
    /** The players' pool as Terraform configures it, with Cognito's claim names. */
    private static final TokenVerifier VERIFIER = new TokenVerifier(new PoolSettings(
            Optional.of(new PoolSettings.Pool(ISSUER, List.of(CLIENT), Optional.of(SCOPE), Optional.of(serveKeySet()))), Optional.empty()));

    @FuzzTest(maxDuration = "110s")
    void anyTextIsRefusedWithoutAnException(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        assertThat(VERIFIER.verify(token, NOW)).isEmpty();
    }

    @FuzzTest(maxDuration = "110s")
    void anySignedClaimsAreAcceptedOnlyWhenEveryCheckHolds(FuzzedDataProvider data) throws Exception {
        String header = data.consumeBoolean() ? AlgorithmIdentifiers.RSA_USING_SHA256 : data.pickValue(java.util.List.of(
                AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.HMAC_SHA256));
        String claimsJson = data.consumeRemainingAsString();
        JwtClaims claims;
        try {
            claims = JwtClaims.parse(claimsJson);
        } catch (org.jose4j.jwt.consumer.InvalidJwtException notClaims) {
            return;
        }
        String token = sign(claimsJson, header);
        if (token == null) {
            return;
        }
        Optional<VerifiedToken> verified = VERIFIER.verify(token, NOW);
        if (verified.isPresent()) {
            assertThat(header).isEqualTo(AlgorithmIdentifiers.RSA_USING_SHA256);
            assertThat(claims.getIssuer()).isEqualTo(ISSUER);
            assertThat(claims.getExpirationTime().getValue()).isGreaterThanOrEqualTo(NOW.getEpochSecond() - 30);
            assertThat(claims.getClaimValue("token_use")).isEqualTo("access");
            assertThat(claims.getClaimValue("client_id")).isEqualTo(CLIENT);
            assertThat(claims.getStringClaimValue("scope").split(" ")).contains(SCOPE);
            assertThat(verified.get().playerId()).isEqualTo(PlayerId.derive(ISSUER, claims.getSubject()));
            // The players' pool makes players only, whatever groups a token names.
            assertThat(verified.get().roles()).containsExactly(Role.PLAYER);
        }
    }

    private static String sign(String payload, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKeyIdHeaderValue(KEY.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(algorithm.startsWith("HS") ? new org.jose4j.keys.HmacKey(KEY.getPublicKey().getEncoded()) : KEY.getPrivateKey());
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException unsignable) {
            return null;
        }
    }

    private static String serveKeySet() {
        try {
            String keys = new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            byte[] body = keys.getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RsaJsonWebKey loadKey() {
        // The test key that ships in quarkus-test-oidc-server: never a real issuer's.
        try (InputStream in = TokenVerifierFuzzTest.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
