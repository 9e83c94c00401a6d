package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.testsupport.LocalSecretsManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of this run, served as AWS Secrets Manager serves them in AWS (on the control port,
 * {@link LocalSecretsManager}), one per role of topology.json's {@code secrets}: the functions read
 * them at start through the same client, by the ids {@link #idsOf} names, and no secret is passed
 * to them as a setting. The origin and webhook secrets are drawn afresh at each start; the
 * screening key and the back office's key-encryption key protect data kept under .local/, so
 * they are drawn once and kept there (readable by their owner only).
 */
final class LocalSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalSecretsManager store = new LocalSecretsManager();
    private final Map<String, String> idByRole = new LinkedHashMap<>();

    LocalSecrets(Path data, String originSecret, String sandboxWebhookSecret) throws IOException {
        Path kept = data.resolve("secrets");
        role("edge-origin", Map.of("fairdraw.edge.origin-secret", originSecret));
        role("payment-providers", Map.of("fairdraw.payments.sandbox.webhook-secret", sandboxWebhookSecret));
        role("screening-key", Map.of("fairdraw.compliance.screening-key", kept(kept.resolve("screening-key"))));
        role("backoffice-key-encryption", Map.of("fairdraw.backoffice.key-encryption-key", kept(kept.resolve("key-encryption-key"))));
    }

    private void role(String role, Map<String, String> properties) {
        ObjectNode secret = Json.object();
        properties.forEach(secret::put);
        idByRole.put(role, store.put("fairdraw-local/" + role, Json.text(secret)));
    }

    /** The ids of the secrets a function of the topology reads, comma-separated as FAIRDRAW_CONFIG_SECRETS. */
    String idsOf(JsonNode function) {
        List<String> ids = new ArrayList<>();
        for (JsonNode role : function.path("secrets")) {
            String id = idByRole.get(role.asText());
            if (id == null) {
                throw new IllegalStateException("topology.json names a secret role local-cloud does not serve: " + role.asText());
            }
            ids.add(id);
        }
        return String.join(",", ids);
    }

    LocalSecretsManager store() {
        return store;
    }

    /** A 32-byte key in Base64, drawn the first time and read back afterwards. */
    private static String kept(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, encoded + "\n");
        return encoded;
    }
}
