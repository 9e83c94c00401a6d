package io.fairdraw.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a draw's seed encrypted at rest with AES-256-GCM under a key only the draw function holds
 * (a laptop's configuration, or a secret), with the draw id as associated data so a seed cannot
 * be moved to another draw. A missing or short key stops the function.
 */
final class AesSeedVault implements SeedVault {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom nonces = new SecureRandom();

    AesSeedVault(java.util.Optional<String> base64Key) {
        byte[] decoded = base64Key.map(k -> Base64.getDecoder().decode(k)).orElse(new byte[0]);
        if (decoded.length != 32) {
            throw new IllegalStateException("fairdraw.draw.seed-key must be 32 bytes in base64");
        }
        this.key = decoded;
    }

    @Override
    public byte[] seal(String drawId, byte[] seed) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            nonces.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, drawId);
            return ByteBuffer.allocate(NONCE_BYTES + seed.length + TAG_BITS / 8).put(nonce).put(cipher.doFinal(seed)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] open(String drawId, byte[] sealed) {
        try {
            byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
            return cipher(Cipher.DECRYPT_MODE, nonce, drawId).doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seed of " + drawId + " does not decrypt: wrong key or tampered item", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String drawId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(drawId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
