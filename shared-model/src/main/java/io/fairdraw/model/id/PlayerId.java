package io.fairdraw.model.id;

import io.fairdraw.model.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The internal id of a player: {@code pl_} and 32 hex digits. It is derived from the identity
 * provider's (issuer, subject) pair, so the same person always maps to the same player, two
 * providers can never collide, and the id reveals neither the e-mail nor the provider's subject.
 */
public record PlayerId(String value) {
    private static final Pattern FORMAT = Pattern.compile("pl_[0-9a-f]{32}");
    private static final String DOMAIN = "fairdraw/player-id/v1";
    private static final int ID_BYTES = 16;

    public PlayerId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ValidationException.of("playerId", "must be pl_ followed by 32 lowercase hex digits");
        }
    }

    /**
     * SHA-256 over the domain string and the length-prefixed issuer and subject, truncated to
     * 128 bits. Length prefixes make ("ab", "c") and ("a", "bc") hash differently.
     */
    public static PlayerId derive(String issuer, String subject) {
        if (issuer == null || issuer.isEmpty() || subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a player id needs a non-empty issuer and subject");
        }
        MessageDigest sha256 = sha256();
        update(sha256, DOMAIN);
        update(sha256, issuer);
        update(sha256, subject);
        byte[] digest = sha256.digest();
        return new PlayerId("pl_" + HexFormat.of().formatHex(digest, 0, ID_BYTES));
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
