package io.fairdraw.model.draw;

import java.util.Locale;
import java.util.Optional;

/** The steps the scheduler fires for each draw, in this order. */
public enum DrawStep {
    OPEN,
    CLOSE,
    SEAL,
    EXECUTE;

    public static Optional<DrawStep> parse(Object text) {
        // ASCII letters only: full-Unicode upper-casing reads "ſeal" (long s) as SEAL.
        if (!(text instanceof String name) || !name.matches("[A-Za-z]{1,16}")) {
            return Optional.empty();
        }
        for (DrawStep step : values()) {
            if (step.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
