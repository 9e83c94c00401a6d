package io.fairdraw.model.betting;

import static io.fairdraw.model.betting.BettingGames.LOTTO;
import static io.fairdraw.model.betting.BettingGames.LOTTO_LINE_PRICE;
import static io.fairdraw.model.betting.TicketPricingTest.priceOne;
import static io.fairdraw.model.betting.TicketPricingTest.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.Violation;
import io.fairdraw.model.game.LottoGame;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LottoPricingTest {
    static final RequestedLine VALID = new RequestedLine("LOTTO", "1-2-3-4-5-6", LOTTO_LINE_PRICE);

    @Test
    void numbersInAnyOrderAreStoredSortedAndTwoDigitsEach() {
        assertThat(priceOne(LOTTO, "LOTTO", "5-1-49-23-7-12", LOTTO_LINE_PRICE).selection()).isEqualTo("01-05-07-12-23-49");
        assertThat(priceOne(LOTTO, "LOTTO", "01-05-07-12-23-49", LOTTO_LINE_PRICE).selection()).isEqualTo("01-05-07-12-23-49");
        assertThat(priceOne(LOTTO, "LOTTO", "49-48-47-46-45-44", LOTTO_LINE_PRICE).selection()).isEqualTo("44-45-46-47-48-49");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "1-2-3-4-5",
        "1-2-3-4-5-6-7",
        "1-2-3-4-5-5",
        "01-1-2-3-4-5",
        "0-1-2-3-4-5",
        "00-1-2-3-4-5",
        "1-2-3-4-5-50",
        "1-2-3-4-5-99",
        "01-02-03-04-05-",
        "01-02-03-04-05-06-",
        "-01-02-03-04-05-06",
        "01--02-03-04-05-06",
        "001-2-3-4-5-6",
        "1,2,3,4,5,6",
        "1 2 3 4 5 6",
        "1-2-3-4-5-+6",
        "1-2-3-4-5-6\n",
        "١-٢-٣-٤-٥-٦",
        "1-2-3-4-5-٦",
        "１-2-3-4-5-6",
        "1-2-3-4-5-６"})
    void aSelectionThatIsNotSixDifferentNumbersFromOneToFortyNineIsRefusedAtItsLine(String selection) {
        assertThat(violations(() -> TicketPricing.price(LOTTO, List.of(VALID, new RequestedLine("LOTTO", selection, LOTTO_LINE_PRICE)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines[1].selection");
                    assertThat(v.message()).contains("6 different numbers from 1 to 49");
                });
    }

    @Test
    void theSelectionCheckNamesTheFieldItIsGiven() {
        assertThat(TicketPricing.lottoSelection(LOTTO, "6-5-4-3-2-1", "numbers")).isEqualTo("01-02-03-04-05-06");
        assertThat(violations(() -> TicketPricing.lottoSelection(LOTTO, "1-2-3", "numbers"))).extracting(Violation::field)
                .containsExactly("numbers");
    }

    @Test
    void theSelectionFollowsTheGamesPickAndRange() {
        LottoGame small = new LottoGame("lotto-3-9", 1, "Lotto 3/9", BettingGames.IDR, LOTTO.schedule(), 3, 9, 5_000, Map.of(3, 5_000));
        assertThat(TicketPricing.lottoSelection(small, "9-1-5", "s")).isEqualTo("01-05-09");
        assertThat(violations(() -> TicketPricing.lottoSelection(small, "1-5-10", "s"))).isNotEmpty();
        assertThat(violations(() -> TicketPricing.lottoSelection(small, "1-2-3-4", "s"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-LOTTO_LINE_PRICE, 0, 1, LOTTO_LINE_PRICE - 1, LOTTO_LINE_PRICE + 1, 2 * LOTTO_LINE_PRICE})
    void theStakeIsExactlyTheLinePrice(long stake) {
        assertThatThrownBy(() -> TicketPricing.price(LOTTO, List.of(new RequestedLine("LOTTO", "1-2-3-4-5-6", stake))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.STAKE_OUT_OF_RANGE);
                    assertThat(e.detail()).contains("exactly " + LOTTO_LINE_PRICE);
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"FOUR_D", "lotto", "TWO_D_BACK"})
    void aLottoGameSellsOnlyLottoLines(String betType) {
        assertThat(violations(() -> TicketPricing.price(LOTTO, List.of(VALID, new RequestedLine(betType, "1234", LOTTO_LINE_PRICE)))))
                .extracting(Violation::field).containsExactly("lines[1].betType");
    }

    @Test
    void aLottoLineCostsItsStakeAndDrawsOnNoLiabilityBudget() {
        PricedLine line = priceOne(LOTTO, "LOTTO", "5-1-49-23-7-12", LOTTO_LINE_PRICE);
        assertThat(line.betType()).isEqualTo("LOTTO");
        assertThat(line.priceMinor()).isEqualTo(LOTTO_LINE_PRICE);
        assertThat(line.potentialWinMinor()).isEqualTo(OptionalLong.empty());
        assertThat(line.liabilityMinor()).isZero();
        assertThat(line.hasLiability()).isFalse();
    }

    @Test
    void theSameNumbersInAnotherOrderRepeatALine() {
        List<RequestedLine> lines = List.of(VALID, new RequestedLine("LOTTO", "7-8-9-10-11-12", LOTTO_LINE_PRICE),
                new RequestedLine("LOTTO", "06-05-04-03-02-01", LOTTO_LINE_PRICE));
        assertThat(violations(() -> TicketPricing.price(LOTTO, lines))).extracting(Violation::field).containsExactly("lines[2]");
    }
}
