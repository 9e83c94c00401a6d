package io.fairdraw.registration;

import io.fairdraw.model.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The function's clock in tests: the system clock plus an offset a test may advance, so
 * cool-offs and time-outs can be crossed without waiting. It replaces the platform's default
 * clock for every test of this module; tests that move it put it back.
 */
@ApplicationScoped
public class AdjustableClock implements TimeSource {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
