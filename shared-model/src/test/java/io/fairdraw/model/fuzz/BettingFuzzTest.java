package io.fairdraw.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fairdraw.model.betting.NumberPicker;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.game.BetTerms;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.game.ShioTable;
import io.fairdraw.model.money.CurrencyCode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz targets for what players type into a ticket: any lines, any selections, any ticket id.
 * Whatever the input, the answer is a priced ticket that keeps its invariants or a domain
 * refusal; never another exception. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/model/fuzz/BettingFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class BettingFuzzTest {
    private static final DrawSchedule SCHEDULE = new DrawSchedule(ZoneId.of("Asia/Jakarta"), Set.of(DayOfWeek.values()),
            LocalTime.of(21, 0), Duration.ofMinutes(15), Duration.ofMinutes(2));
    private static final FixedOddsGame FOUR_D = fourD();
    private static final LottoGame LOTTO = new LottoGame("lotto-6-49", 1, "Lotto", CurrencyCode.of("IDR"), SCHEDULE, 6, 49, 1_000,
            Map.of(6, 3000, 5, 1500, 4, 1000, 3, 1000));
    private static final List<String> TYPES = java.util.stream.Stream.concat(java.util.Arrays.stream(BetType.values()).map(Enum::name),
            java.util.stream.Stream.of("LOTTO", "", "four_d")).toList();

    private static FixedOddsGame fourD() {
        Map<BetType, BetTerms> terms = new EnumMap<>(BetType.class);
        for (BetType type : BetType.values()) {
            terms.put(type, new BetTerms(70_000, 2_900, 100, 1_000_000, 1_000_000_000L));
        }
        return new FixedOddsGame("4d-jakarta", 1, "4D", CurrencyCode.of("IDR"), SCHEDULE, terms,
                new ShioTable(2026, List.of("HORSE", "SNAKE", "DRAGON", "RABBIT", "TIGER", "OX", "RAT", "PIG", "DOG", "ROOSTER", "MONKEY", "GOAT")));
    }

    @FuzzTest(maxDuration = "30s")
    void anyLinesArePricedWithinTheirStakesOrRefused(FuzzedDataProvider data) {
        Game game = data.consumeBoolean() ? FOUR_D : LOTTO;
        List<RequestedLine> lines = new ArrayList<>();
        int count = data.consumeInt(0, 45);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            lines.add(new RequestedLine(data.pickValue(TYPES), data.consumeString(12), data.consumeLong()));
        }
        try {
            for (PricedLine line : TicketPricing.price(game, lines)) {
                assertThat(line.priceMinor()).isBetween(0L, line.stakeMinor());
                assertThat(line.selection()).matches("[0-9A-Z-]{1,20}");
                if (game instanceof FixedOddsGame) {
                    assertThat(BetType.valueOf(line.betType()).normalise(line.selection())).isEqualTo(line.selection());
                }
            }
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyBbfsOrQuickPickIsLegalOrRefused(FuzzedDataProvider data) {
        String type = data.pickValue(TYPES);
        try {
            for (String selection : NumberPicker.bbfs(type, data.consumeString(14), "lines[0]")) {
                assertThat(BetType.valueOf(type).normalise(selection)).isNotNull();
            }
        } catch (DomainException refused) {
            assertThat(refused.type()).isNotNull();
        }
        try {
            String picked = NumberPicker.quickPick(FOUR_D, type, new java.util.SplittableRandom(data.consumeLong()), "lines[0]");
            assertThat(BetType.valueOf(type).normalise(picked)).isEqualTo(picked);
        } catch (DomainException refused) {
            assertThat(refused.type()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anyTicketIdParsesToItsDrawOrIsNotFound(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            TicketId id = new TicketId(text);
            assertThat(id.value()).startsWith(id.drawId() + ".");
            assertThat(id.shard(16)).isBetween(0, 15);
            assertThat(id.budgetShard(4)).isBetween(0, 3);
        } catch (DomainException notFound) {
            assertThat(notFound.type().name()).isEqualTo("TICKET_NOT_FOUND");
        }
    }
}
