package io.fairdraw.draw.beacon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs from drand relays on the JDK's HTTP client: one client, and its TLS sessions, for the life
 * of the function, no added dependency (the reasoning of rule 3 in native-build/README.md). Each
 * exchange, body included, is bounded by the connect and read timeouts; redirects are not
 * followed, since a relay is named by its URL.
 */
final class RelayClient {
    // Duplicate keys and trailing data make an answer ambiguous: refused, not guessed at.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    record Answer(int status, String body) {
        JsonNode json() throws RelayFailure {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new RelayFailure("the answer is not JSON");
            }
        }
    }

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    RelayClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer get(URI uri) throws RelayFailure {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = pending.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RelayFailure("no complete answer within " + connectTimeout.plus(readTimeout).toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpConnectTimeoutException) {
                throw new RelayFailure("no connection within " + connectTimeout.toMillis() + " ms");
            }
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new RelayFailure("no answer within " + readTimeout.toMillis() + " ms");
            }
            throw new RelayFailure("unreachable (" + describe(e.getCause()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new RelayFailure("interrupted");
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
