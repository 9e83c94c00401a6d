package io.fairdraw.draw.beacon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fairdraw.draw.beacon.RecordedDrand.QUICKNET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.draw.TestClock;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.LambdaInvoker;
import io.fairdraw.testsupport.LocalDynamo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The beacon rule, with the drand client against relays as in AWS (DrandSelectionTest's profile:
 * a refused relay, then one that serves quicknet's information but none of these draws' rounds
 * unless told to). A draw whose round no relay gives is never drawn on another round: each
 * EXECUTE before the game's beacon deadline fails (Lambda retries it), the first at or after it
 * voids the draw by rule, and a duplicate changes nothing. A round that a relay serves late, but
 * before the deadline, is drawn. Lotto 6/49 in 2027: no other test draws it then.
 */
@QuarkusTest
@TestProfile(DrandSelectionTest.Drand.class)
class BeaconOutageTest {
    private static final String LOTTO = "lotto-6-49";

    @Inject
    TestClock clock;

    private static Map<String, AttributeValue> draw(String drawId) {
        return LocalDynamo.shared().client().getItem(b -> b.tableName(Table.DRAWS.defaultName()).consistentRead(true)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(drawId)))).item();
    }

    private static LambdaInvoker.Invocation fire(String step, String at) {
        return LambdaInvoker.invoke("{\"gameId\":\"" + LOTTO + "\",\"step\":\"" + step + "\",\"scheduledTime\":\"" + at + "\"}");
    }

    /** Opens, closes and seals the draw at 13:00 UTC on {@code day}; its round is due at the seal deadline. */
    private void sealed(String day) {
        clock.set(Instant.parse(day + "T06:00:00Z"));
        fire("OPEN", day + "T06:00:00Z");
        clock.set(Instant.parse(day + "T12:31:00Z"));
        assertThat(fire("CLOSE", day + "T12:30:00Z").body()).contains("\"DONE\"");
        assertThat(fire("SEAL", day + "T12:31:00Z").body()).contains("\"DONE\"");
    }

    @Test
    void aRoundThatNeverComesVoidsTheDrawAtItsDeadlineAndOneThatComesLateIsDrawn() {
        String outage = "lotto-6-49-20270106T2000";
        sealed("2027-01-06");

        for (String at : new String[] {"2027-01-06T13:00:00Z", "2027-01-06T13:05:00Z", "2027-01-06T13:09:59Z"}) {
            clock.set(Instant.parse(at));
            LambdaInvoker.Invocation early = fire("EXECUTE", at);
            assertThat(early.body()).as("before the deadline the outage fails the invocation, to be retried").contains("BeaconUnavailable");
            assertThat(draw(outage).get("status").s()).isEqualTo("SEALED");
        }
        // Ten minutes after the draw time (the catalogue's default beacon wait): the rule voids it.
        clock.set(Instant.parse("2027-01-06T13:10:00Z"));
        assertThat(fire("EXECUTE", "2027-01-06T13:10:00Z").body()).contains("\"VOIDED\"");
        Map<String, AttributeValue> voided = draw(outage);
        assertThat(voided.get("status").s()).isEqualTo("VOIDED");
        assertThat(voided.get("voidReason").s()).isEqualTo("BEACON_UNAVAILABLE");
        assertThat(voided).as("the seed stays sealed").doesNotContainKey("seed");
        assertThat(voided.get("beaconRound")).as("the round it was bound to is the one it names still").isNotNull();
        assertThat(fire("EXECUTE", "2027-01-06T13:10:00Z").body()).contains("\"ALREADY_DONE\"");

        // The next draw's round reaches a relay only after the first EXECUTE: drawn on the next firing, before the deadline.
        String late = "lotto-6-49-20270109T2000";
        sealed("2027-01-09");
        clock.set(Instant.parse("2027-01-09T13:00:00Z"));
        assertThat(fire("EXECUTE", "2027-01-09T13:00:00Z").body()).contains("BeaconUnavailable");
        long round = Long.parseLong(draw(late).get("beaconRound").n());
        ObjectNode answer = QUICKNET.answer(1000).put("round", round);
        DrandSelectionTest.Relays.serving.stubFor(get(urlEqualTo("/" + QUICKNET.chainHash() + "/public/" + round))
                .willReturn(RecordedDrand.json(answer.toString())));
        clock.set(Instant.parse("2027-01-09T13:05:00Z"));
        assertThat(fire("EXECUTE", "2027-01-09T13:05:00Z").body()).contains("\"DONE\"");
        Map<String, AttributeValue> drawn = draw(late);
        assertThat(drawn.get("status").s()).isEqualTo("COMPLETED");
        assertThat(drawn.get("beaconRandomness").s()).isEqualTo(answer.get("randomness").asText());
        assertThat(drawn.get("numbers").l()).hasSize(6);
    }
}
