package io.fairdraw.model.player;

import io.fairdraw.model.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * A date of birth as a calendar date. It is never in the future and never before
 * {@link #EARLIEST}; ages are computed from it by the jurisdiction rules, on the jurisdiction's
 * calendar.
 */
public record DateOfBirth(LocalDate value) {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** {@code uuuu} with STRICT resolution refuses 2023-02-29 instead of rounding it to 02-28. */
    private static final DateTimeFormatter ISO_STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public DateOfBirth {
        Objects.requireNonNull(value, "value");
        if (value.isBefore(EARLIEST)) {
            throw ValidationException.of("dateOfBirth", "must not be before " + EARLIEST);
        }
    }

    /** The calendar date is latest at UTC+14: a date of birth after it is in the future everywhere on Earth. */
    public static LocalDate latestCalendarDate(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.ofHours(14));
    }

    /** Parses {@code yyyy-MM-dd} strictly and refuses a date after {@code today}. */
    public static DateOfBirth parse(String text, LocalDate today) {
        if (text == null) {
            throw ValidationException.of("dateOfBirth", "is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("dateOfBirth", "must be a real calendar date written yyyy-MM-dd");
        }
        if (date.isAfter(today)) {
            throw ValidationException.of("dateOfBirth", "must not be in the future");
        }
        return new DateOfBirth(date);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
