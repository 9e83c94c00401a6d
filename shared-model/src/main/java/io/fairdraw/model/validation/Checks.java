package io.fairdraw.model.validation;

import io.fairdraw.model.error.ValidationException;
import java.util.regex.Pattern;

/**
 * Checks for values that come from outside (requests, tokens, configuration). Each one throws a
 * {@link ValidationException} naming the field, so a constructor can call it directly and a
 * {@link Validation} can collect the failures of a whole request.
 */
public final class Checks {
    private Checks() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw ValidationException.of(field, "is required");
        }
        return value;
    }

    /** Non-blank text of at most {@code maxLength} code points with no control characters. */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw ValidationException.of(field, "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ValidationException.of(field, "must be at most " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw ValidationException.of(field, "must not contain control characters");
        }
        return value;
    }

    public static String matches(String value, Pattern pattern, String field, String expectation) {
        present(value, field);
        if (!pattern.matcher(value).matches()) {
            throw ValidationException.of(field, "must be " + expectation);
        }
        return value;
    }

    public static long between(long value, long minInclusive, long maxInclusive, String field) {
        if (value < minInclusive || value > maxInclusive) {
            throw ValidationException.of(field, "must be between " + minInclusive + " and " + maxInclusive);
        }
        return value;
    }
}
