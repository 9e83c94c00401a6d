package io.fairdraw.model.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GameTermsTest {
    static final BetTerms TWO_D = new BetTerms(70_000, 2_900, 100, 10_000_000, 50_000_000);
    static final BetTerms COLOK_BEBAS = new BetTerms(1_500, 600, 100, 10_000_000, 50_000_000);

    @Test
    void thePriceIsTheStakeLessTheDiscountRoundedInTheHousesFavour() {
        assertThat(TWO_D.price(Money.of(10_000, "IDR"))).isEqualTo(Money.of(7_100, "IDR"));
        // 29% of 101 is 29.29: the discount is 29, the price 72.
        assertThat(TWO_D.price(Money.of(101, "IDR"))).isEqualTo(Money.of(72, "IDR"));
    }

    @Test
    void aWinPaysStakeTimesMultiplierTimesUnitsRoundedDown() {
        assertThat(TWO_D.payout(Money.of(10_000, "IDR"), 1)).isEqualTo(Money.of(700_000, "IDR"));
        assertThat(COLOK_BEBAS.payout(Money.of(1_000, "IDR"), 2)).isEqualTo(Money.of(3_000, "IDR"));
        assertThat(COLOK_BEBAS.payout(Money.of(101, "IDR"), 1)).isEqualTo(Money.of(151, "IDR"));
        assertThat(TWO_D.payout(Money.of(10_000, "IDR"), 0)).isEqualTo(Money.zero(CurrencyCode.of("IDR")));
        assertThatThrownBy(() -> TWO_D.payout(Money.of(Long.MAX_VALUE / 2, "IDR"), 1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void termsRefuseNonsense() {
        assertThatThrownBy(() -> new BetTerms(0, 0, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetTerms(1, 10_000, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetTerms(1, 0, 5, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TWO_D.admits(Money.of(99, "IDR"))).isFalse();
        assertThat(TWO_D.admits(Money.of(100, "IDR"))).isTrue();
    }

    @Test
    void drawsFollowTheGamesTimeZoneAndDrawIdsUseItsLocalTime() {
        DrawSchedule nightly = new DrawSchedule(ZoneId.of("Asia/Jakarta"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(21, 0),
                Duration.ofMinutes(15), Duration.ofMinutes(2));
        var next = nightly.nextDrawAfter(Instant.parse("2026-11-23T13:59:59Z"));
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(nightly.drawId("4d-jakarta", next)).isEqualTo("4d-jakarta-20261123T2100");
        assertThat(nightly.cutOffOf(next)).isEqualTo(Instant.parse("2026-11-23T13:45:00Z"));
        assertThat(nightly.nextDrawAfter(Instant.parse("2026-11-23T14:00:00Z")).toInstant()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));

        DrawSchedule weekends = new DrawSchedule(ZoneId.of("Europe/London"), EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(20, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(5));
        assertThat(weekends.nextDrawAfter(Instant.parse("2026-11-23T10:00:00Z")).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void aRepeatingScheduleDrawsEveryFewMinutesUntilMidnightAndNamesEachDrawByItsMinute() {
        DrawSchedule compressed = new DrawSchedule(ZoneId.of("Asia/Jakarta"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0),
                Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(3));
        assertThat(compressed.drawsOn(java.time.LocalDate.of(2026, 11, 23))).hasSize(480);
        var next = compressed.nextDrawAfter(Instant.parse("2026-11-23T10:01:30Z"));
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-23T10:03:00Z"));
        assertThat(compressed.drawId("4d-jakarta", next)).isEqualTo("4d-jakarta-20261123T1703");
        assertThat(compressed.nextDrawAfter(next.toInstant()).toInstant()).isEqualTo(Instant.parse("2026-11-23T10:06:00Z"));
        assertThat(compressed.isDrawTime(next.toInstant())).isTrue();
        assertThat(compressed.isDrawTime(next.toInstant().plusSeconds(60))).isFalse();
        assertThat(compressed.lastDrawAtOrBefore(Instant.parse("2026-11-23T10:05:59Z")).toInstant()).isEqualTo(next.toInstant());
        // The last draw of a local day is followed by the first of the next.
        assertThat(compressed.nextDrawAfter(Instant.parse("2026-11-23T16:57:00Z")).toInstant()).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(compressed.lastDrawAtOrBefore(Instant.parse("2026-11-23T16:59:59Z")).toInstant()).isEqualTo(Instant.parse("2026-11-23T16:57:00Z"));

        assertThatThrownBy(() -> new DrawSchedule(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0),
                Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(90))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrawSchedule(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0, 30),
                Duration.ofMinutes(1), Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDailyScheduleFindsItsLastDrawOnAnEarlierDay() {
        DrawSchedule weekly = new DrawSchedule(ZoneId.of("Asia/Jakarta"), EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(20, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(5));
        // Monday 23 November 2026: the last draw was Wednesday 18th at 20:00 Jakarta (13:00 UTC).
        assertThat(weekly.lastDrawAtOrBefore(Instant.parse("2026-11-23T10:00:00Z")).toInstant()).isEqualTo(Instant.parse("2026-11-18T13:00:00Z"));
        assertThat(weekly.isDrawTime(Instant.parse("2026-11-18T13:00:00Z"))).isTrue();
    }

    @Test
    void lottoTiersMustFundAJackpotAndNotExceedSales() {
        DrawSchedule schedule = new DrawSchedule(ZoneId.of("Asia/Jakarta"), EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(20, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(5));
        var lotto = new LottoGame("lotto-6-49", 1, "Lotto 6/49", CurrencyCode.of("IDR"), schedule, 6, 49, 10_000,
                Map.of(6, 3_000, 5, 1_500, 4, 1_000, 3, 1_000));
        assertThat(lotto.jackpotTier()).isEqualTo(6);
        assertThatThrownBy(() -> new LottoGame("lotto-6-49", 1, "x", CurrencyCode.of("IDR"), schedule, 6, 49, 10_000, Map.of(5, 1_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LottoGame("lotto-6-49", 1, "x", CurrencyCode.of("IDR"), schedule, 6, 49, 10_000, Map.of(6, 9_000, 5, 2_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LottoGame("Lotto!", 1, "x", CurrencyCode.of("IDR"), schedule, 6, 49, 10_000, Map.of(6, 1_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
