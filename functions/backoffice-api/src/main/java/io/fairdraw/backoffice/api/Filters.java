package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Query filters of the back-office routes, read strictly: a range has both ends, in order, and
 * no longer than its route allows; ids have their published shape; a cursor is one this API
 * issued. Anything else is a 400 that names the parameter.
 */
final class Filters {
    /** The longest day range one daily report covers. */
    static final long MAX_DAYS = 92;
    /** The longest time range one audit query covers. */
    static final Duration MAX_AUDIT_RANGE = Duration.ofDays(31);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,120}");

    private Filters() {
    }

    record DayRange(LocalDate from, LocalDate to) {
    }

    static DayRange days(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ValidationException.of("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ValidationException.of("to", "is more than " + MAX_DAYS + " days after from; ask for a shorter range");
        }
        return new DayRange(start, end);
    }

    record TimeRange(Instant from, Instant to) {
    }

    /** A time range of at most 31 days, from before to. */
    static TimeRange range(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw ValidationException.of("to", "is not after from");
        }
        if (Duration.between(start, end).compareTo(MAX_AUDIT_RANGE) > 0) {
            throw ValidationException.of("to", "is more than 31 days after from; ask for a shorter range");
        }
        return new TimeRange(start, end);
    }

    static Reports.AuditFilter audit(String from, String to, String player, String draw) {
        TimeRange range = range(from, to);
        return new Reports.AuditFilter(optionalId("player", player), optionalId("draw", draw), range.from(), range.to());
    }

    static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ValidationException.of(name, "is not an id");
        }
        return value;
    }

    static Optional<String> optionalId(String name, String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(id(name, value));
    }

    /** A status filter: one of the enum's names, or {@code orElse} when absent. */
    static <E extends Enum<E>> E status(Class<E> type, String value, E orElse) {
        if (value == null) {
            return orElse;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw ValidationException.of("status", "is one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    static int limit(String limit, int defaultSize) {
        if (limit == null) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= Reports.MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ValidationException.of("limit", "is a whole number from 1 to " + Reports.MAX_PAGE);
    }

    static String cursor(Reports.AuditCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.at().toString() + "|" + cursor.eventId()).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Reports.AuditCursor> cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar > 0 && cursor.length() <= 400) {
                return Optional.of(new Reports.AuditCursor(Instant.parse(text.substring(0, bar)), id("cursor", text.substring(bar + 1))));
            }
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            // answered below
        }
        throw new DomainException(ErrorType.INVALID_CURSOR, "the cursor is not one this API issued");
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw ValidationException.of(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            throw ValidationException.of(name, "is not a date (YYYY-MM-DD)");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            throw ValidationException.of(name, "is required (an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw ValidationException.of(name, "is not an ISO-8601 instant (e.g. 2026-12-01T00:00:00Z)");
        }
    }
}
