package io.fairdraw.model.validation;

import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of a whole request before refusing it, so a client learns every
 * problem at once. Values are still built by their own constructors; this only re-labels their
 * failures with the request's field path.
 */
public final class Validation {
    private final List<Violation> violations = new ArrayList<>();
    /** Unsafe text alone is a 422; any other violation makes the whole request a plain 400. */
    private boolean onlyUnsafeText = true;

    /** Builds one field's value; on failure records it under {@code path} and returns null. */
    public <T> T field(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            onlyUnsafeText &= e.type() == ErrorType.UNSAFE_TEXT;
            for (Violation v : e.violations()) {
                violations.add(new Violation(path, v.message()));
            }
            return null;
        }
    }

    public void reject(String path, String message) {
        onlyUnsafeText = false;
        violations.add(new Violation(path, message));
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Throws every violation collected so far, if there is any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(onlyUnsafeText ? ErrorType.UNSAFE_TEXT : ErrorType.VALIDATION_FAILED, violations);
        }
    }
}
