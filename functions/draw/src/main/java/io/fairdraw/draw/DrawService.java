package io.fairdraw.draw;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.draw.DrawStep;
import io.fairdraw.model.draw.VoidReason;
import io.fairdraw.draw.beacon.BeaconUnavailable;
import io.fairdraw.model.fairness.BeaconSchedule;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.draws.Seals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The four steps of a draw. Each checks where the draw stands, refuses to run early, and moves
 * it forward with one conditional write; a duplicate finds it already moved. A seal that would
 * land after its beacon round exists voids the draw instead, by rule, as does a beacon round that
 * no relay gives by the game's beacon deadline. Every firing also catches up the game's draws
 * whose steps were missed (the scheduler or the function was down), so none stays open forever.
 */
@ApplicationScoped
public class DrawService {
    private static final Logger LOG = Logger.getLogger(DrawService.class);
    private static final HexFormat HEX = HexFormat.of();
    /** How many of a game's latest draws a firing looks through for missed steps. */
    static final int CATCH_UP_LOOKBACK = 64;

    private final Catalogues catalogues;
    private final Draws draws;
    private final Seals seals;
    private final SeedSource seeds;
    private final SeedVault vault;
    private final BeaconSource beacon;
    private final TimeSource clock;
    private final int sealChunkLeaves;
    private final Duration sealBudget;

    public DrawService(Catalogues catalogues, Draws draws, Seals seals, SeedSource seeds, SeedVault vault, BeaconSource beacon,
            TimeSource clock,
            @ConfigProperty(name = "fairdraw.draw.seal-chunk-leaves", defaultValue = "2048") int sealChunkLeaves,
            @ConfigProperty(name = "fairdraw.draw.seal-budget", defaultValue = "PT50S") Duration sealBudget) {
        this.catalogues = catalogues;
        this.draws = draws;
        this.seals = seals;
        this.seeds = seeds;
        this.vault = vault;
        this.beacon = beacon;
        this.clock = clock;
        this.sealChunkLeaves = sealChunkLeaves;
        this.sealBudget = sealBudget;
    }

    public StepResult run(String gameId, DrawStep step, Instant scheduledTime) {
        // Schedules, currencies and game shapes are the same in every version (change control refuses
        // others); the version in force is recorded on a draw as it opens, for its prices and prizes.
        GameCatalogue inForce = catalogues.games();
        Optional<Game> game = inForce.game(gameId);
        if (game.isEmpty()) {
            return StepResult.rejected("unknown game " + gameId);
        }
        ZonedDateTime drawTime = step == DrawStep.EXECUTE ? lastDrawAtOrBefore(game.get(), scheduledTime)
                : drawOf(game.get(), scheduledTime);
        String drawId = game.get().schedule().drawId(gameId, drawTime);
        StepResult result;
        try {
            result = switch (step) {
                case OPEN -> openAhead(game.get(), drawId, drawTime, inForce.version());
                case CLOSE -> close(drawId);
                case SEAL -> seal(drawId);
                case EXECUTE -> execute(game.get(), drawId);
            };
        } catch (Draws.AlreadyMoved duplicate) {
            result = StepResult.alreadyDone(drawId, step + " was already done");
        }
        catchUp(game.get(), drawId);
        return result;
    }

    /**
     * Catch-up after downtime. Every draw of the game that is still open, closed or sealed although
     * its beacon deadline has passed (so every firing planned for it is over) is taken through the
     * steps it missed, in order, each under its own rules: a draw never sealed is voided by the
     * seal-deadline rule (its round is out, so sealing now would not be blind), and a sealed draw is
     * drawn if a relay gives its round, else voided by the beacon rule. Nothing is chosen: each
     * outcome is the one the missed firings would have reached. Oldest first.
     */
    private void catchUp(Game game, String current) {
        Instant now = clock.now();
        List<Draw> missed = new java.util.ArrayList<>();
        for (Draw draw : draws.ofGame(game.id(), Optional.empty(), CATCH_UP_LOOKBACK)) {
            boolean pending = draw.status() == DrawStatus.OPEN || draw.status() == DrawStatus.CLOSED || draw.status() == DrawStatus.SEALED;
            if (pending && !draw.id().equals(current) && !now.isBefore(beaconDeadline(game, draw))) {
                missed.add(0, draw);
            }
        }
        for (Draw draw : missed) {
            LOG.warnf("draw %s missed its steps (it is %s past its beacon deadline): catching up", draw.id(), draw.status());
            for (int step = 0; step < 3; step++) {
                Draw latest = draws.find(draw.id()).orElseThrow();
                StepResult result;
                try {
                    result = switch (latest.status()) {
                        case OPEN -> close(draw.id());
                        case CLOSED -> seal(draw.id());
                        case SEALED -> execute(game, draw.id());
                        default -> null;
                    };
                } catch (Draws.AlreadyMoved raced) {
                    continue;
                }
                if (result == null || result.outcome() != StepResult.Outcome.DONE) {
                    break;
                }
            }
        }
    }

