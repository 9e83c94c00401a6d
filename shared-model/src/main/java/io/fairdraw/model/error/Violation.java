package io.fairdraw.model.error;

import java.util.Objects;

/** One reason a field of a request is not valid; {@code field} is a JSON-pointer-like path. */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
