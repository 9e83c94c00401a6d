package io.fairdraw.platform.web;

import io.fairdraw.model.error.ValidationException;

/** Request-body rules every resource shares. */
public final class Bodies {
    private Bodies() {
    }

    /** An absent body (empty, or JSON null) is a validation failure, never a NullPointerException. */
    public static <T> T required(T body) {
        if (body == null) {
            throw ValidationException.of("body", "a JSON object is required");
        }
        return body;
    }
}
