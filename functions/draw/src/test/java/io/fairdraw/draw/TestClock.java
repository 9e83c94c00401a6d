package io.fairdraw.draw;

import io.fairdraw.model.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The function's clock in tests: set to any instant, so cut-offs, deadlines and beacon rounds can be crossed. */
@ApplicationScoped
public class TestClock implements TimeSource {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));

    @Override
    public Instant now() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(instant);
    }
}
