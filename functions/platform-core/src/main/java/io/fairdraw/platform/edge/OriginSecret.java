package io.fairdraw.platform.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a request came through CloudFront: only CloudFront knows the secret it adds as an
 * origin header ({@value #HEADER}), so a caller of the API's own endpoint can neither skip the
 * web ACL and its country rule nor forge the viewer-location headers. The authorizer and every
 * HTTP function check it. The comparison takes the same time whatever the presented value, so
 * timing reveals nothing of the secret, not even its length.
 */
public final class OriginSecret {
    /** The header CloudFront adds to every request it sends the API. */
    public static final String HEADER = "x-fairdraw-origin-secret";

    /** Why a request is not let through. */
    public enum Rejection {
        /** No secret was presented: the request did not come through CloudFront. */
        MISSING,
        /** A secret was presented and it is not ours. */
        FORGED
    }

    /** Long enough that guessing is hopeless; CloudFront allows header values far longer. */
    public static final int MIN_SECRET_CHARS = 32;
    /** Nothing longer is a candidate; it is refused before hashing. */
    static final int MAX_PRESENTED_CHARS = 1024;

    private final boolean required;
    private final List<byte[]> acceptedDigests;

    private OriginSecret(boolean required, List<byte[]> acceptedDigests) {
        this.required = required;
        this.acceptedDigests = acceptedDigests;
    }

    /**
     * Fails at start on a missing or short secret while one is required: an authorizer that
     * cannot check the edge must not run, rather than let forged locations through.
     */
    public static OriginSecret of(boolean required, Optional<String> secret) {
        return of(required, secret, Optional.empty());
    }

    /**
     * The secret CloudFront sends and, while a rotation reaches every edge location, the one it
     * sent before (docs/operations.md, key and secret rotation): both are accepted, nothing else.
     */
    public static OriginSecret of(boolean required, Optional<String> secret, Optional<String> previous) {
        if (!required) {
            return new OriginSecret(false, List.of());
        }
        String value = secret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "fairdraw.edge.origin-secret is required (fairdraw.edge.origin-secret-required=true) but not set"));
        List<byte[]> digests = new ArrayList<>();
        digests.add(sha256(longEnough(value, "fairdraw.edge.origin-secret")));
        previous.filter(p -> !p.isBlank()).ifPresent(p -> digests.add(sha256(longEnough(p, "fairdraw.edge.origin-secret-previous"))));
        return new OriginSecret(true, List.copyOf(digests));
    }

    private static String longEnough(String value, String name) {
        if (value.length() < MIN_SECRET_CHARS) {
            throw new IllegalStateException(name + " must be at least " + MIN_SECRET_CHARS + " characters");
        }
        return value;
    }

    public boolean required() {
        return required;
    }

    /** Empty when the request may go on; why not otherwise. */
    public Optional<Rejection> check(Optional<String> presented) {
        if (!required) {
            return Optional.empty();
        }
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return Optional.of(Rejection.MISSING);
        }
        String value = presented.get();
        if (value.length() > MAX_PRESENTED_CHARS) {
            return Optional.of(Rejection.FORGED);
        }
        byte[] digest = sha256(value);
        boolean accepted = false;
        for (byte[] expected : acceptedDigests) {
            // Every accepted digest is compared, so the time taken does not say which one matched.
            accepted |= MessageDigest.isEqual(digest, expected);
        }
        return accepted ? Optional.empty() : Optional.of(Rejection.FORGED);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
