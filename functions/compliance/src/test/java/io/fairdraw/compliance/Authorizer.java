package io.fairdraw.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.testsupport.AuthorizerEvents;
import io.fairdraw.testsupport.LambdaInvoker;
import java.io.IOException;
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
        LambdaInvoker.Invocation invocation = LambdaInvoker.invoke(eventJson);
        return Answer.of(invocation.status(), invocation.body());
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
