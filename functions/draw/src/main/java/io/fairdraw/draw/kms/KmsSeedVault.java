package io.fairdraw.draw.kms;

import io.fairdraw.draw.SeedVault;
import java.util.Map;

/** Seeds sealed by KMS Encrypt under the draw key, bound to their draw by the encryption context. */
public final class KmsSeedVault implements SeedVault {
    private final KmsClient kms;
    private final String keyId;

    public KmsSeedVault(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] seal(String drawId, byte[] seed) {
        return kms.encrypt(keyId, seed, Map.of("drawId", drawId));
    }

    @Override
    public byte[] open(String drawId, byte[] sealed) {
        return kms.decrypt(keyId, sealed, Map.of("drawId", drawId));
    }
}
