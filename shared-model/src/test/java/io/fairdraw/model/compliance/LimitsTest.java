package io.fairdraw.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final LimitKey DEPOSIT_DAY = new LimitKey(LimitKind.DEPOSIT, LimitWindow.DAY);
    private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");
    private static final Duration COOL_OFF = Duration.ofHours(24);

    private static Optional<Money> idr(long amount) {
        return Optional.of(Money.of(amount, "IDR"));
    }

    @Test
    void aFirstLimitAndADecreaseApplyAtOnce() {
        PlayerLimit limit = PlayerLimit.none(DEPOSIT_DAY).request(idr(500_000), NOW, COOL_OFF);
        assertThat(limit.inForce(NOW)).isEqualTo(idr(500_000));
        PlayerLimit lower = limit.request(idr(200_000), NOW.plusSeconds(60), COOL_OFF);
        assertThat(lower.inForce(NOW.plusSeconds(60))).isEqualTo(idr(200_000));
        assertThat(lower.pending()).isEmpty();
    }

    @Test
    void anIncreaseOrARemovalWaitsTheCoolOff() {
        PlayerLimit limit = PlayerLimit.none(DEPOSIT_DAY).request(idr(200_000), NOW, COOL_OFF);
        PlayerLimit raised = limit.request(idr(900_000), NOW, COOL_OFF);
        assertThat(raised.inForce(NOW.plus(COOL_OFF).minusSeconds(1))).isEqualTo(idr(200_000));
        assertThat(raised.inForce(NOW.plus(COOL_OFF))).isEqualTo(idr(900_000));

        PlayerLimit removed = limit.request(Optional.empty(), NOW, COOL_OFF);
        assertThat(removed.inForce(NOW.plus(Duration.ofHours(23)))).isEqualTo(idr(200_000));
        assertThat(removed.inForce(NOW.plus(COOL_OFF))).isEmpty();
    }

    @Test
    void aDecreaseCancelsAPendingIncrease() {
        PlayerLimit pendingRaise = PlayerLimit.none(DEPOSIT_DAY).request(idr(200_000), NOW, COOL_OFF)
                .request(idr(900_000), NOW, COOL_OFF);
        PlayerLimit decreased = pendingRaise.request(idr(100_000), NOW.plusSeconds(5), COOL_OFF);
        assertThat(decreased.pending()).isEmpty();
        assertThat(decreased.inForce(NOW.plus(Duration.ofDays(3)))).isEqualTo(idr(100_000));
    }

    @Test
    void theLowestApplicableLimitWins() {
        Jurisdiction indonesia = EligibilityTest.CATALOGUE.of(EligibilityTest.ID).orElseThrow();
        PlayerLimit none = PlayerLimit.none(DEPOSIT_DAY);
        assertThat(Limits.applicable(none, indonesia, NOW)).isEqualTo(idr(50_000_000));
        PlayerLimit low = none.request(idr(1_000_000), NOW, COOL_OFF);
        assertThat(Limits.applicable(low, indonesia, NOW)).isEqualTo(idr(1_000_000));
        PlayerLimit high = new PlayerLimit(DEPOSIT_DAY, idr(90_000_000), Optional.empty());
        assertThat(Limits.applicable(high, indonesia, NOW)).isEqualTo(idr(50_000_000));
        PlayerLimit weekly = PlayerLimit.none(new LimitKey(LimitKind.DEPOSIT, LimitWindow.WEEK));
        assertThat(Limits.applicable(weekly, indonesia, NOW)).isEmpty();
    }

    @Test
    void windowsRollOverAtTheJurisdictionsMidnight() {
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        Instant lastSecond = Instant.parse("2026-11-23T16:59:59Z"); // 23:59:59 in Jakarta
        Instant midnight = Instant.parse("2026-11-23T17:00:00Z");   // 00:00 on the 24th in Jakarta
        assertThat(LimitWindow.DAY.startDate(lastSecond, jakarta)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(LimitWindow.DAY.startDate(midnight, jakarta)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(LimitWindow.DAY.end(lastSecond, jakarta)).isEqualTo(midnight);

        // 2026-11-23 is a Monday; Sunday the 29th is still that week, Monday the 30th is the next.
        assertThat(LimitWindow.WEEK.startDate(Instant.parse("2026-11-29T16:59:59Z"), jakarta)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(LimitWindow.WEEK.startDate(Instant.parse("2026-11-29T17:00:00Z"), jakarta)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(LimitWindow.MONTH.startDate(Instant.parse("2026-11-30T17:00:00Z"), jakarta)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(LimitWindow.MONTH.end(NOW, jakarta)).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void theUkChangesClocksButADayIsStillMidnightToMidnight() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant dayOfChange = Instant.parse("2026-10-25T12:00:00Z");
        assertThat(Duration.between(LimitWindow.DAY.startDate(dayOfChange, london).atStartOfDay(london).toInstant(),
                LimitWindow.DAY.end(dayOfChange, london))).isEqualTo(Duration.ofHours(25));
    }
}
