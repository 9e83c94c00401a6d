package io.fairdraw.testsupport;

import io.fairdraw.model.id.PlayerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Real signed JWTs for tests, made with the key whose public half the WireMock OIDC server
 * publishes (kid "1"), plus the broken tokens every route must refuse. Player A and player B are
 * two different people; the operator and auditor hold only their back-office roles.
 */
public final class Tokens {
    /** The issuer the WireMock OIDC server announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "fairdraw-api";
    public static final String PLAYER_A = "player-a-subject";
    public static final String PLAYER_B = "player-b-subject";
    public static final String OPERATOR = "operator-subject";
    public static final String AUDITOR = "auditor-subject";

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final RsaJsonWebKey KEY = loadKey();

    private Tokens() {
    }

    public static String playerA() {
        return player(PLAYER_A);
    }

    public static String playerB() {
        return player(PLAYER_B);
    }

    /** A player token for any subject, for tests that need many distinct players. */
    public static String player(String subject) {
        return sign(claims(subject, ISSUER, AUDIENCE, List.of("player"), Instant.now().plus(LIFETIME)), KEY);
    }

    public static String operator() {
        return sign(claims(OPERATOR, ISSUER, AUDIENCE, List.of("operator"), Instant.now().plus(LIFETIME)), KEY);
    }

    /** An operator token for any subject, for four-eyes tests that need two different operators. */
    public static String operator(String subject) {
        return sign(claims(subject, ISSUER, AUDIENCE, List.of("operator"), Instant.now().plus(LIFETIME)), KEY);
    }

    public static String auditor() {
        return sign(claims(AUDITOR, ISSUER, AUDIENCE, List.of("auditor"), Instant.now().plus(LIFETIME)), KEY);
    }

    /** A subject's player id as every function derives it from the token. */
    public static PlayerId playerIdOf(String subject) {
        return PlayerId.derive(ISSUER, subject);
    }

    /** Expired an hour ago: well outside any clock-skew allowance. */
    public static String expired() {
        return sign(claims(PLAYER_A, ISSUER, AUDIENCE, List.of("player"), Instant.now().minus(Duration.ofHours(1))), KEY);
    }

    public static String wrongIssuer() {
        return sign(claims(PLAYER_A, "https://attacker.example.com", AUDIENCE, List.of("player"), Instant.now().plus(LIFETIME)), KEY);
    }

    public static String wrongAudience() {
        return sign(claims(PLAYER_A, ISSUER, "some-other-api", List.of("player"), Instant.now().plus(LIFETIME)), KEY);
    }

    /** A valid token whose payload was then changed to grant the operator role. */
    public static String tampered() {
        String[] parts = playerA().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"player\"", "\"operator\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** Unsigned, announcing {@code alg: none}. */
    public static String algNone() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = claims(PLAYER_A, ISSUER, AUDIENCE, List.of("player"), Instant.now().plus(LIFETIME)).toJson();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Well-formed and signed, with the right kid, but by a key the issuer never published. */
    public static String signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RsaJsonWebKey stranger = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            stranger.setPrivateKey(pair.getPrivate());
            stranger.setKeyId(KEY.getKeyId());
            return sign(claims(PLAYER_A, ISSUER, AUDIENCE, List.of("player"), Instant.now().plus(LIFETIME)), stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    private static JwtClaims claims(String subject, String issuer, String audience, List<String> groups, Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAt(NumericDate.fromSeconds(expiry.minus(LIFETIME).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setJwtId(java.util.UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private static RsaJsonWebKey loadKey() {
        // privateKey.jwk ships in quarkus-test-oidc-server; its public half is what the mock server publishes.
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("privateKey.jwk is missing: is quarkus-test-oidc-server on the test classpath?");
            }
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("privateKey.jwk is not a JWK", e);
        }
    }
}
