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
 * Real signed JWTs for tests, shaped as Cognito's access tokens are ({@code token_use},
 * {@code client_id} and no {@code aud}, {@code scope}, {@code cognito:groups}, {@code username}),
 * made with the key whose public half the WireMock OIDC server publishes (kid "1"), plus the
 * broken tokens every route must refuse. Players come from the players' pool ({@link #ISSUER});
 * operators and auditors from the staff pool ({@link #STAFF_ISSUER}), as deployed. Player A and
 * player B are two different people.
 */
public final class Tokens {
    /** The players' pool: the issuer the WireMock OIDC server announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    /** The staff pool: the same test key set under another issuer (platform's test settings). */
    public static final String STAFF_ISSUER = "https://staff.example.com";
    public static final String WEB_CLIENT = "fairdraw-web";
    public static final String BACK_OFFICE_CLIENT = "fairdraw-back-office";
    public static final String PLAY_SCOPE = "fairdraw/play";
    public static final String BACK_OFFICE_SCOPE = "fairdraw/back-office";
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

    /**
     * A player token for any subject, for tests that need many distinct players. It names no
     * group, as a player who signed up themselves has none: the pool makes them a player.
     */
    public static String player(String subject) {
        return sign(player(subject, List.of(), Instant.now().plus(LIFETIME)), KEY);
    }

    public static String operator() {
        return operator(OPERATOR);
    }

    /** An operator token for any subject, for four-eyes tests that need two different operators. */
    public static String operator(String subject) {
        return sign(staff(subject, List.of("operator"), Instant.now().plus(LIFETIME)), KEY);
    }

    public static String auditor() {
        return sign(staff(AUDITOR, List.of("auditor"), Instant.now().plus(LIFETIME)), KEY);
    }

    /** A players'-pool token whose groups say operator: it must grant nothing beyond a player's rights. */
    public static String playerPoolOperator() {
        return sign(player("player-pool-operator", List.of("operator"), Instant.now().plus(LIFETIME)), KEY);
    }

    /** A subject's player id as every function derives it from the token. */
    public static PlayerId playerIdOf(String subject) {
        return PlayerId.derive(ISSUER, subject);
    }

    /** Expired an hour ago: well outside any clock-skew allowance. */
    public static String expired() {
        return sign(player(PLAYER_A, List.of(), Instant.now().minus(Duration.ofHours(1))), KEY);
    }

    public static String wrongIssuer() {
        JwtClaims claims = player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME));
        claims.setIssuer("https://attacker.example.com");
        return sign(claims, KEY);
    }

    /** Issued to an app client this API does not serve. */
    public static String wrongAudience() {
        JwtClaims claims = player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME));
        claims.setClaim("client_id", "some-other-app");
        return sign(claims, KEY);
    }

    /** An ID token ({@code token_use: id}) in place of an access token. */
    public static String idToken() {
        JwtClaims claims = player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME));
        claims.setClaim("token_use", "id");
        return sign(claims, KEY);
    }

    /** An access token of the right client that was not granted the API's scope. */
    public static String withoutApiScope() {
        JwtClaims claims = player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME));
        claims.setClaim("scope", "openid email");
        return sign(claims, KEY);
    }

    /** A valid operator token whose payload was then changed to grant the auditor role too. */
    public static String tampered() {
        String[] parts = operator().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"operator\"]", "[\"operator\",\"auditor\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** Unsigned, announcing {@code alg: none}. */
    public static String algNone() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME)).toJson();
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
            return sign(player(PLAYER_A, List.of(), Instant.now().plus(LIFETIME)), stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    private static JwtClaims player(String subject, List<String> groups, Instant expiry) {
        return claims(subject, ISSUER, WEB_CLIENT, PLAY_SCOPE, groups, expiry);
    }

    private static JwtClaims staff(String subject, List<String> groups, Instant expiry) {
        return claims(subject, STAFF_ISSUER, BACK_OFFICE_CLIENT, BACK_OFFICE_SCOPE, groups, expiry);
    }

    /** What a Cognito access token carries: no aud, no profile claims. */
    private static JwtClaims claims(String subject, String issuer, String client, String scope, List<String> groups,
            Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("token_use", "access");
        claims.setClaim("client_id", client);
        claims.setClaim("scope", "openid " + scope);
        claims.setClaim("username", subject);
        if (!groups.isEmpty()) {
            claims.setStringListClaim("cognito:groups", groups);
        }
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
