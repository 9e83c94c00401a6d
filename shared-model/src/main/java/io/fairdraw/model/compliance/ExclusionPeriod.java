package io.fairdraw.model.compliance;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/** Self-exclusion periods. Calendar periods, counted in UTC; permanent has no end. */
public enum ExclusionPeriod {
    MONTHS_6(Optional.of(Period.ofMonths(6))),
    YEAR_1(Optional.of(Period.ofYears(1))),
    YEARS_5(Optional.of(Period.ofYears(5))),
    PERMANENT(Optional.empty());

    private final Optional<Period> length;

    ExclusionPeriod(Optional<Period> length) {
        this.length = length;
    }

    /** When an exclusion taken at {@code start} ends; empty for a permanent one. */
    public Optional<Instant> endFrom(Instant start) {
        return length.map(period -> start.atOffset(ZoneOffset.UTC).plus(period).toInstant());
    }
}
