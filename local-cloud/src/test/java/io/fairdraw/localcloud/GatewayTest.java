package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local HTTP API with real runtime processes behind it: routes and path parameters, the
 * payload format 2.0 event, the authorizer's verdicts and its cache, the answers API Gateway
 * gives by itself (404, 401 without an identity source, 403 on refusal), and the edge headers
 * that replace whatever a client claims.
 */
class GatewayTest {
    private static final String TOPOLOGY = """
            {"authorizer": {"function": "auth", "payloadFormatVersion": "2.0", "simpleResponses": true,
               "identitySources": ["$request.header.authorization", "$request.header.cloudfront-viewer-country",
                                   "$request.header.x-fairdraw-origin-secret"], "resultTtlSeconds": 60},
             "routes": [
               {"method": "GET", "path": "/v1/things/{thingId}", "function": "api", "auth": "authorizer", "roles": ["player"]},
               {"method": "GET", "path": "/v1/things/mine", "function": "api", "auth": "authorizer", "roles": ["player"]},
               {"method": "GET", "path": "/v1/public", "function": "api", "auth": "public"},
               {"method": "POST", "path": "/v1/hook", "function": "api", "auth": "signature"},
               {"method": "GET", "path": "/v1/backoffice/reports", "function": "backoffice", "auth": "jwt", "roles": ["operator"]}]}
            """;

    @TempDir
    static Path logs;

    private static FunctionHost api;
    private static FunctionHost auth;
    private static Gateway gateway;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        api = TestRuntime.host("api", 5, logs, "http");
        auth = TestRuntime.host("auth", 5, logs, "authorizer");
        api.start();
        auth.start();
        while (!api.ready() || !auth.ready()) {
            Thread.sleep(50);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        gateway = new Gateway(Json.parse(TOPOLOGY.getBytes(StandardCharsets.UTF_8)), Map.of("api", api, "auth", auth),
                new Edge("ID", "JK", "edge-secret"), new StaticFiles(Optional.empty()));
        gateway.start(port);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        api.close();
        auth.close();
    }

    @Test
    void anAdmittedRequestReachesItsFunctionAsAPayload20Event() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/things/t%2D1?b=2&a=1&a=3"))
                .header("Authorization", "Bearer good").header("X-Fairdraw-Origin-Secret", "forged")
                .header("CloudFront-Viewer-Country", "US").header("Cookie", "c1=v1; c2=v2").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-test")).contains("yes");
        assertThat(response.headers().allValues("set-cookie")).contains("session=abc; Path=/");
        JsonNode event = Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /v1/things/{thingId}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/v1/things/t%2D1");
        assertThat(event.path("pathParameters").path("thingId").asText()).isEqualTo("t-1");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("1,3");
        assertThat(event.path("cookies")).hasSize(2);
        assertThat(event.path("headers").path("authorization").asText()).isEqualTo("Bearer good");
        // What a client says about its location or the origin secret is replaced by the edge's.
        assertThat(event.path("headers").path("x-fairdraw-origin-secret").asText()).isEqualTo("edge-secret");
        assertThat(event.path("headers").path("cloudfront-viewer-country").asText()).isEqualTo("ID");
        assertThat(event.path("headers").path("cloudfront-viewer-country-region").asText()).isEqualTo("JK");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("authorizer").path("lambda").path("playerId").asText()).isEqualTo("pl_test");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    }

    @Test
    void aRouteToAFunctionStartedWithoutSaysSoRatherThanFailing() throws Exception {
        // local-cloud started with FAIRDRAW_FUNCTIONS naming a subset: the back office is not running.
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/backoffice/reports")).header("Authorization", "Bearer good").GET());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("backoffice is not running here", "FAIRDRAW_FUNCTIONS");
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/things/mine")).header("Authorization", "Bearer good").GET());
        JsonNode event = Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /v1/things/mine");
        assertThat(event.has("pathParameters")).isFalse();
    }

    @Test
    void theGatewayAnswersByItselfWhenThereIsNoRouteNoTokenOrARefusal() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/v1/nothing")).GET());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(send(HttpRequest.newBuilder(uri("/v1/public")).DELETE()).statusCode()).isEqualTo(404);

        int authorizerCalls = (int) auth.status().get("invocations");
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/v1/things/t1")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat((int) auth.status().get("invocations")).as("a missing identity source never reaches the authorizer").isEqualTo(authorizerCalls);

        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/things/t1")).header("Authorization", "Bearer bad").GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void theAuthorizersVerdictIsCachedByItsIdentitySources() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/things/cached")).header("Authorization", "Bearer good")
                .header("x-fairdraw-local-viewer", "MY-10");
        assertThat(send(request).statusCode()).isEqualTo(200);
        int calls = (int) auth.status().get("invocations");
        HttpResponse<String> again = send(request);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat((int) auth.status().get("invocations")).isEqualTo(calls);
        JsonNode event = Json.parse(again.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.path("requestContext").path("authorizer").path("lambda").path("country").asText()).isEqualTo("MY");
        assertThat(event.path("headers").has("x-fairdraw-local-viewer")).isFalse();
    }

    @Test
    void publicAndSignedRoutesSkipTheAuthorizerAndCarryTheirBody() throws Exception {
        int calls = (int) auth.status().get("invocations");
        HttpResponse<String> hook = send(HttpRequest.newBuilder(uri("/v1/hook")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"DEPOSIT\"}")));
        assertThat(hook.statusCode()).isEqualTo(200);
        JsonNode event = Json.parse(hook.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.path("body").asText()).isEqualTo("{\"kind\":\"DEPOSIT\"}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.path("requestContext").has("authorizer")).isFalse();

        HttpResponse<String> binary = send(HttpRequest.newBuilder(uri("/v1/hook"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 0})));
        JsonNode binaryEvent = Json.parse(binary.body().getBytes(StandardCharsets.UTF_8));
        assertThat(binaryEvent.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(binaryEvent.path("body").asText()).isEqualTo("//4A");
        assertThat((int) auth.status().get("invocations")).isEqualTo(calls);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
