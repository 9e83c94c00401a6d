package io.fairdraw.compliance;

import io.fairdraw.model.time.TimeSource;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The clock of the application under test: the system clock, unless a test pins an instant to
 * prove a rule at a boundary (a birthday at midnight on the jurisdiction's calendar). It
 * replaces the platform's default clock bean for every test of this module.
 */
@Singleton
public class TestClock implements TimeSource {
    private volatile Instant pinned;

    @Override
    public Instant now() {
        Instant instant = pinned;
        return instant == null ? Instant.now() : instant;
    }

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    public void release() {
        this.pinned = null;
    }
}
