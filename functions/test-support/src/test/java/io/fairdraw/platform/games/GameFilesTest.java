package io.fairdraw.platform.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.money.Money;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class GameFilesTest {
    @Test
    void theSampleCatalogueOffersEveryBetTypeAndALotto() {
        var catalogue = GameFiles.sample();
        var jakarta = catalogue.fixedOdds("4d-jakarta").orElseThrow();
        for (BetType type : BetType.values()) {
            assertThat(jakarta.termsOf(type)).as(type.name()).isPresent();
        }
        assertThat(jakarta.termsOf(BetType.TWO_D_BACK).orElseThrow().payout(Money.of(100_000, "IDR"), 1)).isEqualTo(Money.of(7_000_000, "IDR"));
        assertThat(BetType.SHIO.winningSelections(new FourDResult(0, 0, 0, 1), jakarta.shio())).containsExactly("HORSE");
        var lotto = catalogue.lotto("lotto-6-49").orElseThrow();
        assertThat(lotto.pick()).isEqualTo(6);
        assertThat(lotto.of()).isEqualTo(49);
        // Draws on sale at once come from the catalogue, per game, in every environment.
        assertThat(jakarta.schedule().drawsOnSale()).isEqualTo(7);
        assertThat(lotto.schedule().drawsOnSale()).isEqualTo(4);
    }

    @Test
    void everySampleBetTypeLeavesTheHouseAnEdge() {
        // Expected return per unit of price paid, over all 10,000 equally likely results, must be below 1.
        var jakarta = GameFiles.sample().fixedOdds("4d-jakarta").orElseThrow();
        var selections = java.util.Map.ofEntries(java.util.Map.entry(BetType.FOUR_D, "1234"), java.util.Map.entry(BetType.THREE_D, "234"),
                java.util.Map.entry(BetType.THREE_D_FRONT, "123"), java.util.Map.entry(BetType.TWO_D_BACK, "34"),
                java.util.Map.entry(BetType.TWO_D_FRONT, "12"), java.util.Map.entry(BetType.TWO_D_MIDDLE, "23"),
                java.util.Map.entry(BetType.COLOK_BEBAS, "7"), java.util.Map.entry(BetType.COLOK_MACAU, "37"),
                java.util.Map.entry(BetType.COLOK_NAGA, "137"), java.util.Map.entry(BetType.COLOK_JITU, "C7"),
                java.util.Map.entry(BetType.SHIO, "HORSE"), java.util.Map.entry(BetType.FIFTY_FIFTY_BIG_SMALL, "BIG"),
                java.util.Map.entry(BetType.FIFTY_FIFTY_ODD_EVEN, "ODD"), java.util.Map.entry(BetType.FIFTY_FIFTY_MIDDLE_EDGE, "EDGE"),
                java.util.Map.entry(BetType.DASAR_ODD_EVEN, "ODD"), java.util.Map.entry(BetType.DASAR_BIG_SMALL, "SMALL"));
        assertThat(selections.keySet()).containsExactlyInAnyOrder(BetType.values());
        Money stake = Money.of(100_000, "IDR");
        selections.forEach((type, selection) -> {
            var terms = jakarta.termsOf(type).orElseThrow();
            long paidOut = 0;
            for (int n = 0; n < 10_000; n++) {
                var result = new FourDResult(n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
                paidOut += terms.payout(stake, type.wins(selection, result, jakarta.shio())).amountMinor();
            }
            long taken = terms.price(stake).amountMinor() * 10_000L;
            assertThat(paidOut).as("%s returns %d of %d", type, paidOut, taken).isLessThan(taken);
        });
    }

    @Test
    void aMalformedCatalogueIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GameFiles.SAMPLE)) {
            document = (ObjectNode) json.readTree(in);
        }
        ObjectNode fractional = document.deepCopy();
        ((ObjectNode) fractional.get("fixedOdds").get(0).get("betTypes").get("FOUR_D")).put("multiplierMilli", 1.5);
        assertThatThrownBy(() -> GameFiles.parse(fractional)).isInstanceOf(IllegalStateException.class);
        ObjectNode unknownType = document.deepCopy();
        ((ObjectNode) unknownType.get("fixedOdds").get(0).get("betTypes")).set("FIVE_D", json.createObjectNode());
        assertThatThrownBy(() -> GameFiles.parse(unknownType)).isInstanceOf(IllegalArgumentException.class);
        ObjectNode badZone = document.deepCopy();
        ((ObjectNode) badZone.get("lotto").get(0).get("schedule")).put("zone", "Mars/Olympus");
        assertThatThrownBy(() -> GameFiles.parse(badZone)).isInstanceOf(RuntimeException.class);
        for (int drawsOnSale : new int[] {0, 15, -1}) {
            ObjectNode badSale = document.deepCopy();
            ((ObjectNode) badSale.get("fixedOdds").get(0).get("schedule")).put("drawsOnSale", drawsOnSale);
            assertThatThrownBy(() -> GameFiles.parse(badSale)).as("%d draws on sale", drawsOnSale)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draws are on sale at once");
        }
        ObjectNode unsaid = document.deepCopy();
        ((ObjectNode) unsaid.get("lotto").get(0).get("schedule")).remove("drawsOnSale");
        assertThat(GameFiles.parse(unsaid).lotto("lotto-6-49").orElseThrow().schedule().drawsOnSale()).as("the default").isEqualTo(1);
    }
}
