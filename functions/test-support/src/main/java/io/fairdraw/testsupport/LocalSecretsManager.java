package io.fairdraw.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Secrets Manager's GetSecretValue, as its JSON 1.1 protocol answers it, over a store in
 * memory: what local-cloud's functions and the tests read their secrets from, through the same
 * SDK client and Powertools provider as in AWS (no Docker here for LocalStack, and no other
 * emulator is served). A secret is found by name or by the ARN {@link #put} gave it; anything
 * else is AWS's ResourceNotFoundException. Signatures are not checked: it listens on loopback.
 */
public final class LocalSecretsManager implements AutoCloseable {
    public static final String TARGET_PREFIX = "secretsmanager.";
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:000000000000:secret:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> byName = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Stores (or replaces) a secret's value; answers its ARN. */
    public String put(String name, String value) {
        byName.put(name, value);
        return arnOf(name);
    }

    public static String arnOf(String name) {
        return ARN_PREFIX + name;
    }

    /** A secret's name from the id a request gives, its name or its ARN. */
    public static String nameOf(String id) {
        return id.startsWith(ARN_PREFIX) ? id.substring(ARN_PREFIX.length()) : id;
    }

    /** Serves the store on a loopback port of its own, for tests; answers its endpoint. */
    public URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Whether a request is for this service (the SDK posts to "/" and names the operation in a header). */
    public static boolean handles(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    /** Answers one request of the Secrets Manager protocol. */
    public void handle(HttpExchange exchange) throws IOException {
        handle(exchange, exchange.getRequestBody().readAllBytes());
    }

    /** Answers one request whose body the caller has read already (to authorise it first). */
    public void handle(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = JSON.readTree(body);
        if (!("secretsmanager.GetSecretValue").equals(target)) {
            error(exchange, "UnsupportedOperation", "only GetSecretValue is served here, not " + target);
            return;
        }
        String name = nameOf(request.path("SecretId").asText(""));
        Optional<String> value = Optional.ofNullable(byName.get(name));
        if (value.isEmpty()) {
            error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ARN", arnOf(name));
        answer.put("Name", name);
        answer.put("VersionId", UUID.nameUUIDFromBytes(value.get().getBytes(StandardCharsets.UTF_8)).toString());
        answer.put("SecretString", value.get());
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer.put("CreatedDate", Instant.now().getEpochSecond());
        reply(exchange, 200, answer);
    }

    /** The secret a GetSecretValue request names, by name (an ARN is reduced to it); empty if unreadable. */
    public static String secretNameIn(byte[] body) {
        try {
            return nameOf(JSON.readTree(body).path("SecretId").asText(""));
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        reply(exchange, 400, body);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
