package io.fairdraw.model.betting;

import static io.fairdraw.model.betting.BettingGames.JAKARTA;
import static io.fairdraw.model.betting.BettingGames.LOTTO;
import static io.fairdraw.model.betting.BettingGames.LOTTO_LINE_PRICE;
import static io.fairdraw.model.betting.BettingGames.MIN_STAKE;
import static io.fairdraw.model.betting.BettingGames.PASAR;
import static io.fairdraw.model.betting.TicketPricingTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.error.Violation;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.ShioTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberPickerTest {
    static final Map<BetType, Integer> BBFS_LENGTHS = Map.of(BetType.FOUR_D, 4, BetType.THREE_D, 3, BetType.THREE_D_FRONT, 3,
            BetType.TWO_D_BACK, 2, BetType.TWO_D_FRONT, 2, BetType.TWO_D_MIDDLE, 2);

    @Test
    void bbfsArrangesEachDigitOnce() {
        assertThat(NumberPicker.bbfs("TWO_D_BACK", "123", "lines[0]")).containsExactly("12", "13", "21", "23", "31", "32");
    }

    @Test
    void bbfsUsesADigitGivenTwiceUpToTwice() {
        assertThat(NumberPicker.bbfs("TWO_D_BACK", "112", "lines[0]")).containsExactly("11", "12", "21");
        assertThat(NumberPicker.bbfs("THREE_D", "112", "lines[0]")).containsExactly("112", "121", "211");
        assertThat(NumberPicker.bbfs("TWO_D_FRONT", "55", "lines[0]")).containsExactly("55");
    }

    @Test
    void bbfsOfFourDigitsForFourDIsEveryOrderOfThem() {
        List<String> arrangements = NumberPicker.bbfs("FOUR_D", "1234", "lines[0]");
        assertThat(arrangements).hasSize(24).doesNotHaveDuplicates().isSorted().startsWith("1234").endsWith("4321");
        assertThat(arrangements).allSatisfy(a -> assertThat(a.chars().sorted().toArray()).containsExactly('1', '2', '3', '4'));
    }

    @Test
    void bbfsOfEveryDigitForFourDIsTenPermuteFour() {
        List<String> arrangements = NumberPicker.bbfs("FOUR_D", "0123456789", "lines[0]");
        assertThat(arrangements).hasSize(10 * 9 * 8 * 7).doesNotHaveDuplicates().isSorted();
        assertThat(arrangements).allSatisfy(a -> assertThat(a.chars().distinct().count()).isEqualTo(4));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void bbfsGivesEveryDistinctArrangementOfAnyDigitMultiset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String digits = randomDigits(random, 2 + random.nextInt(9));
        for (var entry : BBFS_LENGTHS.entrySet()) {
            BetType type = entry.getKey();
            int length = entry.getValue();
            if (digits.length() < length) {
                continue;
            }
            List<String> arrangements = NumberPicker.bbfs(type.name(), digits, "lines[0]");
            assertThat(arrangements).as("%s of %s", type, digits).isSorted().doesNotHaveDuplicates()
                    .containsExactlyElementsOf(arrangementsByBruteForce(digits, length));
            assertThat(arrangements).allSatisfy(a -> assertThat(type.normalise(a)).isEqualTo(a));
        }
    }

    @Test
    void bbfsOutputPricesAsLinesOfItsType() {
        List<RequestedLine> lines = NumberPicker.bbfs("THREE_D_FRONT", "1223", "lines[0]").stream()
                .map(s -> new RequestedLine("THREE_D_FRONT", s, MIN_STAKE)).toList();
        assertThat(lines).hasSize(12);
        assertThat(TicketPricing.price(JAKARTA, lines)).extracting(PricedLine::selection)
                .containsExactlyElementsOf(lines.stream().map(RequestedLine::selection).toList());
    }

    static Stream<Arguments> digitsThatCannotFillTheType() {
        return Stream.of(
                Arguments.of("TWO_D_BACK", null),
                Arguments.of("TWO_D_BACK", ""),
                Arguments.of("FOUR_D", "123"),
                Arguments.of("THREE_D", "12"),
                Arguments.of("TWO_D_BACK", "1"),
                Arguments.of("TWO_D_BACK", "12a"),
                Arguments.of("TWO_D_BACK", "1-2"),
                Arguments.of("TWO_D_BACK", "1 2"),
                Arguments.of("TWO_D_BACK", "01234567890"),
                Arguments.of("FOUR_D", "12345678901"),
                Arguments.of("TWO_D_BACK", "١٢٣"),
                Arguments.of("TWO_D_BACK", "１２３"),
                Arguments.of("FOUR_D", "123٤"),
                Arguments.of("TWO_D_MIDDLE", "123\n"));
    }

    @ParameterizedTest
    @MethodSource("digitsThatCannotFillTheType")
    void bbfsRefusesDigitsThatCannotFillTheType(String betType, String digits) {
        assertThat(violations(() -> NumberPicker.bbfs(betType, digits, "lines[3]"))).extracting(Violation::field)
                .containsExactly("lines[3].bbfs");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SHIO", "COLOK_BEBAS", "COLOK_MACAU", "COLOK_NAGA", "COLOK_JITU", "FIFTY_FIFTY_ODD_EVEN", "DASAR_BIG_SMALL",
        "LOTTO", "FIVE_D", "four_d"})
    void bbfsExpandsOnlyPositionalDigitTypes(String betType) {
        assertThat(violations(() -> NumberPicker.bbfs(betType, "1234", "lines[3]"))).extracting(Violation::field)
                .containsExactly("lines[3].betType");
    }

    @ParameterizedTest
    @EnumSource(BetType.class)
    void quickPicksOfEveryTypeAreValidCanonicalSelections(BetType type) {
        SplittableRandom random = new SplittableRandom(type.ordinal());
        Set<String> picks = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String pick = NumberPicker.quickPick(JAKARTA, type.name(), random, "lines[0]");
            PricedLine priced = TicketPricing.price(JAKARTA, List.of(new RequestedLine(type.name(), pick, MIN_STAKE))).get(0);
            assertThat(priced.selection()).isEqualTo(pick);
            picks.add(pick);
        }
        assertThat(picks).hasSizeGreaterThan(1);
    }

    @Test
    void quickPicksOfSmallTypesReachEverySelection() {
        SplittableRandom random = new SplittableRandom(7);
        assertThat(picks(BetType.SHIO, random, 500)).isEqualTo(ShioTable.SIGNS);
        assertThat(picks(BetType.COLOK_BEBAS, random, 500)).hasSize(10);
        assertThat(picks(BetType.COLOK_JITU, random, 1_000)).hasSize(40);
        assertThat(picks(BetType.COLOK_MACAU, random, 2_000)).hasSize(55);
        assertThat(picks(BetType.FIFTY_FIFTY_MIDDLE_EDGE, random, 100)).containsExactlyInAnyOrder("MIDDLE", "EDGE");
        assertThat(picks(BetType.DASAR_ODD_EVEN, random, 100)).containsExactlyInAnyOrder("ODD", "EVEN");
        assertThat(picks(BetType.FIFTY_FIFTY_BIG_SMALL, random, 100)).containsExactlyInAnyOrder("BIG", "SMALL");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void lottoQuickPicksAreSixDifferentNumbersInRangeAndPriceAsTheyAre(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String pick = NumberPicker.quickPick(LOTTO, TicketPricing.LOTTO, random, "lines[0]");
            assertThat(pick).matches("[0-9]{2}(-[0-9]{2}){5}");
            int[] numbers = Arrays.stream(pick.split("-")).mapToInt(Integer::parseInt).toArray();
            assertThat(numbers).hasSize(6).isSorted().doesNotHaveDuplicates();
            assertThat(numbers[0]).isGreaterThanOrEqualTo(1);
            assertThat(numbers[5]).isLessThanOrEqualTo(49);
            Arrays.stream(numbers).forEach(seen::add);
            assertThat(TicketPricing.price(LOTTO, List.of(new RequestedLine("LOTTO", pick, LOTTO_LINE_PRICE))).get(0).selection())
                    .isEqualTo(pick);
        }
        assertThat(seen).hasSize(49);
    }

    @Test
    void aQuickPickOfATypeTheGameDoesNotOfferIsRefused() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(violations(() -> NumberPicker.quickPick(PASAR, "FOUR_D", random, "lines[2]"))).extracting(Violation::field)
                .containsExactly("lines[2].betType");
        assertThat(violations(() -> NumberPicker.quickPick(JAKARTA, "LOTTO", random, "lines[2]"))).extracting(Violation::field)
                .containsExactly("lines[2].betType");
        assertThat(violations(() -> NumberPicker.quickPick(JAKARTA, null, random, "lines[2]"))).extracting(Violation::field)
                .containsExactly("lines[2].betType");
        assertThat(violations(() -> NumberPicker.quickPick(LOTTO, "FOUR_D", random, "lines[2]"))).extracting(Violation::field)
                .containsExactly("lines[2].betType");
        assertThat(violations(() -> NumberPicker.quickPick(LOTTO, null, random, "lines[2]"))).extracting(Violation::field)
                .containsExactly("lines[2].betType");
    }

    @Test
    void fourDQuickPicksUseEveryDigitInEveryPosition() {
        SplittableRandom random = new SplittableRandom(99);
        List<Set<Character>> digitsByPosition = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (int i = 0; i < 2_000; i++) {
            String pick = NumberPicker.quickPick(JAKARTA, "FOUR_D", random, "lines[0]");
            for (int position = 0; position < 4; position++) {
                digitsByPosition.get(position).add(pick.charAt(position));
            }
        }
        assertThat(digitsByPosition).allSatisfy(digits -> assertThat(digits).hasSize(10)
                .containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'));
    }

    private static Set<String> picks(BetType type, SplittableRandom random, int count) {
        Set<String> picks = new HashSet<>();
        for (int i = 0; i < count; i++) {
            picks.add(NumberPicker.quickPick(JAKARTA, type.name(), random, "lines[0]"));
        }
        return picks;
    }

    private static String randomDigits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(random.nextBoolean() ? 4 : 10)));
        }
        return digits.toString();
    }

    private static List<String> arrangementsByBruteForce(String digits, int length) {
        int[] available = new int[10];
        digits.chars().forEach(c -> available[c - '0']++);
        List<String> arrangements = new ArrayList<>();
        int limit = (int) Math.pow(10, length);
        for (int n = 0; n < limit; n++) {
            String candidate = String.format("%0" + length + "d", n);
            int[] needed = new int[10];
            candidate.chars().forEach(c -> needed[c - '0']++);
            boolean fits = true;
            for (int d = 0; d < 10; d++) {
                fits &= needed[d] <= available[d];
            }
            if (fits) {
                arrangements.add(candidate);
            }
        }
        return arrangements;
    }
}
