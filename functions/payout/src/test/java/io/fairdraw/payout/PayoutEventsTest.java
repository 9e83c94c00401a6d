package io.fairdraw.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.PipeEvents;
import io.fairdraw.testsupport.TestPlayers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settling a draw publishes DrawSettled once and WinningsCredited once per winning ticket, each valid, through the topology's pipes. */
class PayoutEventsTest {
    @Test
    void settlementPublishesItsEventsOnceFromTheStreams() {
        World world = World.plain();
        Draw draw = world.open("4d-jakarta");
        PlayerId winner = TestPlayers.verified("payout").id();
        world.fund(winner, 300_000);
        String ticket = world.sell(draw.id(), winner, "events", List.of(new World.Line("FOUR_D", "1234", 100_000, 3_000_000),
                new World.Line("TWO_D_BACK", "34", 200_000, 70_000)));
        world.complete(draw.id(), List.of(1, 2, 3, 4));
        world.capitalise("4d-jakarta", 1_000_000_000);
        for (int run = 0; run < 2; run++) {
            world.settlement.start(draw.id(), World.STAMP).forEach(p -> world.settlement.settlePart(p, World.STAMP));
        }

        List<PipeEvents.Published> settled = PipeEvents.from(Table.DRAWS).stream()
                .filter(e -> e.detailType().equals("DrawSettled") && e.detail().get("drawId").asText().equals(draw.id())).toList();
        assertThat(settled).hasSize(1);
        assertThat(settled.get(0).detail().get("payoutsMinor").asLong()).isEqualTo(314_000_000);
        assertThat(settled.get(0).detail().get("ggrMinor").asLong()).isEqualTo(300_000 - 314_000_000);
        assertThat(PipeEvents.schemaProblems("DrawSettled", settled.get(0).detail())).isEmpty();

        List<PipeEvents.Published> credited = PipeEvents.from(Table.SETTLEMENTS).stream()
                .filter(e -> e.detail().get("drawId").asText().equals(draw.id())).toList();
        assertThat(credited).extracting(PipeEvents.Published::detailType).containsExactly("WinningsCredited");
        assertThat(credited.get(0).detail().get("ticketId").asText()).isEqualTo("ticket#" + ticket);
        assertThat(credited.get(0).detail().get("amountMinor").asLong()).isEqualTo(314_000_000);
        assertThat(PipeEvents.schemaProblems("WinningsCredited", credited.get(0).detail())).isEmpty();
    }
}
