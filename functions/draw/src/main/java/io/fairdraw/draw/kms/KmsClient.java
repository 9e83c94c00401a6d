package io.fairdraw.draw.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The three KMS operations the draw needs, over HTTPS with SigV4. The SDK's KMS module is not
 * used: one signer and three JSON calls are all it takes, and nothing here needs reflection.
 */
public final class KmsClient {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final String region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final ObjectMapper json = new ObjectMapper();

    public KmsClient(URI endpoint, String region, IdentityProvider<? extends AwsCredentialsIdentity> credentials, Duration timeout) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The regional endpoint, {@code https://kms.<region>.amazonaws.com/}. */
    public static URI endpointOf(String region) {
        return URI.create("https://kms." + region + ".amazonaws.com/");
    }

    public byte[] generateRandom(int bytes) {
        ObjectNode body = json.createObjectNode().put("NumberOfBytes", bytes);
        return binary(call("GenerateRandom", body), "Plaintext");
    }

    public byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> context) {
        ObjectNode body = json.createObjectNode().put("KeyId", keyId).put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        context.forEach(body.putObject("EncryptionContext")::put);
        return binary(call("Encrypt", body), "CiphertextBlob");
    }

    /** Decrypts under the named key only: a blob encrypted under another key is refused by KMS. */
    public byte[] decrypt(String keyId, byte[] ciphertext, Map<String, String> context) {
        ObjectNode body = json.createObjectNode().put("KeyId", keyId)
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(ciphertext));
        context.forEach(body.putObject("EncryptionContext")::put);
        return binary(call("Decrypt", body), "Plaintext");
    }

    private JsonNode call(String operation, ObjectNode body) {
        try {
            byte[] payload = json.writeValueAsBytes(body);
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", "TrentService." + operation)
                    .build();
            AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
            SdkHttpRequest signed = signer.sign(r -> r.identity(identity).request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(payload));
            signed.headers().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("KMS " + operation + " failed: " + response.statusCode() + " "
                        + answer.path("__type").asText("unknown error"));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("KMS " + operation + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling KMS " + operation, e);
        }
    }

    private static byte[] binary(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("KMS answered without " + field);
        }
        return Base64.getDecoder().decode(value.asText());
    }
}
