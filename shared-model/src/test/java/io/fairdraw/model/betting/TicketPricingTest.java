package io.fairdraw.model.betting;

import static io.fairdraw.model.betting.BettingGames.JAKARTA;
import static io.fairdraw.model.betting.BettingGames.MAX_STAKE;
import static io.fairdraw.model.betting.BettingGames.MIN_STAKE;
import static io.fairdraw.model.betting.BettingGames.PASAR;
import static io.fairdraw.model.betting.BettingGames.SHIO_2026;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketPricingTest {
    static final RequestedLine VALID = new RequestedLine("FOUR_D", "1234", MIN_STAKE);

    @Test
    void thePriceIsTheStakeLessTheDiscountRoundedInTheHousesFavour() {
        assertThat(priceOne(JAKARTA, "FOUR_D", "1234", 3_000).priceMinor()).isEqualTo(1_020);
        assertThat(priceOne(PASAR, "TWO_D_BACK", "07", 101).priceMinor()).isEqualTo(72);
        assertThat(priceOne(PASAR, "COLOK_BEBAS", "7", 101).priceMinor()).isEqualTo(95);
        assertThat(priceOne(JAKARTA, "FIFTY_FIFTY_BIG_SMALL", "BIG", 5_000).priceMinor()).isEqualTo(5_000);
    }

    @Test
    void aWinPaysTheStakeTimesTheMultiplierInThousandthsRoundedDown() {
        assertThat(priceOne(JAKARTA, "FOUR_D", "1234", 3_000).potentialWinMinor()).isEqualTo(OptionalLong.of(9_000_000));
        assertThat(priceOne(PASAR, "TWO_D_BACK", "07", 101).potentialWinMinor()).isEqualTo(OptionalLong.of(7_070));
        // Colok bebas names the most it can win: its digit four times (a result of 7777).
        assertThat(priceOne(PASAR, "COLOK_BEBAS", "7", 101).potentialWinMinor()).isEqualTo(OptionalLong.of(606));
    }

    @Test
    void aPricedLineCarriesTheTermsItWasSoldUnder() {
        PricedLine line = priceOne(JAKARTA, "TWO_D_BACK", "34", 2_000);
        assertThat(line).isEqualTo(new PricedLine("TWO_D_BACK", "34", 2_000, 1_420, OptionalLong.of(140_000), 140_000, 70_000, 2_900));
        assertThat(line.hasLiability()).isTrue();
        assertThat(line.leafLine()).isEqualTo(new TicketLeaf.Line("TWO_D_BACK", "34", 2_000));
    }

    @Test
    void colokBebasReservesFourWinsOfLiabilityAndEveryOtherTypeOne() {
        PricedLine bebas = priceOne(JAKARTA, "COLOK_BEBAS", "7", 1_000);
        assertThat(bebas.potentialWinMinor()).isEqualTo(OptionalLong.of(6_000));
        assertThat(bebas.liabilityMinor()).isEqualTo(6_000);
        assertThat(priceOne(PASAR, "COLOK_BEBAS", "7", 101).liabilityMinor()).isEqualTo(606);
        assertThat(priceOne(JAKARTA, "COLOK_MACAU", "37", 1_000).liabilityMinor()).isEqualTo(7_500);
        assertThat(priceOne(JAKARTA, "FOUR_D", "1234", 1_000).liabilityMinor()).isEqualTo(3_000_000);
    }

    @ParameterizedTest
    @EnumSource(BetType.class)
    void maxUnitsIsTheMostTimesOneSelectionWinsInAnyResult(BetType type) {
        int most = 0;
        for (int n = 0; n < 10_000; n++) {
            FourDResult result = new FourDResult(n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
            for (String selection : type.winningSelections(result, SHIO_2026)) {
                most = Math.max(most, type.wins(selection, result, SHIO_2026));
            }
        }
        assertThat(type.maxUnits()).isEqualTo(most);
    }

    @ParameterizedTest
    @EnumSource(BetType.class)
    void theLiabilityOfALineIsWhatItPaysIfItWinsAsOftenAsItCan(BetType type) {
        String selection = type.winningSelections(new FourDResult(7, 7, 7, 7), SHIO_2026).iterator().next();
        PricedLine line = priceOne(JAKARTA, type.name(), selection, 7_000);
        Money stake = Money.of(7_000, "IDR");
        var terms = JAKARTA.termsOf(type).orElseThrow();
        assertThat(line.liabilityMinor()).isEqualTo(terms.payout(stake, type.maxUnits()).amountMinor());
        assertThat(line.liabilityMinor()).isEqualTo(terms.payout(stake, type.wins(selection, new FourDResult(7, 7, 7, 7), SHIO_2026))
                .amountMinor());
        assertThat(line.multiplierMilli()).isEqualTo(terms.multiplierMilli());
        assertThat(line.discountBasisPoints()).isEqualTo(terms.discountBasisPoints());
    }

    @Test
    void colokSelectionsAreStoredWithTheirDigitsSorted() {
        assertThat(priceOne(JAKARTA, "COLOK_MACAU", "73", 1_000).selection()).isEqualTo("37");
        assertThat(priceOne(JAKARTA, "COLOK_NAGA", "731", 1_000).selection()).isEqualTo("137");
        assertThat(priceOne(JAKARTA, "COLOK_NAGA", "909", 1_000).selection()).isEqualTo("099");
        assertThat(priceOne(JAKARTA, "TWO_D_BACK", "73", 1_000).selection()).isEqualTo("73");
        assertThat(priceOne(JAKARTA, "THREE_D", "731", 1_000).selection()).isEqualTo("731");
    }

    @Test
    void aRepeatedSelectionIsReportedOnTheLaterLine() {
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of(new RequestedLine("COLOK_MACAU", "21", 1_000), VALID,
                new RequestedLine("COLOK_MACAU", "12", 5_000))))).extracting(Violation::field).containsExactly("lines[2]");
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of(VALID, new RequestedLine("COLOK_NAGA", "123", 1_000),
                new RequestedLine("COLOK_NAGA", "321", 1_000), new RequestedLine("FOUR_D", "1234", 2_000)))))
                .extracting(Violation::field).containsExactly("lines[2]", "lines[3]");
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of(VALID, VALID))).get(0).message()).contains("lines[0]");
    }

    @Test
    void theSameDigitsUnderAnotherTypeOrInAnotherOrderOfAPositionalTypeAreNotRepeats() {
        assertThat(TicketPricing.price(JAKARTA, List.of(new RequestedLine("TWO_D_BACK", "12", 1_000),
                new RequestedLine("TWO_D_BACK", "21", 1_000), new RequestedLine("TWO_D_FRONT", "12", 1_000),
                new RequestedLine("COLOK_MACAU", "12", 1_000), new RequestedLine("DASAR_BIG_SMALL", "BIG", 1_000),
                new RequestedLine("FIFTY_FIFTY_BIG_SMALL", "BIG", 1_000)))).hasSize(6);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"FIVE_D", "four_d", "FOUR_D ", "LOTTO", "COLOK"})
    void anUnknownBetTypeIsRefusedAtItsLine(String betType) {
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of(VALID, new RequestedLine(betType, "1234", 1_000)))))
                .extracting(Violation::field).containsExactly("lines[1].betType");
    }

    @Test
    void aBetTypeTheGameDoesNotOfferIsRefusedAtItsLine() {
        assertThat(violations(() -> TicketPricing.price(PASAR, List.of(new RequestedLine("TWO_D_BACK", "12", 100),
                new RequestedLine("FOUR_D", "1234", 100))))).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines[1].betType");
                    assertThat(v.message()).contains("4d-pasar");
                });
    }

    static Stream<Arguments> badSelections() {
        return Stream.of(
                Arguments.of(BetType.FOUR_D, "123"),
                Arguments.of(BetType.FOUR_D, "12345"),
                Arguments.of(BetType.FOUR_D, "12a4"),
                Arguments.of(BetType.FOUR_D, "abcd"),
                Arguments.of(BetType.FOUR_D, "١٢٣٤"),
                Arguments.of(BetType.FOUR_D, "１２３４"),
                Arguments.of(BetType.FOUR_D, "۱۲۳۴"),
                Arguments.of(BetType.FOUR_D, "1234\n"),
                Arguments.of(BetType.FOUR_D, " 1234"),
                Arguments.of(BetType.FOUR_D, "-123"),
                Arguments.of(BetType.FOUR_D, ""),
                Arguments.of(BetType.FOUR_D, null),
                Arguments.of(BetType.THREE_D, "1234"),
                Arguments.of(BetType.TWO_D_BACK, "1"),
                Arguments.of(BetType.TWO_D_BACK, "١٢"),
                Arguments.of(BetType.COLOK_BEBAS, "12"),
                Arguments.of(BetType.COLOK_BEBAS, "٧"),
                Arguments.of(BetType.COLOK_MACAU, "123"),
                Arguments.of(BetType.COLOK_NAGA, "１23"),
                Arguments.of(BetType.COLOK_JITU, "E1"),
                Arguments.of(BetType.COLOK_JITU, "c7"),
                Arguments.of(BetType.COLOK_JITU, "C"),
                Arguments.of(BetType.SHIO, "CAT"),
                Arguments.of(BetType.SHIO, "dragon"),
                Arguments.of(BetType.FIFTY_FIFTY_BIG_SMALL, "big"),
                Arguments.of(BetType.FIFTY_FIFTY_BIG_SMALL, "ODD"),
                Arguments.of(BetType.FIFTY_FIFTY_MIDDLE_EDGE, "BIG"),
                Arguments.of(BetType.DASAR_ODD_EVEN, "ODDS"));
    }

    @ParameterizedTest
    @MethodSource("badSelections")
    void aSelectionThatIsNotOneOfItsTypeIsRefusedAtItsLine(BetType type, String selection) {
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of(VALID, new RequestedLine(type.name(), selection, 1_000)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines[1].selection");
                    assertThat(v.message()).contains(type.name());
                });
    }

    @Test
    void everyBadLineIsReportedInOneRefusal() {
        List<RequestedLine> lines = Arrays.asList(new RequestedLine("FIVE_D", "12345", 1_000), VALID,
                new RequestedLine("TWO_D_BACK", "1x", 1_000), null, new RequestedLine("SHIO", "CAT", 1_000),
                new RequestedLine("FOUR_D", "1234", 3_000), new RequestedLine("TWO_D_BACK", "12", 1));
        assertThat(violations(() -> TicketPricing.price(JAKARTA, lines))).extracting(Violation::field)
                .containsExactly("lines[0].betType", "lines[2].selection", "lines[3]", "lines[4].selection", "lines[5]");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1_000, 0, 1, 999, 1_500, 1_999, 1_000_001, 1_001_000, 2_000_000, Long.MAX_VALUE})
    void aStakeOutsideTheBoundsOrNotAWholeNumberOfUnitsIsRefused(long stake) {
        assertThatThrownBy(() -> TicketPricing.price(JAKARTA, List.of(VALID, new RequestedLine("TWO_D_BACK", "12", stake))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.STAKE_OUT_OF_RANGE);
                    assertThat(e.detail()).startsWith("lines[1].stake");
                });
    }

    @ParameterizedTest
    @ValueSource(longs = {MIN_STAKE, 2 * MIN_STAKE, 999 * MIN_STAKE, MAX_STAKE})
    void aWholeNumberOfStakeUnitsWithinTheBoundsIsSold(long stake) {
        assertThat(priceOne(JAKARTA, "TWO_D_BACK", "12", stake).stakeMinor()).isEqualTo(stake);
    }

    @Test
    void aBadSelectionOutranksABadStakeSoTheRefusalListsEveryField() {
        assertThatThrownBy(() -> TicketPricing.price(JAKARTA, List.of(new RequestedLine("TWO_D_BACK", "12", 1),
                new RequestedLine("TWO_D_BACK", "1x", 1_000)))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aTicketHoldsUpToMaxLinesLines() {
        assertThat(TicketPricing.MAX_LINES).isEqualTo(40);
        List<PricedLine> priced = TicketPricing.price(JAKARTA, fourDLines(TicketPricing.MAX_LINES));
        assertThat(priced).hasSize(TicketPricing.MAX_LINES);
        assertThat(priced.get(39).selection()).isEqualTo("0039");
    }

    @Test
    void oneLineMoreThanATicketHoldsIsRefusedWithHowManyTicketsTheLinesNeed() {
        assertTooManyLines(TicketPricing.MAX_LINES + 1, "41 lines need 2 tickets");
        assertTooManyLines(80, "80 lines need 2 tickets");
        assertTooManyLines(81, "81 lines need 3 tickets");
        assertTooManyLines(5_040, "5040 lines need 126 tickets");
    }

    @Test
    void aTicketWithoutLinesIsRefused() {
        assertThat(violations(() -> TicketPricing.price(JAKARTA, List.of()))).extracting(Violation::field).containsExactly("lines");
        assertThat(violations(() -> TicketPricing.price(JAKARTA, null))).extracting(Violation::field).containsExactly("lines");
    }

    static PricedLine priceOne(Game game, String betType, String selection, long stake) {
        return TicketPricing.price(game, List.of(new RequestedLine(betType, selection, stake))).get(0);
    }

    static List<Violation> violations(ThrowingCallable call) {
        List<Violation> found = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> found.addAll(e.violations()));
        return found;
    }

    private static List<RequestedLine> fourDLines(int count) {
        return IntStream.range(0, count).mapToObj(i -> new RequestedLine("FOUR_D", "%04d".formatted(i), MIN_STAKE)).toList();
    }

    private static void assertTooManyLines(int count, String detail) {
        assertThatThrownBy(() -> TicketPricing.price(JAKARTA, fourDLines(count)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_LINES);
                    assertThat(e.detail()).startsWith(detail);
                });
    }
}
