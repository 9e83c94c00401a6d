package io.fairdraw.model.compliance;

import io.fairdraw.model.player.DateOfBirth;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The minimum age a player must have reached, and the calendar on which their birthday is
 * counted. Where the player is and where they live both have a say: the stricter minimum applies,
 * on the calendar of where they are (of where they live when that is all that is known).
 */
public record AgeRule(int minimumAge, ZoneId calendar) {
    public AgeRule {
        Objects.requireNonNull(calendar, "calendar");
        if (minimumAge < 0) {
            throw new IllegalArgumentException("a minimum age is not negative");
        }
    }

    /** The rule of one jurisdiction alone: its minimum age on its calendar. */
    public static AgeRule of(Jurisdiction jurisdiction) {
        return new AgeRule(jurisdiction.minimumAge(), jurisdiction.timeZone());
    }

    /** Where the player is, and where they live when known (the default minimum otherwise). */
    public static AgeRule of(Jurisdiction where, Optional<Jurisdiction> home) {
        int homeAge = home.map(Jurisdiction::minimumAge).orElse(Jurisdiction.DEFAULT_MINIMUM_AGE);
        return new AgeRule(Math.max(where.minimumAge(), homeAge), where.timeZone());
    }

    /**
     * The latest date of birth of someone who has completed {@link #minimumAge} years on this
     * calendar at {@code now}: the rule as one comparison of ISO dates, which a database condition
     * can make inside the transaction that moves money. It agrees with {@link Age#yearsOn} on
     * every day, 29 February included (a test proves it day by day).
     */
    public LocalDate latestBirthDate(Instant now) {
        return LocalDate.ofInstant(now, calendar).minusYears(minimumAge);
    }

    public Decision check(DateOfBirth dateOfBirth, Instant now) {
        if (dateOfBirth.value().isAfter(latestBirthDate(now))) {
            return Decision.deny(ReasonCode.UNDERAGE, "play is open from the age of " + minimumAge);
        }
        return Decision.ALLOW;
    }
}
