package io.fairdraw.model.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BetTypeTest {
    static final ShioTable SHIO_2026 = new ShioTable(2026, List.of("HORSE", "SNAKE", "DRAGON", "RABBIT", "TIGER", "OX", "RAT",
            "PIG", "DOG", "ROOSTER", "MONKEY", "GOAT"));
    static final FourDResult R1234 = new FourDResult(1, 2, 3, 4);

    @Test
    void positionalTypesReadTheirPartOfTheResult() {
        assertThat(BetType.FOUR_D.winningSelections(R1234, SHIO_2026)).containsExactly("1234");
        assertThat(BetType.THREE_D.winningSelections(R1234, SHIO_2026)).containsExactly("234");
        assertThat(BetType.THREE_D_FRONT.winningSelections(R1234, SHIO_2026)).containsExactly("123");
        assertThat(BetType.TWO_D_BACK.winningSelections(R1234, SHIO_2026)).containsExactly("34");
        assertThat(BetType.TWO_D_FRONT.winningSelections(R1234, SHIO_2026)).containsExactly("12");
        assertThat(BetType.TWO_D_MIDDLE.winningSelections(R1234, SHIO_2026)).containsExactly("23");
        assertThat(BetType.COLOK_JITU.winningSelections(R1234, SHIO_2026)).containsExactlyInAnyOrder("A1", "B2", "C3", "D4");
    }

    @Test
    void colokBetsCountDigitsAnywhere() {
        FourDResult r = new FourDResult(7, 7, 3, 4);
        assertThat(BetType.COLOK_BEBAS.wins("7", r, SHIO_2026)).isEqualTo(2);
        assertThat(BetType.COLOK_BEBAS.wins("3", r, SHIO_2026)).isEqualTo(1);
        assertThat(BetType.COLOK_BEBAS.wins("5", r, SHIO_2026)).isZero();
        assertThat(BetType.COLOK_MACAU.wins(BetType.COLOK_MACAU.normalise("77"), r, SHIO_2026)).isEqualTo(1);
        assertThat(BetType.COLOK_MACAU.wins(BetType.COLOK_MACAU.normalise("73"), r, SHIO_2026)).isEqualTo(1);
        assertThat(BetType.COLOK_MACAU.wins(BetType.COLOK_MACAU.normalise("33"), r, SHIO_2026)).isZero();
        assertThat(BetType.COLOK_NAGA.wins(BetType.COLOK_NAGA.normalise("437"), r, SHIO_2026)).isEqualTo(1);
        assertThat(BetType.COLOK_NAGA.wins(BetType.COLOK_NAGA.normalise("777"), r, SHIO_2026)).isZero();
        assertThat(BetType.COLOK_MACAU.normalise("73")).isEqualTo("37");
    }

    @Test
    void halvesAndDasarFollowTheTwoDBack() {
        FourDResult r49 = new FourDResult(0, 0, 4, 9);
        FourDResult r50 = new FourDResult(0, 0, 5, 0);
        assertThat(BetType.FIFTY_FIFTY_BIG_SMALL.winningSelections(r49, SHIO_2026)).containsExactly("SMALL");
        assertThat(BetType.FIFTY_FIFTY_BIG_SMALL.winningSelections(r50, SHIO_2026)).containsExactly("BIG");
        assertThat(BetType.FIFTY_FIFTY_ODD_EVEN.winningSelections(r49, SHIO_2026)).containsExactly("ODD");
        assertThat(BetType.FIFTY_FIFTY_MIDDLE_EDGE.winningSelections(new FourDResult(0, 0, 2, 4), SHIO_2026)).containsExactly("EDGE");
        assertThat(BetType.FIFTY_FIFTY_MIDDLE_EDGE.winningSelections(new FourDResult(0, 0, 2, 5), SHIO_2026)).containsExactly("MIDDLE");
        assertThat(BetType.FIFTY_FIFTY_MIDDLE_EDGE.winningSelections(new FourDResult(0, 0, 7, 4), SHIO_2026)).containsExactly("MIDDLE");
        assertThat(BetType.FIFTY_FIFTY_MIDDLE_EDGE.winningSelections(new FourDResult(0, 0, 7, 5), SHIO_2026)).containsExactly("EDGE");
        // 9 + 8 = 17: the dasar is 7, odd and big.
        FourDResult r98 = new FourDResult(0, 0, 9, 8);
        assertThat(BetType.DASAR_ODD_EVEN.winningSelections(r98, SHIO_2026)).containsExactly("ODD");
        assertThat(BetType.DASAR_BIG_SMALL.winningSelections(r98, SHIO_2026)).containsExactly("BIG");
    }

    @Test
    void shioFollowsTheYearsTableAndZeroZeroCountsAsOneHundred() {
        assertThat(SHIO_2026.signOf(1)).isEqualTo("HORSE");
        assertThat(SHIO_2026.signOf(13)).isEqualTo("HORSE");
        assertThat(SHIO_2026.signOf(12)).isEqualTo("GOAT");
        assertThat(SHIO_2026.signOf(0)).isEqualTo(SHIO_2026.signOf(100 % 12 == 0 ? 12 : 100 % 12));
        assertThat(BetType.SHIO.winningSelections(new FourDResult(5, 5, 0, 1), SHIO_2026)).containsExactly("HORSE");
        assertThatThrownBy(() -> new ShioTable(2026, List.of("HORSE"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Winning results out of all 10,000, per selection: what each type's multiplier is priced against. */
    static final Map<BetType, Map<String, Integer>> EXPECTED_WINNING_RESULTS = Map.ofEntries(
            Map.entry(BetType.FOUR_D, Map.of("1234", 1)),
            Map.entry(BetType.THREE_D, Map.of("234", 10)),
            Map.entry(BetType.THREE_D_FRONT, Map.of("123", 10)),
            Map.entry(BetType.TWO_D_BACK, Map.of("34", 100)),
            Map.entry(BetType.TWO_D_FRONT, Map.of("12", 100)),
            Map.entry(BetType.TWO_D_MIDDLE, Map.of("23", 100)),
            Map.entry(BetType.COLOK_BEBAS, Map.of("7", 3_439)),
            Map.entry(BetType.COLOK_JITU, Map.of("C7", 1_000)),
            Map.entry(BetType.FIFTY_FIFTY_BIG_SMALL, Map.of("BIG", 5_000, "SMALL", 5_000)),
            Map.entry(BetType.FIFTY_FIFTY_ODD_EVEN, Map.of("ODD", 5_000, "EVEN", 5_000)),
            Map.entry(BetType.FIFTY_FIFTY_MIDDLE_EDGE, Map.of("MIDDLE", 5_000, "EDGE", 5_000)),
            Map.entry(BetType.DASAR_ODD_EVEN, Map.of("ODD", 5_000, "EVEN", 5_000)),
            Map.entry(BetType.DASAR_BIG_SMALL, Map.of("BIG", 5_000, "SMALL", 5_000)));

    @Test
    void overEveryPossibleResultEachSelectionWinsAsOftenAsItsOddsSay() {
        for (var type : EXPECTED_WINNING_RESULTS.entrySet()) {
            for (var selection : type.getValue().entrySet()) {
                int won = 0;
                for (int n = 0; n < 10_000; n++) {
                    FourDResult result = new FourDResult(n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
                    won += type.getKey().wins(selection.getKey(), result, SHIO_2026) > 0 ? 1 : 0;
                }
                assertThat(won).as("%s %s", type.getKey(), selection.getKey()).isEqualTo(selection.getValue());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BetType.class)
    void everyWinningSelectionIsAValidSelectionAndWins(BetType type) {
        for (int n = 0; n < 10_000; n += 37) {
            FourDResult result = new FourDResult(n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
            Set<String> winners = type.winningSelections(result, SHIO_2026);
            assertThat(winners).isNotEmpty();
            for (String winner : winners) {
                assertThat(type.normalise(winner)).isEqualTo(winner);
                assertThat(type.wins(winner, result, SHIO_2026)).isPositive();
            }
        }
    }

    @Test
    void malformedSelectionsAreRefused() {
        for (var bad : List.of(Map.entry(BetType.FOUR_D, "123"), Map.entry(BetType.FOUR_D, "12a4"), Map.entry(BetType.COLOK_JITU, "E1"),
                Map.entry(BetType.SHIO, "CAT"), Map.entry(BetType.FIFTY_FIFTY_BIG_SMALL, "big"), Map.entry(BetType.TWO_D_BACK, "١٢"))) {
            assertThatThrownBy(() -> bad.getKey().normalise(bad.getValue())).as(bad.toString()).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> BetType.FOUR_D.normalise(null)).isInstanceOf(ValidationException.class);
    }
}
