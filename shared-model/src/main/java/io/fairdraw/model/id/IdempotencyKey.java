package io.fairdraw.model.id;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import java.util.regex.Pattern;

/**
 * A client's Idempotency-Key header: 8 to 128 visible ASCII characters (a UUID fits). Bounded so
 * it can be part of a DynamoDB key and never carries control characters into logs.
 */
public record IdempotencyKey(String value) {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new DomainException(ErrorType.IDEMPOTENCY_KEY_MISSING, "send an Idempotency-Key header (a UUID is a good choice)");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new DomainException(ErrorType.IDEMPOTENCY_KEY_INVALID,
                    "the Idempotency-Key must be " + MIN_LENGTH + " to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
