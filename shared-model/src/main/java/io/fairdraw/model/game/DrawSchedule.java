package io.fairdraw.model.game;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a game draws, in its own IANA time zone: on some days of the week at a local time and,
 * when {@code every} is not zero, again every {@code every} after it until midnight (a game that
 * draws every few minutes, as local-cloud's compressed catalogue does). Sales close
 * {@code cutOff} before each draw; the seal must be published within {@code sealWindow} after
 * the cut-off, before the beacon round it named exists. {@code drawsOnSale} draws are on sale at
 * once (the next and those after it, 1 to {@value #MAX_DRAWS_ON_SALE}), so a player can buy the
 * same lines for several draws. A draw whose beacon round is still not to be had
 * {@code beaconWait} after the later of its draw time and the round's time is voided by rule
 * ({@link #beaconDeadline}).
 */
public record DrawSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime drawTime, Duration cutOff, Duration sealWindow, Duration every,
        int drawsOnSale, Duration beaconWait) {
    /** The most draws of one game on sale at once. */
    public static final int MAX_DRAWS_ON_SALE = 14;
    /**
     * How long a draw waits for its beacon round by default: the last of the EXECUTE firings in
     * topology.json is ten minutes after the draw time, so it finds the deadline passed.
     */
    public static final Duration DEFAULT_BEACON_WAIT = Duration.ofMinutes(10);
    /** The longest wait a game may set: beyond a day, players wait too long for their refunds. */
    public static final Duration MAX_BEACON_WAIT = Duration.ofDays(1);
    private static final DateTimeFormatter DRAW_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final long MINUTES_PER_DAY = 24 * 60;

    public DrawSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(drawTime, "drawTime");
        Objects.requireNonNull(every, "every");
        days = Set.copyOf(days);
        if (days.isEmpty() || cutOff.isNegative() || sealWindow.isNegative() || sealWindow.isZero()) {
            throw new IllegalArgumentException("a schedule has days, a non-negative cut-off and a positive seal window");
        }
        // Draw ids name the minute, so repeated draws are whole minutes apart.
        if (every.isNegative() || (!every.isZero() && (every.toSeconds() % 60 != 0 || every.toMinutes() < 1))) {
            throw new IllegalArgumentException("a repeating schedule repeats every whole number of minutes, not " + every);
        }
        if (drawTime.getSecond() != 0 || drawTime.getNano() != 0) {
            throw new IllegalArgumentException("draw times are whole minutes, not " + drawTime);
        }
        if (drawsOnSale < 1 || drawsOnSale > MAX_DRAWS_ON_SALE) {
            throw new IllegalArgumentException("1 to " + MAX_DRAWS_ON_SALE + " draws are on sale at once, not " + drawsOnSale);
        }
        Objects.requireNonNull(beaconWait, "beaconWait");
        if (beaconWait.isNegative() || beaconWait.isZero() || beaconWait.compareTo(MAX_BEACON_WAIT) > 0) {
            throw new IllegalArgumentException("a draw waits for its beacon round more than nothing and at most a day, not " + beaconWait);
        }
    }

    /** A schedule that waits the default time for its beacon rounds. */
    public DrawSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime drawTime, Duration cutOff, Duration sealWindow, Duration every,
            int drawsOnSale) {
        this(zone, days, drawTime, cutOff, sealWindow, every, drawsOnSale, DEFAULT_BEACON_WAIT);
    }

    /**
     * When a draw without its beacon round is voided: {@code beaconWait} after its draw time, or
     * after its round's time if that is later. The round was fixed in the commitment when the draw
     * opened, so no one can pick another; waiting longer only delays the refunds.
     */
    public Instant beaconDeadline(Instant drawAt, Instant roundTime) {
        return (roundTime.isAfter(drawAt) ? roundTime : drawAt).plus(beaconWait);
    }

    /** A schedule with one draw on sale at a time. */
    public DrawSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime drawTime, Duration cutOff, Duration sealWindow, Duration every) {
        this(zone, days, drawTime, cutOff, sealWindow, every, 1);
    }

    /** A schedule with one draw on each of its days. */
    public DrawSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime drawTime, Duration cutOff, Duration sealWindow) {
        this(zone, days, drawTime, cutOff, sealWindow, Duration.ZERO);
    }

    /** The first draw time strictly after {@code now}. */
    public ZonedDateTime nextDrawAfter(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= 7; ahead++) {
            for (ZonedDateTime candidate : drawsOn(today.plusDays(ahead))) {
                if (candidate.toInstant().isAfter(now)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("a weekly schedule always has a draw within eight days");
    }

    /** The latest draw time at or before {@code at}. */
    public ZonedDateTime lastDrawAtOrBefore(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        for (int back = 0; back <= 7; back++) {
            List<ZonedDateTime> draws = drawsOn(today.minusDays(back));
            for (int i = draws.size() - 1; i >= 0; i--) {
                if (!draws.get(i).toInstant().isAfter(at)) {
                    return draws.get(i);
                }
            }
        }
        throw new IllegalStateException("a weekly schedule always has a draw within eight days");
    }

    /** Whether a draw of this schedule takes place at exactly {@code at}. */
    public boolean isDrawTime(Instant at) {
        return drawsOn(at.atZone(zone).toLocalDate()).stream().anyMatch(draw -> draw.toInstant().equals(at));
    }

    /** The draws of one local date, in order (none on a day the game does not draw). */
    public List<ZonedDateTime> drawsOn(LocalDate date) {
        List<ZonedDateTime> draws = new ArrayList<>();
        if (!days.contains(date.getDayOfWeek())) {
            return draws;
        }
        long step = every.toMinutes();
        for (long minute = drawTime.getHour() * 60L + drawTime.getMinute(); minute < MINUTES_PER_DAY; minute += step) {
            ZonedDateTime draw = date.atTime(LocalTime.ofSecondOfDay(minute * 60)).atZone(zone);
            // A local time skipped by a daylight-saving gap moves forward; never list one twice.
            if (draws.isEmpty() || draw.isAfter(draws.getLast())) {
                draws.add(draw);
            }
            if (step == 0) {
                break;
            }
        }
        return draws;
    }

    public Instant cutOffOf(ZonedDateTime drawTime) {
        return drawTime.toInstant().minus(cutOff);
    }

    /** {@code <gameId>-<yyyyMMdd'T'HHmm in the game's time zone>}. */
    public String drawId(String gameId, ZonedDateTime drawTime) {
        return gameId + "-" + drawTime.withZoneSameInstant(zone).format(DRAW_ID_TIME);
    }
}
