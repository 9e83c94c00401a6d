package io.fairdraw.model.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar windows in the jurisdiction's time zone: a day from local midnight, an ISO week from
 * Monday's midnight, a month from the first's midnight. Counters are keyed by the window's first
 * local date, so they roll over at the jurisdiction's midnight whatever the server's zone.
 */
public enum LimitWindow {
    DAY,
    WEEK,
    MONTH;

    /** The local date on which the window holding {@code instant} began. */
    public LocalDate startDate(Instant instant, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** How the window reads before a noun, in messages to players: daily, weekly, monthly. */
    public String adjective() {
        return switch (this) {
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
        };
    }

    /** The instant the window holding {@code instant} ends (the next window's first midnight). */
    public Instant end(Instant instant, ZoneId zone) {
        LocalDate start = startDate(instant, zone);
        LocalDate next = switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return next.atStartOfDay(zone).toInstant();
    }
}