    /** When a draw without its beacon round is voided: the game's beacon wait after its draw (or round) time. */
    private static Instant beaconDeadline(Game game, Draw draw) {
        return game.schedule().beaconDeadline(draw.drawTime(), draw.sealDeadline());
    }

    /**
     * The draw a step belongs to: the draw at {@code scheduledTime} when that is a draw time
     * (EXECUTE fires at it), otherwise the next draw after it (OPEN fires hours before, CLOSE and
     * SEAL at the cut-off). EventBridge Scheduler passes its own invocation time, so this works
     * with one recurring schedule per step and no per-draw configuration.
     */
    private static ZonedDateTime drawOf(Game game, Instant scheduledTime) {
        return game.schedule().isDrawTime(scheduledTime) ? scheduledTime.atZone(game.schedule().zone())
                : game.schedule().nextDrawAfter(scheduledTime);
    }

    /**
     * EXECUTE's draw: the latest draw time at or before {@code scheduledTime}, so the execute
     * schedule can fire again a few minutes after the draw time (a beacon round late at a relay
     * answers NOT_YET the first time) and still name the same draw.
     */
    private static ZonedDateTime lastDrawAtOrBefore(Game game, Instant scheduledTime) {
        return game.schedule().lastDrawAtOrBefore(scheduledTime);
    }

    /**
     * Opens the draw and, when the game's catalogue entry keeps more than one draw on sale
     * ({@code drawsOnSale}), the draws after it, so players can buy the same lines for several
     * draws; each is opened at most once. A step that
     * arrives after its draw's cut-off (a retry, a late delivery, a scheduler back from downtime)
     * never puts on sale a draw whose sales are over: it starts from the first draw whose cut-off
     * is still ahead. A draw skipped so was never on sale and holds no tickets.
     */
    private StepResult openAhead(Game game, String drawId, ZonedDateTime drawTime, int termsVersion) {
        Instant now = clock.now();
        ZonedDateTime first = drawTime;
        while (!game.schedule().cutOffOf(first).isAfter(now)) {
            first = game.schedule().nextDrawAfter(first.toInstant());
        }
        String firstId = game.schedule().drawId(game.id(), first);
        if (!firstId.equals(drawId)) {
            LOG.infof("sales of draw %s closed at %s: not opened; opening from %s", drawId, game.schedule().cutOffOf(drawTime), firstId);
        }
        StepResult opened = open(game, firstId, first, termsVersion);
        ZonedDateTime next = first;
        for (int ahead = 1; ahead < game.schedule().drawsOnSale(); ahead++) {
            next = game.schedule().nextDrawAfter(next.toInstant());
            try {
                open(game, game.schedule().drawId(game.id(), next), next, termsVersion);
            } catch (Draws.AlreadyMoved raced) {
                LOG.debugf("draw after %s was opened meanwhile", firstId);
            }
        }
        return opened;
    }

    private StepResult open(Game game, String drawId, ZonedDateTime drawTime, int termsVersion) {
        if (draws.find(drawId).isPresent()) {
            return StepResult.alreadyDone(drawId, "already open");
        }
        Instant cutOff = game.schedule().cutOffOf(drawTime);
        Instant sealBy = cutOff.plus(game.schedule().sealWindow());
        long round = BeaconSchedule.roundAfter(sealBy.getEpochSecond(), beacon.genesisSeconds(), beacon.periodSeconds());
        Instant roundTime = Instant.ofEpochSecond(BeaconSchedule.timeOf(round, beacon.genesisSeconds(), beacon.periodSeconds()));
        byte[] seed = seeds.seed();
        String commitment = HEX.formatHex(Commitment.of(drawId, beacon.chainHash(), round, seed));
        Draw draw = new Draw(drawId, game.id(), game.currency().code(), drawTime.toInstant(), cutOff, roundTime,
                new Beacon(beacon.chainHash(), round), commitment, DrawStatus.OPEN, Optional.empty(), Optional.empty(), termsVersion);
        draws.open(draw, vault.seal(drawId, seed));
        LOG.infof("draw %s opened, beacon round %d%s", drawId, round, draw.beacon().isLocal() ? " (LOCAL BEACON)" : "");
        return StepResult.done(drawId, "opened; commitment " + commitment);
    }

