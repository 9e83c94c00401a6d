package io.fairdraw.model.error;

import java.util.List;

/**
 * A request refused because one or more of its fields are not valid. It lists every violation
 * found, so a client can fix them all in one round trip.
 */
public final class ValidationException extends DomainException {
    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        this(ErrorType.VALIDATION_FAILED, violations);
    }

    /**
     * A refusal of another validation type: {@link ErrorType#UNSAFE_TEXT} (422) for text that is
     * well-formed but holds what must not be shown, as against a missing or malformed field (400).
     */
    public ValidationException(ErrorType type, List<Violation> violations) {
        super(type, describe(violations));
        if (type != ErrorType.VALIDATION_FAILED && type != ErrorType.UNSAFE_TEXT) {
            throw new IllegalArgumentException(type + " is not a validation type");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are not valid";
    }
}
