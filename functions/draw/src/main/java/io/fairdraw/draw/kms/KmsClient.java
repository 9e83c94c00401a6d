package io.fairdraw.draw.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.platform.aws.AwsJsonClient;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The three KMS operations the draw needs, over HTTPS with SigV4 ({@link AwsJsonClient}). The
 * SDK's KMS module is not used: three JSON calls are all it takes, and nothing here needs reflection.
 */
public final class KmsClient {
    private final AwsJsonClient kms;

    public KmsClient(URI endpoint, String region, IdentityProvider<? extends AwsCredentialsIdentity> credentials, Duration timeout) {
        this.kms = new AwsJsonClient(endpoint, "kms", region, "TrentService", "1.1", credentials, timeout);
    }

    /** The regional endpoint, {@code https://kms.<region>.amazonaws.com/}. */
    public static URI endpointOf(String region) {
        return AwsJsonClient.endpointOf("kms", region);
    }

    public byte[] generateRandom(int bytes) {
        return binary(kms.call("GenerateRandom", AwsJsonClient.object().put("NumberOfBytes", bytes)), "Plaintext");
    }

    public byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> context) {
        ObjectNode body = AwsJsonClient.object().put("KeyId", keyId).put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        context.forEach(body.putObject("EncryptionContext")::put);
        return binary(kms.call("Encrypt", body), "CiphertextBlob");
    }

    /** Decrypts under the named key only: a blob encrypted under another key is refused by KMS. */
    public byte[] decrypt(String keyId, byte[] ciphertext, Map<String, String> context) {
        ObjectNode body = AwsJsonClient.object().put("KeyId", keyId)
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(ciphertext));
        context.forEach(body.putObject("EncryptionContext")::put);
        return binary(kms.call("Decrypt", body), "Plaintext");
    }

    private static byte[] binary(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("KMS answered without " + field);
        }
        return Base64.getDecoder().decode(value.asText());
    }
}