    private StepResult close(String drawId) {
        Optional<Draw> draw = draws.find(drawId);
        if (draw.isEmpty()) {
            return StepResult.rejected("draw " + drawId + " was never opened");
        }
        if (clock.now().isBefore(draw.get().cutOff())) {
            return StepResult.notYet(drawId, "sales close at " + draw.get().cutOff());
        }
        draws.close(drawId);
        LOG.infof("draw %s closed", drawId);
        return StepResult.done(drawId, "closed");
    }

    private StepResult seal(String drawId) {
        Draw draw = draws.find(drawId).orElse(null);
        if (draw == null || draw.status() == DrawStatus.OPEN) {
            return StepResult.rejected("draw " + drawId + " is not closed");
        }
        if (draw.status() != DrawStatus.CLOSED) {
            return StepResult.alreadyDone(drawId, "already " + draw.status());
        }
        if (!clock.now().isBefore(draw.sealDeadline())) {
            draws.voidDraw(drawId, DrawStatus.CLOSED, VoidReason.SEAL_DEADLINE);
            LOG.warnf("draw %s voided: the seal missed its deadline %s", drawId, draw.sealDeadline());
            return StepResult.voided(drawId, "the seal missed its deadline; every ticket is refunded");
        }
        Instant stopAt = clock.now().plus(sealBudget);
        Seals.Result result = seals.advance(drawId, draw.currency(), sealChunkLeaves, () -> !clock.now().isBefore(stopAt));
        if (result instanceof Seals.Partial partial) {
            LOG.infof("draw %s sealing: %d tickets in so far", drawId, partial.leaves());
            return StepResult.inProgress(drawId, partial.leaves() + " tickets in the tree so far; the next SEAL continues");
        }
        Draw.Seal seal = ((Seals.Sealed) result).seal();
        draws.seal(drawId, seal);
        LOG.infof("draw %s sealed: %d tickets", drawId, seal.leafCount());
        return StepResult.done(drawId, "sealed " + seal.leafCount() + " tickets");
    }

    private StepResult execute(Game game, String drawId) {
        Draw draw = draws.find(drawId).orElse(null);
        if (draw == null || draw.status() == DrawStatus.OPEN || draw.status() == DrawStatus.CLOSED) {
            return StepResult.rejected("draw " + drawId + " is not sealed");
        }
        if (draw.status() != DrawStatus.SEALED) {
            return StepResult.alreadyDone(drawId, "already " + draw.status());
        }
        Instant deadline = beaconDeadline(game, draw);
        Optional<BeaconSource.Round> round;
        try {
            round = beacon.round(draw.beacon().round(), clock.now());
        } catch (BeaconUnavailable outage) {
            if (clock.now().isBefore(deadline)) {
                throw outage;
            }
            return voidForBeacon(drawId, deadline, outage.getMessage());
        }
        if (round.isEmpty()) {
            if (!clock.now().isBefore(deadline)) {
                return voidForBeacon(drawId, deadline, "no relay has the round yet");
            }
            return StepResult.notYet(drawId, "beacon round " + draw.beacon().round() + " is not out yet");
        }
        byte[] seed = vault.open(drawId, draws.sealedSeed(drawId));
        OutcomeStream stream = new OutcomeStream(seed, drawId, HEX.parseHex(draw.seal().orElseThrow().root()),
                HEX.parseHex(round.get().randomness()));
        List<Integer> numbers = game instanceof LottoGame lotto ? stream.lotto(lotto.pick(), lotto.of())
                : java.util.Arrays.stream(stream.fourD()).boxed().toList();
        draws.complete(drawId, new Draw.Outcome(HEX.formatHex(seed), round.get().signature(), round.get().previousSignature(),
                round.get().randomness(), numbers));
        LOG.infof("draw %s completed: %s", drawId, numbers);
        return StepResult.done(drawId, "drawn " + numbers);
    }

    /**
     * The beacon rule: the round was fixed in the commitment when the draw opened, so no other may
     * be used; without it by the deadline the draw is voided and every ticket refunded (payout).
     * The seed stays sealed: revealing it would show nothing a player can check without a round.
     */
    private StepResult voidForBeacon(String drawId, Instant deadline, String why) {
        draws.voidDraw(drawId, DrawStatus.SEALED, VoidReason.BEACON_UNAVAILABLE);
        LOG.warnf("draw %s voided: its beacon round was not to be had by %s (%s)", drawId, deadline, why);
        return StepResult.voided(drawId, "the beacon round did not come by " + deadline + "; every ticket is refunded");
    }
}
