package io.fairdraw.betting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.betting.store.TicketStore;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.idempotency.IdempotencyScope;
import io.fairdraw.platform.idempotency.IdempotentRequests;
import io.fairdraw.platform.idempotency.IdempotentRequests.Answer;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.players.LimitCounters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Buys a ticket: validates and prices its lines under the game version in force, then commits
 * everything the purchase touches in one transaction, with the answer to its Idempotency-Key.
 * The ticket's id derives from the player, the key and the draw, so a retried purchase can
 * never buy twice; the gate shard's condition means nothing is sold after the close.
 */
@ApplicationScoped
public class Purchases {
    static final String ROUTE = "betting-tickets";
    private static final Logger LOG = Logger.getLogger(Purchases.class);
    private static final int CREATED = 201;

    private final IdempotentRequests idempotent;
    private final Draws draws;
    private final Catalogues catalogues;
    private final Holders holders;
    private final ComplianceGuard guard;
    private final TicketStore store;
    private final Ledger ledger;
    private final TimeSource clock;
    private final ObjectMapper json;
    private final Readings readings;
    private final Snapshots snapshots;

    public Purchases(IdempotentRequests idempotent, Draws draws, Catalogues catalogues, Holders holders, ComplianceGuard guard,
            TicketStore store, Ledger ledger, TimeSource clock, ObjectMapper json, Readings readings, Snapshots snapshots) {
        this.idempotent = idempotent;
        this.draws = draws;
        this.catalogues = catalogues;
        this.holders = holders;
        this.guard = guard;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
        this.readings = readings;
        this.snapshots = snapshots;
    }

    /** The most draws one purchase may cover. */
    public static final int MAX_DRAWS = 10;

    /**
     * Buys the ticket the request describes, once per Idempotency-Key: the draw must be open
     * (checked again inside the transaction, on the ticket's gate shard), the lines priced under
     * the draw's game as it stands. {@code expand} turns the request into lines for that game.
     * With {@code drawCount} above 1 the same lines are bought for the open draws that follow,
     * each its own ticket and its own transaction: the later draws first, the first draw last
     * with the answer, so a refusal part-way leaves the bought tickets standing and a retry with
     * the same key completes the rest (their ids derive from the key and the draw).
     *
     * <p>A single-draw purchase first takes the one-transaction path: the draw and the buyer as
     * this environment last read them ({@link Snapshots}), and the answer recorded by the
     * purchase's own transaction, with no claim written before it. Whatever that path does not
     * commit (a refusal, a race on the key, a stale snapshot) is decided by the careful path:
     * the key claimed first, everything read afresh.
     */
    public Answer buy(PlayerId player, IdempotencyKey key, String fingerprint, String drawId, int drawCount,
            Function<Game, List<RequestedLine>> expand, Optional<CountryCode> where, AuditStamp stamp) {
        if (drawCount < 1 || drawCount > MAX_DRAWS) {
            throw io.fairdraw.model.error.ValidationException.of("draws", "must be between 1 and " + MAX_DRAWS);
        }
        IdempotencyScope scope = new IdempotencyScope(player, ROUTE);
        if (drawCount == 1) {
            Optional<Answer> quick = idempotent.runInOneTransaction(scope, key, fingerprint, recorder -> purchase(player, key,
                    () -> snapshots.draw(drawId, () -> readings.find(drawId)), () -> snapshots.buyer(player, () -> buyer(player)), 1, expand,
                    where, recorder, stamp));
            if (quick.isPresent()) {
                return quick.get();
            }
            snapshots.forget(player);
        }
        return idempotent.run(scope, key, fingerprint, started -> purchase(player, key, () -> readings.find(drawId), () -> {
            Snapshots.Buyer fresh = buyer(player);
            snapshots.remember(player, fresh);
            return fresh;
        }, drawCount, expand, where, idempotent.recorder(started), stamp));
    }

    private Snapshots.Buyer buyer(PlayerId player) {
        return new Snapshots.Buyer(holders.of(player), guard.settings(player));
    }

