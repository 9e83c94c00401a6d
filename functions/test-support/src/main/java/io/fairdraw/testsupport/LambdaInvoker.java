package io.fairdraw.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invokes a plain Lambda function under test through its real entry: the event, as JSON, goes to
 * Quarkus's mock Lambda event server, which hands it to the runtime's poll loop as the Lambda
 * Runtime API does (deserialisation, handler and serialisation included).
 */
public final class LambdaInvoker {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration INVOCATION_LIMIT = Duration.ofSeconds(30);

    private LambdaInvoker() {
    }

    /** The event server's HTTP status and the function's answer (or error document). */
    public record Invocation(int status, String body) {
    }

    public static Invocation invoke(String eventJson) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                .timeout(INVOCATION_LIMIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Invocation(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking the function", e);
        }
    }
}
