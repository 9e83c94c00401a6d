package io.fairdraw.model.compliance;

import java.time.Duration;

/** The time-outs a player can take: a short break that, once taken, runs to its end. */
public enum TimeOut {
    HOURS_24(Duration.ofHours(24)),
    DAYS_7(Duration.ofDays(7)),
    DAYS_30(Duration.ofDays(30));

    private final Duration length;

    TimeOut(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
