package io.fairdraw.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.testsupport.AuthorizerEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invokes the function through its real Lambda entry: the event goes, as JSON, to Quarkus's mock
 * Lambda event server, which hands it to the runtime's poll loop exactly as the Lambda Runtime
 * API does in AWS (deserialisation, handler, serialisation included), and returns the answer.
 */
final class Authorizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration INVOCATION_LIMIT = Duration.ofSeconds(30);

    private Authorizer() {
    }

    /** The secret the test profile configures as CloudFront's origin header. */
    static String originSecret() {
        return ConfigProvider.getConfig().getValue("fairdraw.edge.origin-secret", String.class);
    }

    /** A request as it arrives through CloudFront: origin secret and viewer location included. */
    static AuthorizerEvents.Request throughTheEdge(String token, String country, String region) {
        return AuthorizerEvents.request("GET", "/v1/players/me").bearer(token).originSecret(originSecret())
                .viewer(country, region);
    }

    static Answer call(AuthorizerEvents.Request request) {
        return call(request.json());
    }

    static Answer call(String eventJson) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                .timeout(INVOCATION_LIMIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Answer.of(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking the function", e);
        }
    }

    /** The invocation's outcome: the HTTP status of the event server and the function's simple response. */
    record Answer(int status, String body, boolean authorized, Map<String, String> context) {
        static Answer of(int status, String body) {
            Map<String, String> context = new TreeMap<>();
            boolean authorized = false;
            try {
                JsonNode root = JSON.readTree(body);
                if (root != null && root.isObject()) {
                    authorized = root.path("isAuthorized").isBoolean() && root.path("isAuthorized").booleanValue();
                    root.path("context").properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
                }
            } catch (IOException notJson) {
                // An invocation error page is not JSON; the answer then authorizes nothing.
            }
            return new Answer(status, body, authorized, context);
        }

        String get(String key) {
            return context.get(key);
        }
    }
}
