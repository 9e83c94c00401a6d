package io.fairdraw.platform.games;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.game.LottoGame;

/**
 * Fuzz target for the operator's game catalogue. Any JSON document is a catalogue that says
 * exactly what the file says, or it stops the function with an exception that names the problem
 * (IllegalStateException, IllegalArgumentException or the model's own refusal); never a stray
 * runtime failure, and never a number silently cut to fit. A normal test run replays the corpus
 * under src/test/resources/io/fairdraw/platform/games/GameFilesFuzzTestInputs.
 */
class GameFilesFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "110s")
    void anyCatalogueIsReadExactlyOrRefused(FuzzedDataProvider data) {
        JsonNode document;
        try {
            document = JSON.readTree(data.consumeRemainingAsString());
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (document == null) {
            return;
        }
        GameCatalogue catalogue;
        try {
            catalogue = GameFiles.parse(document);
        } catch (IllegalStateException | IllegalArgumentException | DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertExactly(document.get("version"), catalogue.version());
        for (int i = 0; i < catalogue.fixedOdds().size(); i++) {
            FixedOddsGame game = catalogue.fixedOdds().get(i);
            JsonNode node = document.get("fixedOdds").get(i);
            assertExactly(node.get("version"), game.version());
            assertThat(game.id()).isEqualTo(node.get("id").asText());
        }
        for (int i = 0; i < catalogue.lotto().size(); i++) {
            LottoGame game = catalogue.lotto().get(i);
            JsonNode node = document.get("lotto").get(i);
            assertExactly(node.get("version"), game.version());
            assertExactly(node.get("pick"), game.pick());
            assertExactly(node.get("of"), game.of());
        }
    }

    /** A number the model holds came from a JSON integer of the same value. */
    private static void assertExactly(JsonNode node, long value) {
        assertThat(node.isIntegralNumber() || node.canConvertToExactIntegral()).as("%s is a whole number", node).isTrue();
        assertThat(node.canConvertToLong() && node.longValue() == value).as("%s was read as %s", node, value).isTrue();
    }
}