    private Answer purchase(PlayerId player, IdempotencyKey key, Supplier<Draw> drawLookup, Supplier<Snapshots.Buyer> buyerLookup,
            int drawCount, Function<Game, List<RequestedLine>> expand, Optional<CountryCode> where, IdempotentRequests.Recorder recorder,
            AuditStamp stamp) {
        Draw first = drawLookup.get();
        requireOpen(first);
        // Every ticket of a draw is priced (and later settled) by the terms the draw opened under.
        Game game = catalogues.games(first.termsVersion()).game(first.gameId()).orElseThrow(() -> new DomainException(
                ErrorType.GAME_NOT_FOUND, "the game of " + first.id() + " is no longer offered"));
        List<PricedLine> lines = TicketPricing.price(game, expand.apply(game));
        Snapshots.Buyer buyer = buyerLookup.get();
        Holders.Holder holder = buyer.holder();
        if (!holder.home().currency().equals(game.currency())) {
            throw new DomainException(ErrorType.CURRENCY_MISMATCH, "your wallet holds " + holder.home().currency() + "; "
                    + game.id() + " is played in " + game.currency());
        }
        List<Draw> targets = new ArrayList<>(List.of(first));
        targets.addAll(following(first, drawCount - 1));
        if (targets.stream().anyMatch(d -> d.termsVersion() != first.termsVersion())) {
            throw new DomainException(ErrorType.TERMS_DIFFER, "the game's terms change between " + first.id() + " and the draws after it");
        }
        Instant now = clock.now();
        List<Ticket> tickets = targets.stream().map(draw -> new Ticket(TicketId.derive(player, key, draw.id()), player, game.id(),
                game.version(), game.currency().code(), lines, now)).toList();
        long total = tickets.stream().mapToLong(Ticket::pricePaidMinor).sum();
        if (tickets.size() > 1 && ledger.balance(holder.wallet()).amountMinor() < total) {
            throw new DomainException(ErrorType.INSUFFICIENT_FUNDS, "the wallet does not cover " + total + " for "
                    + tickets.size() + " draws");
        }
        List<BettingViews.TicketSummary> later = tickets.subList(1, tickets.size()).stream().map(BettingViews.TicketSummary::of).toList();
        String body = write(BettingViews.TicketView.of(tickets.get(0), first, later));
        SafetySettings safety = buyer.safety();
        AgeRule age = holders.ageRule(holder, where);
        for (int i = 1; i < tickets.size(); i++) {
            commit(holder, age, safety, tickets.get(i), targets.get(i), game, Optional.empty(), stamp);
        }
        Ledger.Outcome outcome = commit(holder, age, safety, tickets.get(0), first, game, Optional.of(recorder.answer(CREATED, body)), stamp);
        if (outcome instanceof Ledger.AlreadyApplied) {
            // Bought by an earlier attempt whose remembered answer has since expired: answer with what was bought.
            Ticket bought = store.find(tickets.get(0).id()).orElseThrow();
            return Answer.toRecord(CREATED, write(BettingViews.TicketView.of(bought, first, later)));
        }
        LOG.infof("ticket %s bought: %d lines, %d %s%s", tickets.get(0).id(), lines.size(), tickets.get(0).pricePaidMinor(),
                game.currency(), tickets.size() > 1 ? " (and " + (tickets.size() - 1) + " later draws)" : "");
        return Answer.alreadyRecorded(CREATED, body);
    }

    private void requireOpen(Draw draw) {
        if (draw.status() != DrawStatus.OPEN || !clock.now().isBefore(draw.cutOff())) {
            throw new DomainException(ErrorType.DRAW_NOT_OPEN, "sales for " + draw.id() + " closed at " + draw.cutOff());
        }
    }

    /** The next {@code count} open draws of the game after {@code first}, soonest first. */
    private List<Draw> following(Draw first, int count) {
        if (count == 0) {
            return List.of();
        }
        List<Draw> open = draws.ofGame(first.gameId(), Optional.of(DrawStatus.OPEN), Readings.MAX_DRAWS).stream()
                .filter(d -> d.drawTime().isAfter(first.drawTime()) && clock.now().isBefore(d.cutOff()))
                .sorted(java.util.Comparator.comparing(Draw::drawTime)).limit(count).toList();
        if (open.size() < count) {
            throw new DomainException(ErrorType.DRAW_NOT_OPEN, "only " + (open.size() + 1) + " of the " + (count + 1)
                    + " draws from " + first.id() + " are on sale");
        }
        return open;
    }

    private Ledger.Outcome commit(Holders.Holder holder, AgeRule age, SafetySettings safety, Ticket ticket, Draw draw, Game game,
            Optional<TransactWriteItem> answer,
            AuditStamp stamp) {
        Instant now = ticket.purchasedAt();
        PlayerId player = holder.player().id();
        Money price = new Money(ticket.pricePaidMinor(), game.currency());
        Transfer stake = Transfer.of(TransferKind.STAKE, ticket.id().value(), holder.wallet(),
                AccountId.of(AccountType.SALES_ESCROW, draw.id(), game.currency()), price, now);
        Transaction alongside = Transaction.of("ticket", store.newTicket(ticket, stamp),
                        () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the ticket was bought meanwhile; retry"))
                .add("sales gate", draws.gateOpen(draw.id(), TicketStore.shardOf(ticket.id()), now),
                        () -> new DomainException(ErrorType.DRAW_NOT_OPEN, "sales for " + draw.id() + " have closed"))
                .add("player may play", guard.playerMayPlay(player, age, now), () -> guard.refusalFor(player, age, now))
                .add("limits unchanged", guard.settingsUnchanged(player, safety),
                        () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "your limits changed during the purchase; retry"));
        LimitCounters.Raise netLoss = guard.raise(player, LimitKind.NET_LOSS, safety, holder.home(), now, price);
        alongside.add("net-loss counters", netLoss.update(), netLoss::refusal);
        answer.ifPresent(completion -> alongside.add("idempotent answer", completion, () -> new DomainException(
                ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS, "another attempt of this purchase is running; retry shortly")));
        alongside.addAll("settlement line", store.settlementLines(ticket, holder.home().country().value()));
        int budgetShard = ticket.id().budgetShard(TicketStore.BUDGET_SHARDS);
        for (PricedLine line : ticket.lines()) {
            if (!(game instanceof FixedOddsGame fixed) || !line.hasLiability()) {
                continue;
            }
            long limit = fixed.termsOf(BetType.valueOf(line.betType())).orElseThrow().liabilityLimitMinor();
            String soldOut = line.betType() + " " + line.selection() + " is sold out for " + draw.id();
            alongside.add("liability budget of " + line.betType() + " " + line.selection(), store.budget(draw.id(), line, budgetShard, limit)
                    .orElseThrow(() -> new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, soldOut)),
                    () -> {
                        store.refusedBy(draw.id(), line, budgetShard, limit);
                        return new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, soldOut);
                    });
        }
        return ledger.apply(stake, alongside, stamp);
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a betting view is always serialisable", e);
        }
    }

}
