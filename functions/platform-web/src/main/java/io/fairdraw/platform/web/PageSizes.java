package io.fairdraw.platform.web;

import io.fairdraw.model.error.ValidationException;

/**
 * The {@code limit} query parameter of paged routes. Taken as text and parsed here because
 * JAX-RS answers an unconvertible {@code int} parameter with 404, which would tell a client
 * "no such resource" about a typo; here it is a 400 naming the parameter. The range is the
 * reader's to check.
 */
public final class PageSizes {
    public static final int DEFAULT = 20;

    private PageSizes() {
    }

    public static int parse(String limit) {
        if (limit == null) {
            return DEFAULT;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException notANumber) {
            throw ValidationException.of("limit", "is a whole number");
        }
    }
}
