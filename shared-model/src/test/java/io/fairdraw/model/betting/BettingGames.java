package io.fairdraw.model.betting;

import io.fairdraw.model.game.BetTerms;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.game.ShioTable;
import io.fairdraw.model.money.CurrencyCode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Games built in code, shaped like the sample catalogue: one offering every bet type, one offering two, and a 6/49 lotto. */
final class BettingGames {
    static final CurrencyCode IDR = CurrencyCode.of("IDR");
    static final long MIN_STAKE = 1_000;
    static final long MAX_STAKE = 1_000_000;
    static final long LOTTO_LINE_PRICE = 10_000;
    static final ShioTable SHIO_2026 = new ShioTable(2026, List.of("HORSE", "SNAKE", "DRAGON", "RABBIT", "TIGER", "OX", "RAT",
            "PIG", "DOG", "ROOSTER", "MONKEY", "GOAT"));
    static final DrawSchedule NIGHTLY = new DrawSchedule(ZoneId.of("Asia/Jakarta"), EnumSet.allOf(DayOfWeek.class),
            LocalTime.of(21, 0), Duration.ofMinutes(15), Duration.ofMinutes(2));

    /** Every bet type, stakes from 1,000 to 1,000,000 minor units in steps of 1,000. */
    static final FixedOddsGame JAKARTA = new FixedOddsGame("4d-jakarta", 1, "4D Jakarta", IDR, NIGHTLY, Map.ofEntries(
            Map.entry(BetType.FOUR_D, terms(3_000_000, 6_600)),
            Map.entry(BetType.THREE_D, terms(400_000, 5_900)),
            Map.entry(BetType.THREE_D_FRONT, terms(400_000, 5_900)),
            Map.entry(BetType.TWO_D_BACK, terms(70_000, 2_900)),
            Map.entry(BetType.TWO_D_FRONT, terms(70_000, 2_900)),
            Map.entry(BetType.TWO_D_MIDDLE, terms(70_000, 2_900)),
            Map.entry(BetType.COLOK_BEBAS, terms(1_500, 600)),
            Map.entry(BetType.COLOK_MACAU, terms(7_500, 1_500)),
            Map.entry(BetType.COLOK_NAGA, terms(30_000, 1_500)),
            Map.entry(BetType.COLOK_JITU, terms(8_000, 1_000)),
            Map.entry(BetType.SHIO, terms(9_500, 800)),
            Map.entry(BetType.FIFTY_FIFTY_BIG_SMALL, terms(1_900, 0)),
            Map.entry(BetType.FIFTY_FIFTY_ODD_EVEN, terms(1_900, 0)),
            Map.entry(BetType.FIFTY_FIFTY_MIDDLE_EDGE, terms(1_900, 0)),
            Map.entry(BetType.DASAR_ODD_EVEN, terms(1_900, 0)),
            Map.entry(BetType.DASAR_BIG_SMALL, terms(1_900, 0))), SHIO_2026);

    /** Only 2D back and colok bebas, in stakes of one minor unit so rounding shows. */
    static final FixedOddsGame PASAR = new FixedOddsGame("4d-pasar", 3, "4D Pasar", IDR, NIGHTLY, Map.of(
            BetType.TWO_D_BACK, new BetTerms(70_000, 2_900, 1, 50_000, 10_000_000),
            BetType.COLOK_BEBAS, new BetTerms(1_500, 600, 1, 50_000, 10_000_000)), SHIO_2026);

    static final LottoGame LOTTO = new LottoGame("lotto-6-49", 1, "Lotto 6/49", IDR, new DrawSchedule(ZoneId.of("Asia/Jakarta"),
            EnumSet.of(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY), LocalTime.of(20, 0), Duration.ofMinutes(30), Duration.ofMinutes(5)),
            6, 49, LOTTO_LINE_PRICE, Map.of(6, 3_000, 5, 1_500, 4, 1_000, 3, 1_000));

    private BettingGames() {
    }

    private static BetTerms terms(long multiplierMilli, int discountBasisPoints) {
        return new BetTerms(multiplierMilli, discountBasisPoints, MIN_STAKE, MAX_STAKE, 1_000_000_000_000L);
    }
}
