package io.fairdraw.betting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.betting.store.Ticket;
import io.fairdraw.betting.store.TicketStore;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.betting.TicketPricing;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.Limits;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.ConditionFailures;
import io.fairdraw.platform.idempotency.IdempotencyRecords;
import io.fairdraw.platform.idempotency.IdempotencyScope;
import io.fairdraw.platform.idempotency.IdempotentRequests;
import io.fairdraw.platform.idempotency.IdempotentRequests.Answer;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    // The purchase's own actions, after the ledger's: their positions name their refusals.
    private static final int TICKET = 0;
    private static final int GATE = 1;
    private static final int STANDING = 2;
    private static final int SETTINGS = 3;
    private static final int FIRST_COUNTER = 4;
    private static final int ANSWER = FIRST_COUNTER + LimitWindow.values().length;
    private static final int FIRST_LINE = ANSWER + 1;

    private final IdempotentRequests idempotent;
    private final Draws draws;
    private final GameCatalogue catalogue;
    private final Holders holders;
    private final ComplianceGuard guard;
    private final TicketStore store;
    private final Ledger ledger;
    private final TimeSource clock;
    private final ObjectMapper json;

    public Purchases(IdempotentRequests idempotent, Draws draws, GameCatalogue catalogue, Holders holders, ComplianceGuard guard,
            TicketStore store, Ledger ledger, TimeSource clock, ObjectMapper json) {
        this.idempotent = idempotent;
        this.draws = draws;
        this.catalogue = catalogue;
        this.holders = holders;
        this.guard = guard;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Buys the ticket the request describes, once per Idempotency-Key: the draw must be open
     * (checked again inside the transaction, on the ticket's gate shard), the lines priced under
     * the draw's game as it stands. {@code expand} turns the request into lines for that game.
     */
    public Answer buy(PlayerId player, IdempotencyKey key, String fingerprint, Supplier<Draw> drawLookup,
            Function<Game, List<RequestedLine>> expand, AuditStamp stamp) {
        return idempotent.run(new IdempotencyScope(player, ROUTE), key, fingerprint, started -> {
            Draw draw = drawLookup.get();
            if (draw.status() != DrawStatus.OPEN || !clock.now().isBefore(draw.cutOff())) {
                throw new DomainException(ErrorType.DRAW_NOT_OPEN, "sales for " + draw.id() + " closed at " + draw.cutOff());
            }
            Game game = catalogue.game(draw.gameId()).orElseThrow(() -> new DomainException(ErrorType.GAME_NOT_FOUND,
                    "the game of " + draw.id() + " is no longer offered"));
            List<PricedLine> lines = TicketPricing.price(game, expand.apply(game));
            Holders.Holder holder = holders.of(player);
            if (!holder.home().currency().equals(game.currency())) {
                throw new DomainException(ErrorType.CURRENCY_MISMATCH, "your wallet holds " + holder.home().currency() + "; "
                        + game.id() + " is played in " + game.currency());
            }
            Ticket ticket = new Ticket(TicketId.derive(player, key, draw.id()), player, game.id(), game.version(),
                    game.currency().code(), lines, clock.now());
            String body = write(BettingViews.TicketView.of(ticket, draw));
            Ledger.Outcome outcome = commit(holder, ticket, draw, game, started, body, stamp);
            if (outcome instanceof Ledger.AlreadyApplied) {
                // Bought by an earlier attempt whose remembered answer has since expired: answer with what was bought.
                Ticket bought = store.find(ticket.id()).orElseThrow();
                return Answer.toRecord(CREATED, write(BettingViews.TicketView.of(bought, draw)));
            }
            LOG.infof("ticket %s bought: %d lines, %d %s", ticket.id(), lines.size(), ticket.pricePaidMinor(), ticket.currency());
            return Answer.alreadyRecorded(CREATED, body);
        });
    }

    private Ledger.Outcome commit(Holders.Holder holder, Ticket ticket, Draw draw, Game game, IdempotencyRecords.Started started,
            String body, AuditStamp stamp) {
        Instant now = ticket.purchasedAt();
        PlayerId player = holder.player().id();
        Money price = new Money(ticket.pricePaidMinor(), game.currency());
        Transfer stake = Transfer.of(TransferKind.STAKE, ticket.id().value(), holder.wallet(),
                AccountId.of(AccountType.SALES_ESCROW, draw.id(), game.currency()), price, now);
        SafetySettings safety = guard.settings(player);
        int first = Ledger.firstCallerAction(stake);
        List<TransactWriteItem> actions = new ArrayList<>();
        ConditionFailures failures = ConditionFailures.none();

        actions.add(store.newTicket(ticket, stamp));
        failures.at(first + TICKET, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the ticket was bought meanwhile; retry"));
        actions.add(draws.gateOpen(draw.id(), TicketStore.shardOf(ticket.id()), now));
        failures.at(first + GATE, () -> new DomainException(ErrorType.DRAW_NOT_OPEN, "sales for " + draw.id() + " have closed"));
        actions.add(guard.playerMayPlay(player, now));
        failures.at(first + STANDING, () -> guard.refusalFor(player, now));
        actions.add(guard.settingsUnchanged(player, safety));
        failures.at(first + SETTINGS, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "your limits changed during the purchase; retry"));
        for (LimitWindow window : LimitWindow.values()) {
            LimitKey limitKey = new LimitKey(LimitKind.NET_LOSS, window);
            Optional<Money> limit = Limits.applicable(safety.limit(limitKey), holder.home(), now);
            actions.add(guard.count(player, limitKey, holder.home(), now, price, limit));
            failures.at(first + FIRST_COUNTER + window.ordinal(), () -> new DomainException(ErrorType.LOSS_LIMIT_REACHED,
                    "this ticket would exceed your " + window.name().toLowerCase(Locale.ROOT) + "ly net-loss limit"));
        }
        actions.add(idempotent.records().completion(started, CREATED, body));
        failures.at(first + ANSWER, () -> new DomainException(ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS,
                "another attempt of this purchase is running; retry shortly"));
        actions.addAll(store.settlementLines(ticket));
        int budgetShard = ticket.id().budgetShard(TicketStore.BUDGET_SHARDS);
        for (PricedLine line : ticket.lines()) {
            if (!(game instanceof FixedOddsGame fixed) || !line.hasLiability()) {
                continue;
            }
            long limit = fixed.termsOf(BetType.valueOf(line.betType())).orElseThrow().liabilityLimitMinor();
            String soldOut = line.betType() + " " + line.selection() + " is sold out for " + draw.id();
            failures.at(first + actions.size(), () -> new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, soldOut));
            actions.add(store.budget(draw.id(), line, budgetShard, limit)
                    .orElseThrow(() -> new DomainException(ErrorType.LIABILITY_LIMIT_REACHED, soldOut)));
        }
        return ledger.apply(stake, actions, failures, stamp);
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a betting view is always serialisable", e);
        }
    }

    /** The most actions a purchase's transaction holds: the ledger's three, the fixed ones, and two per line at most. */
    static int maxActions() {
        return 3 + FIRST_LINE + 2 * TicketPricing.MAX_LINES;
    }
}
