package io.fairdraw.betting.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.game.Game;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.web.Bodies;
import io.fairdraw.platform.web.StrictJson;
import io.fairdraw.testsupport.UntrustedText;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fuzz target for the ticket purchase body, read by the same strict mapper configuration and
 * expanded and priced by the same code as the purchase route, for every game of the sample
 * catalogue. Any body is malformed JSON (400), a domain refusal with a client status, or lines
 * priced within their stakes; nothing else may escape. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/betting/entry/TicketBodyFuzzTestInputs.
 */
class TicketBodyFuzzTest {
    private static final ObjectMapper JSON = strict();
    private static final List<Game> GAMES = GameFiles.sample().games();

    @FuzzTest(maxDuration = "110s")
    void anyTicketBodyIsPricedWithinItsStakesOrRefused(FuzzedDataProvider data) {
        Game game = data.pickValue(GAMES);
        long seed = data.consumeLong();
        String json = data.consumeRemainingAsString();
        try {
            TicketBodies.TicketBody body = Bodies.required(JSON.readValue(json, TicketBodies.TicketBody.class));
            assertThat(UntrustedText.hasDuplicateField(json)).as("a body naming a field twice was read").isFalse();
            assertThat(body.drawCount()).isNotNull();
            List<PricedLine> lines = TicketPricing.price(game, body.expand(game, new SplittableRandom(seed)));
            assertThat(lines).isNotEmpty();
            for (PricedLine line : lines) {
                assertThat(line.priceMinor()).isBetween(0L, line.stakeMinor());
            }
        } catch (JsonProcessingException malformed) {
            assertThat(malformed.getOriginalMessage()).isNotNull();
        } catch (DomainException refused) {
            assertThat(refused.type().httpStatus()).isBetween(400, 499);
        }
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
