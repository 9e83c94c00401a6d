package io.fairdraw.draw;

import static io.fairdraw.draw.Scheduler.fire;
import static io.fairdraw.draw.Scheduler.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.PipeEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Draw* events come from the draws table's stream through the topology's pipes: each once per draw, each valid. */
@QuarkusTest
class DrawEventsTest {
    private static final String GAME = "4d-jakarta";

    @Inject
    TestClock clock;

    @Test
    void aDrawThatRunsItsCoursePublishesEachStepOnceWithAValidDetail() {
        String drawTime = "2026-12-10T14:00:00Z";
        String drawId = "4d-jakarta-20261210T2100";
        clock.set(Instant.parse("2026-12-10T08:00:00Z"));
        fire(GAME, "OPEN", drawTime);
        fire(GAME, "OPEN", drawTime);
        clock.set(Instant.parse("2026-12-10T13:45:00Z"));
        fire(GAME, "CLOSE", drawTime);
        fire(GAME, "CLOSE", drawTime);
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("DONE");
        fire(GAME, "SEAL", drawTime);
        clock.set(Instant.parse("2026-12-10T13:48:00Z"));
        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("DONE");
        fire(GAME, "EXECUTE", drawTime);

        List<PipeEvents.Published> events = eventsOf(drawId);
        assertThat(events).extracting(PipeEvents.Published::detailType)
                .containsExactly("DrawOpened", "DrawClosed", "DrawSealed", "DrawCompleted");
        for (PipeEvents.Published event : events) {
            assertThat(event.source()).isEqualTo("fairdraw.draw");
            assertThat(event.detail().get("drawId").asText()).isEqualTo(drawId);
            assertThat(event.detail().get("gameId").asText()).isEqualTo(GAME);
            assertThat(PipeEvents.schemaProblems(event.detailType(), event.detail())).as(event.detail().toString()).isEmpty();
        }
    }

    @Test
    void aVoidedDrawPublishesDrawVoidedOnce() {
        String drawTime = "2026-12-11T14:00:00Z";
        String drawId = "4d-jakarta-20261211T2100";
        clock.set(Instant.parse("2026-12-11T08:00:00Z"));
        fire(GAME, "OPEN", drawTime);
        clock.set(Instant.parse("2026-12-11T13:45:00Z"));
        fire(GAME, "CLOSE", drawTime);
        clock.set(Instant.parse("2026-12-11T13:45:00Z").plus(Duration.ofMinutes(10)));
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("VOIDED");
        fire(GAME, "SEAL", drawTime);

        List<PipeEvents.Published> events = eventsOf(drawId);
        assertThat(events).extracting(PipeEvents.Published::detailType).containsExactly("DrawOpened", "DrawClosed", "DrawVoided");
        assertThat(PipeEvents.schemaProblems("DrawVoided", events.get(2).detail())).isEmpty();
    }

    private static List<PipeEvents.Published> eventsOf(String drawId) {
        return PipeEvents.from(Table.DRAWS).stream().filter(e -> e.detail().get("drawId").asText().equals(drawId)).toList();
    }
}
