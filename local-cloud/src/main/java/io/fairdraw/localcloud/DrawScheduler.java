package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.game.DrawSchedule;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * EventBridge Scheduler on a laptop. The topology says which steps each game has and the input
 * they carry; the game catalogue in force says when its draws are, so with local-cloud's
 * compressed catalogue a draw comes every few minutes. For each draw: CLOSE at the cut-off,
 * SEAL just after it and again while the seal window lasts (a seal may need several runs),
 * EXECUTE at the draw time and twice more after it (a beacon round may be late), and OPEN just
 * after the draw, which opens the next ones. Each firing is an asynchronous invocation carrying
 * its planned time as {@code <aws.scheduler.scheduled-time>}, as the real scheduler does.
 */
final class DrawScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DrawScheduler.class);
    static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

    /** One planned invocation; the OPEN just after a draw also plans the draw after it. */
    record Firing(Instant at, String gameId, String step, Instant drawTime, boolean plansNext) {
        Firing(Instant at, String gameId, String step, Instant drawTime) {
            this(at, gameId, step, drawTime, false);
        }
    }

    private final GameCatalogue catalogue;
    private final Map<String, Map<String, JsonNode>> inputs = new HashMap<>();
    private final Function<byte[], CompletableFuture<Invocation.Result>> invokeAsync;
    private final Supplier<Instant> clock;
    private final Chaos chaos;
    private final PriorityQueue<Firing> plan = new PriorityQueue<>(Comparator.comparing(Firing::at));
    private final List<Firing> fired = new ArrayList<>();
    private volatile boolean closing;

    DrawScheduler(JsonNode topology, GameCatalogue catalogue, String function,
            Function<byte[], CompletableFuture<Invocation.Result>> invokeAsync, Supplier<Instant> clock, Chaos chaos) {
        this.chaos = chaos;
        this.catalogue = catalogue;
        this.invokeAsync = invokeAsync;
        this.clock = clock;
        for (JsonNode schedule : topology.get("schedules")) {
            if (schedule.get("function").asText().equals(function)) {
                JsonNode input = schedule.get("input");
                inputs.computeIfAbsent(input.get("gameId").asText(), g -> new HashMap<>()).put(input.get("step").asText(), input);
            }
        }
    }

    /** Plans the first draw of every scheduled game and opens sales at once. */
    synchronized void planFrom(Instant now) {
        for (Game game : catalogue.games()) {
            if (!inputs.containsKey(game.id())) {
                LOG.warnf("the topology schedules no steps for %s; its draws will not run here", game.id());
                continue;
            }
            ZonedDateTime first = game.schedule().nextDrawAfter(now);
            add(new Firing(now.truncatedTo(ChronoUnit.SECONDS), game.id(), "OPEN", first.toInstant()));
            planDraw(game, first);
        }
    }

    /** The firings of one draw; its OPEN (just after it) plans the draw after it. */
    private void planDraw(Game game, ZonedDateTime draw) {
        DrawSchedule schedule = game.schedule();
        Instant drawTime = draw.toInstant();
        Instant cutOff = schedule.cutOffOf(draw);
        Instant sealBy = cutOff.plus(schedule.sealWindow());
        Instant next = schedule.nextDrawAfter(drawTime).toInstant();
        add(new Firing(cutOff, game.id(), "CLOSE", drawTime));
        for (Instant seal = cutOff.plusSeconds(2); seal.isBefore(sealBy) && seal.isBefore(drawTime); seal = seal.plusSeconds(10)) {
            add(new Firing(seal, game.id(), "SEAL", drawTime));
        }
        for (Duration after : List.of(Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(60))) {
            Instant execute = drawTime.plus(after);
            if (execute.isBefore(next)) {
                add(new Firing(execute, game.id(), "EXECUTE", drawTime));
            }
        }
        add(new Firing(drawTime.plusSeconds(1), game.id(), "OPEN", next, true));
    }

    private void add(Firing firing) {
        plan.add(firing);
    }

    void start() {
        Thread.ofPlatform().daemon().name("draw-scheduler").start(() -> {
            while (!closing) {
                Firing due = takeDue();
                if (due == null) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                fire(due);
            }
        });
    }

    private synchronized Firing takeDue() {
        Firing head = plan.peek();
        if (head == null || head.at().isAfter(clock.get())) {
            return null;
        }
        plan.poll();
        fired.add(head);
        if (fired.size() > 200) {
            fired.removeFirst();
        }
        if (head.plansNext()) {
            catalogue.game(head.gameId()).ifPresent(game -> planDraw(game, head.drawTime().atZone(game.schedule().zone())));
        }
        return head;
    }

    /** The input the topology gives this step, with the planned time filled in. */
    ObjectNode payload(Firing firing) {
        ObjectNode input = inputs.get(firing.gameId()).get(firing.step()).deepCopy();
        input.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && field.getValue().asText().equals(SCHEDULED_TIME)) {
                input.put(field.getKey(), firing.at().toString());
            }
        });
        return input;
    }

    private void fire(Firing firing) {
        if (!inputs.get(firing.gameId()).containsKey(firing.step())) {
            return;
        }
        LOG.infof("scheduler: %s %s (draw at %s)", firing.gameId(), firing.step(), firing.drawTime());
        if (chaos.duplicate()) {
            invokeAsync.apply(Json.bytes(payload(firing))); // the scheduler too delivers at least once
        }
        invokeAsync.apply(Json.bytes(payload(firing))).whenComplete((result, error) -> {
            if (error != null || result.failed()) {
                LOG.warnf("scheduler: %s %s failed: %s", firing.gameId(), firing.step(),
                        error != null ? error.toString() : new String(result.body(), StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * Drops the planned firings of one step of one draw, as a scheduler outage would: how many.
     * The draw function's rules then decide what becomes of the draw (a missed seal voids it).
     */
    synchronized int miss(String gameId, String step, Instant drawTime) {
        int before = plan.size();
        plan.removeIf(f -> f.gameId().equals(gameId) && f.step().equals(step) && f.drawTime().equals(drawTime));
        return before - plan.size();
    }

    /** What is planned next, for the control API. */
    synchronized List<Firing> upcoming(int limit) {
        return plan.stream().sorted(Comparator.comparing(Firing::at)).limit(limit).toList();
    }

    @Override
    public void close() {
        closing = true;
    }
}
