package io.fairdraw.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.testsupport.LambdaInvoker;
import io.fairdraw.testsupport.TestPlayers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payout function through its real Lambda entry: SQS batches carrying EventBridge draw
 * events (as a rule targeting the queue delivers them) and settlement parts.
 */
@QuarkusTest
class PayoutHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sqs(String... bodies) throws Exception {
        var records = JSON.createArrayNode();
        for (int i = 0; i < bodies.length; i++) {
            records.addObject().put("messageId", "m-" + i).put("receiptHandle", "r-" + i).put("body", bodies[i])
                    .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:eu-west-1:111122223333:fairdraw-payout");
        }
        return JSON.writeValueAsString(JSON.createObjectNode().set("Records", records));
    }

    private static String drawEvent(String type, String drawId) {
        return "{\"version\":\"0\",\"id\":\"e-" + drawId + "\",\"detail-type\":\"" + type + "\",\"source\":\"fairdraw.draw\","
                + "\"account\":\"111122223333\",\"time\":\"2030-01-01T13:00:00Z\",\"region\":\"eu-west-1\",\"resources\":[],"
                + "\"detail\":{\"schemaVersion\":1,\"drawId\":\"" + drawId + "\",\"gameId\":\"4d-jakarta\","
                + "\"drawTime\":\"2030-01-01T13:00:00Z\",\"status\":\"COMPLETED\"}}";
    }

    private static JsonNode invoke(String event) throws Exception {
        return JSON.readTree(LambdaInvoker.invoke(event).body());
    }

    @Test
    void aDrawCompletedMessageSettlesTheDrawOnceAndBadMessagesAreReportedOrDropped() throws Exception {
        World world = World.plain();
        Draw draw = world.open("4d-jakarta");
        PlayerId winner = TestPlayers.verified("payout").id();
        PlayerId loser = TestPlayers.verified("payout").id();
        world.fund(winner, 100_000);
        world.fund(loser, 100_000);
        world.sell(draw.id(), winner, "w", List.of(new World.Line("TWO_D_BACK", "34", 100_000, 70_000)));
        world.sell(draw.id(), loser, "l", List.of(new World.Line("TWO_D_BACK", "35", 100_000, 70_000)));
        world.complete(draw.id(), List.of(1, 2, 3, 4));
        world.capitalise("4d-jakarta", 100_000_000);

        JsonNode answer = invoke(sqs(drawEvent("DrawCompleted", draw.id()), drawEvent("DrawCompleted", draw.id())));

        assertThat(answer.get("batchItemFailures")).isEmpty();
        assertThat(world.balance(AccountId.wallet(winner, World.IDR))).isEqualTo(7_000_000);
        assertThat(world.balance(AccountId.wallet(loser, World.IDR))).isZero();
        assertThat(world.draws.find(draw.id()).orElseThrow().status()).isEqualTo(DrawStatus.SETTLED);

        JsonNode mixed = invoke(sqs("{\"drawId\":\"" + draw.id() + "\",\"part\":5}", "not json", "{\"hello\":1}",
                drawEvent("DrawOpened", draw.id()), "{\"drawId\":\"4d-jakarta-20300101T2000\",\"part\":0}"));
        assertThat(mixed.get("batchItemFailures")).hasSize(1);
        assertThat(mixed.get("batchItemFailures").get(0).get("itemIdentifier").asText()).isEqualTo("m-4");
        assertThat(world.balance(AccountId.wallet(winner, World.IDR))).isEqualTo(7_000_000);
        assertThat(invoke("{\"not\":\"sqs\"}").get("batchItemFailures")).isEmpty();
    }
}
