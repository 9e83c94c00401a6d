package io.fairdraw.backoffice.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Envelope encryption of personal data: each player has a data key (AES-256-GCM), stored wrapped
 * under the store's key-encryption key; the personal record is sealed under the data key with the
 * player id as associated data. Destroying a player's data key makes the record unreadable
 * everywhere it was copied (backups included) without touching the audit trail: crypto-shredding.
 */
@ApplicationScoped
public class PersonalData {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the back office may show of a player, and only while the key exists. */
    @RegisterForReflection
    public record Personal(String displayName, String dateOfBirth) {
    }

    private final SecretKey keyEncryptionKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalData(@ConfigProperty(name = "fairdraw.backoffice.key-encryption-key") String keyEncryptionKey) {
        byte[] key = Base64.getDecoder().decode(keyEncryptionKey);
        if (key.length != 32) {
            throw new IllegalStateException("fairdraw.backoffice.key-encryption-key must be 32 bytes in Base64");
        }
        this.keyEncryptionKey = new SecretKeySpec(key, "AES");
    }

    /** A new data key, wrapped for storage. */
    public byte[] newWrappedKey(String playerId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return seal(keyEncryptionKey, generator.generateKey().getEncoded(), aad("key", playerId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES key generator", e);
        }
    }

    public byte[] seal(String playerId, byte[] wrappedKey, Personal personal) {
        try {
            return seal(unwrap(playerId, wrappedKey), JSON.writeValueAsBytes(personal), aad("personal", playerId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The personal data, or empty when the key was destroyed. */
    public Optional<Personal> open(String playerId, byte[] wrappedKey, byte[] sealed) {
        if (wrappedKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(open(unwrap(playerId, wrappedKey), sealed, aad("personal", playerId)), Personal.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a personal record does not decode", e);
        }
    }

    private SecretKey unwrap(String playerId, byte[] wrappedKey) {
        return new SecretKeySpec(open(keyEncryptionKey, wrappedKey, aad("key", playerId)), "AES");
    }

    private byte[] seal(SecretKey key, byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open under its key", e);
        }
    }

    private static byte[] aad(String purpose, String playerId) {
        return (purpose + "|" + playerId).getBytes(StandardCharsets.UTF_8);
    }
}
