package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane refuses what it cannot read with 400 problem+json and changes nothing. */
class ControlApiTest {
    @TempDir
    Path logs;

    @Test
    void uglyInputIsRefusedAndChangesNothing() throws Exception {
        Chaos chaos = new Chaos();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ControlApi control = new ControlApi(Map.of(), Map.of(), new EventBus(Json.parse("{\"eventRules\":[]}".getBytes()), Map.of(),
                logs.resolve("events.log"), chaos), null,
                new SandboxPage("secret-0123456789abcdef0123456789ab", 1, new SandboxRecords(logs.resolve("sandbox.jsonl"))), null, chaos, null, Map.of(), Map.of());
        control.start(port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String body : new String[] {"not json", "{\"writeFaultRate\": 0.9}"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.headers().firstValue("content-type")).contains("application/problem+json");
                assertThat(answer.body()).contains("\"status\":400");
                assertThat(chaos.on()).isFalse();
            }
            // A payment the sandbox never registered cannot be paid, whatever the address claims.
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/pay/sbx_1?amount=lots"))
                    .POST(HttpRequest.BodyPublishers.ofString("outcome=pay")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(404);
            for (String body : new String[] {"not json", "{\"paymentId\":\"sbx_2\",\"reference\":\"dep_2\",\"amount\":{\"amount\":1.5,"
                    + "\"currency\":\"IDR\"}}", "{\"paymentId\":\"../x\",\"reference\":\"dep_2\",\"amount\":{\"amount\":1,\"currency\":\"IDR\"}}"}) {
                HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/payments"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(registered.statusCode()).isEqualTo(400);
            }
        } finally {
            control.close();
        }
    }
}
