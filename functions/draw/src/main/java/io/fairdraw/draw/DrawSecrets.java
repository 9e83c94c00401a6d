package io.fairdraw.draw;

import io.fairdraw.draw.kms.KmsClient;
import io.fairdraw.draw.kms.KmsSeedVault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Where seeds come from and how they are kept, by configuration ({@code fairdraw.draw.secrets}):
 * {@code kms} in AWS (GenerateRandom, and Encrypt/Decrypt under {@code fairdraw.draw.kms.key-id}
 * with the draw id as encryption context), {@code local} on a laptop and in tests (the JDK's DRBG
 * and AES-256-GCM under {@code fairdraw.draw.seed-key}).
 */
public class DrawSecrets {
    @ConfigProperty(name = "fairdraw.draw.secrets", defaultValue = "local")
    String kind;

    @ConfigProperty(name = "fairdraw.draw.seed-key")
    Optional<String> seedKey;

    @ConfigProperty(name = "fairdraw.draw.kms.key-id")
    Optional<String> keyId;

    @ConfigProperty(name = "fairdraw.draw.kms.region")
    Optional<String> region;

    @ConfigProperty(name = "fairdraw.draw.kms.endpoint")
    Optional<URI> endpoint;

    @Produces
    @Singleton
    KmsClientHolder kms() {
        if (!"kms".equals(kind)) {
            return new KmsClientHolder(null, null);
        }
        String kmsRegion = region.or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .orElseThrow(() -> new IllegalStateException("fairdraw.draw.kms.region (or AWS_REGION) is required with KMS"));
        String key = keyId.orElseThrow(() -> new IllegalStateException("fairdraw.draw.kms.key-id is required with KMS"));
        return new KmsClientHolder(new KmsClient(endpoint.orElse(KmsClient.endpointOf(kmsRegion)), kmsRegion,
                DefaultCredentialsProvider.builder().build(), Duration.ofSeconds(5)), key);
    }

    @Produces
    @Singleton
    SeedSource seeds(KmsClientHolder kms) {
        return switch (kind) {
            case "kms" -> () -> kms.client().generateRandom(32);
            case "local" -> new SecureRandomSeeds();
            default -> throw new IllegalStateException("fairdraw.draw.secrets is kms or local, not " + kind);
        };
    }

    @Produces
    @Singleton
    SeedVault vault(KmsClientHolder kms) {
        return switch (kind) {
            case "kms" -> new KmsSeedVault(kms.client(), kms.keyId());
            case "local" -> new AesSeedVault(seedKey);
            default -> throw new IllegalStateException("fairdraw.draw.secrets is kms or local, not " + kind);
        };
    }

    /** The KMS client and key when KMS is configured; empty otherwise. */
    record KmsClientHolder(KmsClient client, String keyId) {
    }
}
