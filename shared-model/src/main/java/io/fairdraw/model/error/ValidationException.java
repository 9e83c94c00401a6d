package io.fairdraw.model.error;

import java.util.List;

/**
 * A request refused because one or more of its fields are not valid. It lists every violation
 * found, so a client can fix them all in one round trip.
 */
public final class ValidationException extends DomainException {
    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(ErrorType.VALIDATION_FAILED, describe(violations));
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
