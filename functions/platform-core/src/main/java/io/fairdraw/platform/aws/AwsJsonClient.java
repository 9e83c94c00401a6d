package io.fairdraw.platform.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * One AWS JSON-protocol service (KMS, SQS): POST to the regional endpoint with
 * {@code X-Amz-Target: <prefix>.<operation>}, signed with SigV4 for the service. Errors come
 * back as exceptions naming the operation and AWS's error type, never the request body.
 */
public final class AwsJsonClient {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String service;
    private final String region;
    private final String targetPrefix;
    private final String contentType;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param service the signing name ({@code kms}, {@code sqs})
     * @param targetPrefix {@code TrentService} for KMS, {@code AmazonSQS} for SQS
     * @param jsonVersion {@code 1.1} for KMS, {@code 1.0} for SQS
     */
    public AwsJsonClient(URI endpoint, String service, String region, String targetPrefix, String jsonVersion,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials, Duration timeout) {
        this.endpoint = endpoint;
        this.service = service;
        this.region = region;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.credentials = credentials;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The regional endpoint, {@code https://<service>.<region>.amazonaws.com/}. */
    public static URI endpointOf(String service, String region) {
        return URI.create("https://" + service + "." + region + ".amazonaws.com/");
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public JsonNode call(String operation, ObjectNode body) {
        try {
            byte[] payload = JSON.writeValueAsBytes(body);
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                    .putHeader("Content-Type", contentType)
                    .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                    .build();
            AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
            SdkHttpRequest signed = signer.sign(r -> r.identity(identity).request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(payload));
            signed.headers().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(prefixName() + " " + operation + " failed: " + response.statusCode() + " "
                        + answer.path("__type").asText("unknown error"));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(prefixName() + " " + operation + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + prefixName() + " " + operation, e);
        }
    }

    private String prefixName() {
        return service.toUpperCase(Locale.ROOT);
    }
}
