package io.fairdraw.model.ledger;

import io.fairdraw.model.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A transfer's id, derived from its kind and the reference of its cause (a provider payment id,
 * a withdrawal id, a ticket id). The same cause always yields the same id, and the ledger writes
 * a transfer only if its id is new: that is what makes every effect exactly-once.
 */
public record TransferId(String value) {
    private static final Pattern FORMAT = Pattern.compile("tr_[0-9a-f]{40}");

    public TransferId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ValidationException.of("transferId", "must be tr_ followed by 40 lowercase hex digits");
        }
    }

    public static TransferId of(TransferKind kind, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a transfer id needs the reference of its cause");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("fairdraw/transfer/v1\u0000".getBytes(StandardCharsets.UTF_8));
            sha256.update((kind.name() + "\u0000").getBytes(StandardCharsets.UTF_8));
            sha256.update(reference.getBytes(StandardCharsets.UTF_8));
            return new TransferId("tr_" + HexFormat.of().formatHex(sha256.digest(), 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
