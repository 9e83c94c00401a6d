package io.fairdraw.model.time;

import java.time.Instant;
import java.util.Objects;

/**
 * The clock port. Rules that depend on "now" (ages, cut-offs, cool-offs, windows) take one, so
 * tests can pin time and production reads the system clock in exactly one place.
 */
@FunctionalInterface
public interface TimeSource {
    Instant now();

    static TimeSource system() {
        return Instant::now;
    }

    static TimeSource fixed(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return () -> instant;
    }
}
