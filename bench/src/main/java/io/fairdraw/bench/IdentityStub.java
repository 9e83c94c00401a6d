package io.fairdraw.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fairdraw.testsupport.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The identity provider as a function sees it: an OpenID discovery document naming the tokens'
 * issuer and a key set holding the public half of the key {@link Tokens} signs with (the one the
 * tests' WireMock OIDC server publishes). The WireMock server itself needs Quarkus's
 * configuration on the class path, which the benchmark leaves to the hosted function.
 */
final class IdentityStub implements AutoCloseable {
    private static final String REALM = "/realms/quarkus";

    private final HttpServer server;

    IdentityStub() throws IOException, JoseException {
        String jwks;
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("privateKey.jwk is missing from the class path");
            }
            JsonWebKey key = JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            jwks = "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        String discovery = "{\"issuer\":\"" + Tokens.ISSUER + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\","
                + "\"token_endpoint\":\"" + base + "/protocol/openid-connect/token\","
                + "\"authorization_endpoint\":\"" + base + "/protocol/openid-connect/auth\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> answer(exchange, jwks));
        server.start();
    }

    /** What {@code quarkus.oidc.auth-server-url} is set to. */
    String authServerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    /** A function's identity settings for this provider as the players' pool, as Terraform gives them. */
    Map<String, String> playerPoolSettings() {
        return Map.of("quarkus.oidc.auth-server-url", authServerUrl(),
                "fairdraw.identity.players.issuer", Tokens.ISSUER,
                "fairdraw.identity.players.clients", Tokens.WEB_CLIENT,
                "fairdraw.identity.players.scope", Tokens.PLAY_SCOPE);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
