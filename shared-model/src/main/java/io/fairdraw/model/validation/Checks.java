package io.fairdraw.model.validation;

import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import java.text.Normalizer;
import java.util.List;
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

    /**
     * Non-blank text of at most {@code maxLength} code points, normalised to NFC, with nothing a
     * reader cannot see: no control characters, no lone surrogates, no format characters (the
     * bidirectional overrides and isolates U+202A..U+202E and U+2066..U+2069 that make a name read
     * backwards, zero-width spaces and joiners, the byte-order mark, soft hyphens, tag characters),
     * no line or paragraph separators, and no private-use or unassigned code points. Returns the
     * normalised text, which is what callers keep.
     */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (text.isBlank()) {
            throw ValidationException.of(field, "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ValidationException.of(field, "must be at most " + maxLength + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw ValidationException.of(field, "must not contain control characters");
        }
        if (text.codePoints().anyMatch(Checks::invisible)) {
            throw new ValidationException(ErrorType.UNSAFE_TEXT,
                    List.of(new Violation(field, "must not contain invisible or direction-changing characters")));
        }
        return text;
    }

    /** Characters that change how text reads without being seen, or that are not characters at all. */
    private static boolean invisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
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
