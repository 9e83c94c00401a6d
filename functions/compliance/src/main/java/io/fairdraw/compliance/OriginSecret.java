package io.fairdraw.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Proves a request came through CloudFront: only CloudFront knows the secret it adds as an
 * origin header, so a caller of the API's own endpoint cannot forge the viewer-location headers.
 * The comparison takes the same time whatever the presented value, so timing reveals nothing
 * of the secret, not even its length.
 */
public final class OriginSecret {
    /** Long enough that guessing is hopeless; CloudFront allows header values far longer. */
    public static final int MIN_SECRET_CHARS = 32;
    /** Nothing longer is a candidate; it is refused before hashing. */
    static final int MAX_PRESENTED_CHARS = 1024;

    private final boolean required;
    private final byte[] expectedDigest;

    private OriginSecret(boolean required, byte[] expectedDigest) {
        this.required = required;
        this.expectedDigest = expectedDigest;
    }

    /**
     * Fails at start on a missing or short secret while one is required: an authorizer that
     * cannot check the edge must not run, rather than let forged locations through.
     */
    public static OriginSecret of(boolean required, Optional<String> secret) {
        if (!required) {
            return new OriginSecret(false, new byte[0]);
        }
        String value = secret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "fairdraw.edge.origin-secret is required (fairdraw.edge.origin-secret-required=true) but not set"));
        if (value.length() < MIN_SECRET_CHARS) {
            throw new IllegalStateException("fairdraw.edge.origin-secret must be at least " + MIN_SECRET_CHARS + " characters");
        }
        return new OriginSecret(true, sha256(value));
    }

    public boolean required() {
        return required;
    }

    /** Empty when the request may go on; the refusal otherwise. */
    public Optional<Refusal> check(Optional<String> presented) {
        if (!required) {
            return Optional.empty();
        }
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return Optional.of(Refusal.NO_ORIGIN_SECRET);
        }
        String value = presented.get();
        if (value.length() > MAX_PRESENTED_CHARS || !MessageDigest.isEqual(sha256(value), expectedDigest)) {
            return Optional.of(Refusal.FORGED_ORIGIN_SECRET);
        }
        return Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
