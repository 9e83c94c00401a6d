package io.fairdraw.model.game;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;

/**
 * When a game draws, in its own IANA time zone: on some days of the week at a local time.
 * Sales close {@code cutOff} before the draw time; the seal must be published within
 * {@code sealWindow} after the cut-off, before the beacon round it named exists.
 */
public record DrawSchedule(ZoneId zone, Set<DayOfWeek> days, LocalTime drawTime, Duration cutOff, Duration sealWindow) {
    private static final DateTimeFormatter DRAW_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    public DrawSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(drawTime, "drawTime");
        days = Set.copyOf(days);
        if (days.isEmpty() || cutOff.isNegative() || sealWindow.isNegative() || sealWindow.isZero()) {
            throw new IllegalArgumentException("a schedule has days, a non-negative cut-off and a positive seal window");
        }
    }

    /** The first draw time strictly after {@code now}. */
    public ZonedDateTime nextDrawAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (int ahead = 0; ahead <= 7; ahead++) {
            ZonedDateTime candidate = local.toLocalDate().plusDays(ahead).atTime(drawTime).atZone(zone);
            if (days.contains(candidate.getDayOfWeek()) && candidate.toInstant().isAfter(now)) {
                return candidate;
            }
        }
        throw new IllegalStateException("a weekly schedule always has a draw within eight days");
    }

    public Instant cutOffOf(ZonedDateTime drawTime) {
        return drawTime.toInstant().minus(cutOff);
    }

    /** {@code <gameId>-<yyyyMMdd'T'HHmm in the game's time zone>}. */
    public String drawId(String gameId, ZonedDateTime drawTime) {
        return gameId + "-" + drawTime.withZoneSameInstant(zone).format(DRAW_ID_TIME);
    }
}
