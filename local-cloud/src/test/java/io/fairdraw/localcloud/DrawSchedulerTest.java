package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.testsupport.Topology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local scheduler plans each draw's steps from the compressed catalogue, and every firing
 * names the draw it is meant for under the draw function's own rule (the next draw after a
 * CLOSE or SEAL firing, the last at or before an EXECUTE firing), with the topology's input.
 */
class DrawSchedulerTest {
    @TempDir
    Path data;

    @Test
    void eachFiringNamesItsDrawAsTheDrawFunctionWillReadIt() {
        JsonNode topology = Topology.load().document();
        GameCatalogue catalogue = LocalCatalogue.write(data.resolve("games.json"), 3);
        Instant now = Instant.parse("2026-11-23T10:01:30Z");
        DrawScheduler scheduler = new DrawScheduler(topology, catalogue, "draw", payload -> CompletableFuture.completedFuture(null), () -> now, new Chaos());
        scheduler.planFrom(now);

        List<DrawScheduler.Firing> plan = scheduler.upcoming(100);
        List<DrawScheduler.Firing> jakarta = plan.stream().filter(f -> f.gameId().equals("4d-jakarta")).toList();
        Instant draw = Instant.parse("2026-11-23T10:03:00Z");
        assertThat(jakarta).extracting(DrawScheduler.Firing::step, DrawScheduler.Firing::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPEN", Instant.parse("2026-11-23T10:01:30Z")),
                org.assertj.core.groups.Tuple.tuple("CLOSE", Instant.parse("2026-11-23T10:02:00Z")),
                org.assertj.core.groups.Tuple.tuple("SEAL", Instant.parse("2026-11-23T10:02:02Z")),
                org.assertj.core.groups.Tuple.tuple("SEAL", Instant.parse("2026-11-23T10:02:12Z")),
                org.assertj.core.groups.Tuple.tuple("SEAL", Instant.parse("2026-11-23T10:02:22Z")),
                org.assertj.core.groups.Tuple.tuple("EXECUTE", draw),
                org.assertj.core.groups.Tuple.tuple("OPEN", Instant.parse("2026-11-23T10:03:01Z")),
                org.assertj.core.groups.Tuple.tuple("EXECUTE", Instant.parse("2026-11-23T10:03:20Z")),
                org.assertj.core.groups.Tuple.tuple("EXECUTE", Instant.parse("2026-11-23T10:04:00Z")));

        DrawSchedule schedule = catalogue.game("4d-jakarta").orElseThrow().schedule();
        for (DrawScheduler.Firing firing : jakarta) {
            Instant named = switch (firing.step()) {
                case "EXECUTE" -> schedule.lastDrawAtOrBefore(firing.at()).toInstant();
                case "OPEN" -> schedule.nextDrawAfter(firing.at()).toInstant();
                default -> schedule.isDrawTime(firing.at()) ? firing.at() : schedule.nextDrawAfter(firing.at()).toInstant();
            };
            assertThat(named).as(firing.toString()).isEqualTo(firing.drawTime());
            if (!firing.step().equals("OPEN")) {
                assertThat(firing.drawTime()).isEqualTo(draw);
            }
        }
        // Lotto draws on the same compressed schedule.
        assertThat(plan).anyMatch(f -> f.gameId().equals("lotto-6-49") && f.step().equals("EXECUTE") && f.at().equals(draw));
    }

    @Test
    void theInputIsTheTopologysWithThePlannedTimeFilledIn() {
        JsonNode topology = Topology.load().document();
        GameCatalogue catalogue = LocalCatalogue.write(data.resolve("games.json"), 3);
        DrawScheduler scheduler = new DrawScheduler(topology, catalogue, "draw", payload -> CompletableFuture.completedFuture(null), Instant::now, new Chaos());
        Instant at = Instant.parse("2026-11-23T10:02:00Z");
        JsonNode payload = scheduler.payload(new DrawScheduler.Firing(at, "4d-jakarta", "CLOSE", at.plusSeconds(60)));
        assertThat(payload.path("gameId").asText()).isEqualTo("4d-jakarta");
        assertThat(payload.path("step").asText()).isEqualTo("CLOSE");
        assertThat(payload.path("scheduledTime").asText()).isEqualTo("2026-11-23T10:02:00Z");
    }

    @Test
    void aMissedStepIsDroppedForThatDrawOnly() {
        JsonNode topology = Topology.load().document();
        GameCatalogue catalogue = LocalCatalogue.write(data.resolve("games.json"), 3);
        Instant now = Instant.parse("2026-11-23T10:01:30Z");
        DrawScheduler scheduler = new DrawScheduler(topology, catalogue, "draw", payload -> CompletableFuture.completedFuture(null), () -> now, new Chaos());
        scheduler.planFrom(now);
        Instant draw = Instant.parse("2026-11-23T10:03:00Z");

        assertThat(scheduler.miss("4d-jakarta", "SEAL", draw)).isEqualTo(3);
        assertThat(scheduler.upcoming(100)).noneMatch(f -> f.gameId().equals("4d-jakarta") && f.step().equals("SEAL"))
                .anyMatch(f -> f.gameId().equals("lotto-6-49") && f.step().equals("SEAL"))
                .anyMatch(f -> f.gameId().equals("4d-jakarta") && f.step().equals("CLOSE"));
        assertThat(scheduler.miss("4d-jakarta", "SEAL", draw)).isZero();
    }
}
