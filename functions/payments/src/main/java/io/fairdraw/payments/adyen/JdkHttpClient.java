package io.fairdraw.payments.adyen;

import static com.adyen.constants.ApiConstants.RequestProperty.ADYEN_LIBRARY_NAME;
import static com.adyen.constants.ApiConstants.RequestProperty.ADYEN_LIBRARY_VERSION;
import static com.adyen.constants.ApiConstants.RequestProperty.API_KEY;
import static com.adyen.constants.ApiConstants.RequestProperty.APPLICATION_JSON_TYPE;
import static com.adyen.constants.ApiConstants.RequestProperty.CONTENT_TYPE;
import static com.adyen.constants.ApiConstants.RequestProperty.IDEMPOTENCY_KEY;
import static com.adyen.constants.ApiConstants.RequestProperty.USER_AGENT;

import com.adyen.Client;
import com.adyen.Config;
import com.adyen.constants.ApiConstants.HttpMethod;
import com.adyen.httpclient.ClientInterface;
import com.adyen.httpclient.HTTPClientException;
import com.adyen.model.RequestOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Adyen library's transport on the JDK's own HTTP client. The library's default transport
 * needs Apache HttpClient 5 and builds a new connection pool for every call; this one keeps one
 * client, and its TLS sessions, for the life of the function, and adds no dependency to the
 * Lambda or the native image (the same reasoning as rule 3 in native-build/README.md).
 * It authenticates with the API key only: Fairdraw never uses Adyen's basic authentication.
 */
final class JdkHttpClient implements ClientInterface {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Below API Gateway's 29 s, so a slow Adyen answer fails the call rather than the whole request.
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public String request(String endpoint, String body, Config config) throws IOException, HTTPClientException {
        return request(endpoint, body, config, true, null, HttpMethod.POST, null);
    }

    @Override
    public String request(String endpoint, String body, Config config, boolean apiKeyRequired) throws IOException, HTTPClientException {
        return request(endpoint, body, config, apiKeyRequired, null, HttpMethod.POST, null);
    }

    @Override
    public String request(String endpoint, String body, Config config, boolean apiKeyRequired, RequestOptions options)
            throws IOException, HTTPClientException {
        return request(endpoint, body, config, apiKeyRequired, options, HttpMethod.POST, null);
    }

    @Override
    public String request(String endpoint, String body, Config config, boolean apiKeyRequired, RequestOptions options, HttpMethod method)
            throws IOException, HTTPClientException {
        return request(endpoint, body, config, apiKeyRequired, options, method, null);
    }

    @Override
    public String request(String endpoint, String body, Config config, boolean apiKeyRequired, RequestOptions options, HttpMethod method,
            Map<String, String> params) throws IOException, HTTPClientException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint, params))
                .timeout(RESPONSE_TIMEOUT)
                .header(CONTENT_TYPE, APPLICATION_JSON_TYPE)
                .header(USER_AGENT, Client.LIB_NAME + "/" + Client.LIB_VERSION)
                .header(ADYEN_LIBRARY_NAME, Client.LIB_NAME)
                .header(ADYEN_LIBRARY_VERSION, Client.LIB_VERSION)
                .method(method.name(), hasBody(method, body)
                        ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody());
        if (config.getApiKey() == null || config.getApiKey().isEmpty()) {
            throw new IllegalStateException("Adyen calls need an API key");
        }
        request.header(API_KEY, config.getApiKey());
        if (options != null) {
            addOptions(request, options);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            // Resource turns this into an ApiException carrying Adyen's error body and headers.
            throw new HTTPClientException(response.statusCode(), "HTTP Exception", response.headers().map(), response.body());
        }
        return response.body();
    }

    private static void addOptions(HttpRequest.Builder request, RequestOptions options) {
        if (options.getIdempotencyKey() != null) {
            request.header(IDEMPOTENCY_KEY, options.getIdempotencyKey());
        }
        if (options.getAdditionalServiceHeaders() != null) {
            options.getAdditionalServiceHeaders().forEach(request::header);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while calling Adyen");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private static boolean hasBody(HttpMethod method, String body) {
        return (method == HttpMethod.POST || method == HttpMethod.PATCH) && body != null && !body.isEmpty();
    }

    private static URI uri(String endpoint, Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return URI.create(endpoint);
        }
        return URI.create(endpoint + "?" + params.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
