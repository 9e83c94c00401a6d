package io.fairdraw.payout;

import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.settlement.FixedOddsWins;
import io.fairdraw.model.settlement.LottoPools;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.ComplianceGuard;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.tickets.BetLineItems;
import io.fairdraw.platform.tickets.TicketItems;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Settles draws. {@link #start} plans a completed or voided draw once and moves the draw-level
 * money (sales to the house; for lotto the carried jackpot in and an unwon jackpot out), then
 * names the parts; {@link #settlePart} pays one ticket shard's winners (or refunds its tickets)
 * and the last part marks the draw SETTLED. Both may be repeated or interrupted anywhere:
 * every transfer's id derives from its cause, so a repeat finds it done and moves nothing.
 */
@ApplicationScoped
public class Settlement {
    private static final Logger LOG = Logger.getLogger(Settlement.class);

    /** A part to settle: one ticket shard of one draw. */
    public record Part(String drawId, int part) {
    }

    private final Draws draws;
    private final Catalogues catalogues;
    private final SettlementStore store;
    private final Ledger ledger;
    private final ComplianceGuard guard;
    private final Holders holders;
    private final TimeSource clock;

    public Settlement(Draws draws, Catalogues catalogues, SettlementStore store, Ledger ledger, ComplianceGuard guard, Holders holders,
            TimeSource clock) {
        this.draws = draws;
        this.catalogues = catalogues;
        this.store = store;
        this.ledger = ledger;
        this.guard = guard;
        this.holders = holders;
        this.clock = clock;
    }

    /**
     * Plans the draw (once) and moves its draw-level money (once); returns the parts to settle,
     * none when the draw is not ready, already settled, or unknown.
     */
    public List<Part> start(String drawId, AuditStamp stamp) {
        Optional<Draw> found = draws.find(drawId);
        if (found.isEmpty()) {
            LOG.warnf("settlement of unknown draw %s ignored", drawId);
            return List.of();
        }
        Draw draw = found.get();
        if (draw.status() != DrawStatus.COMPLETED && draw.status() != DrawStatus.VOIDED) {
            LOG.infof("draw %s is %s: nothing to settle", drawId, draw.status());
            return List.of();
        }
        // The terms the draw opened under: a catalogue change since then does not alter its tickets.
        Game game = catalogues.games(draw.termsVersion()).game(draw.gameId())
                .orElseThrow(() -> new IllegalStateException("draw " + drawId + " has no game"));
        CurrencyCode currency = CurrencyCode.of(draw.currency());
        Plan plan = store.plan(drawId).orElseGet(() -> store.savePlan(plan(draw, game, currency), drawn(draw), stamp));
        if (plan.kind() != Plan.Kind.REFUND) {
            AccountId house = AccountId.house(game.id(), currency);
            AccountId jackpot = AccountId.jackpot(game.id(), currency);
            move(TransferKind.JACKPOT_RELEASE, drawId, jackpot, house, plan.jackpotCarryMinor(), currency, stamp);
            move(TransferKind.SALES_TO_HOUSE, drawId, escrow(drawId, currency), house, plan.salesMinor(), currency, stamp);
            move(TransferKind.JACKPOT_ROLLOVER, drawId, house, jackpot, plan.rolloverMinor(), currency, stamp);
        }
        return IntStream.range(0, plan.parts()).mapToObj(part -> new Part(drawId, part)).toList();
    }

    private Plan plan(Draw draw, Game game, CurrencyCode currency) {
        if (draw.status() == DrawStatus.VOIDED) {
            return new Plan(draw.id(), Plan.Kind.REFUND, TicketItems.SHARDS, 0, Map.of(), 0, 0);
        }
        long sales = draw.seal().orElseThrow().totalStakeMinor();
        if (game instanceof LottoGame lotto) {
            List<Integer> numbers = draw.outcome().orElseThrow().numbers();
            Map<Integer, Long> winners = new TreeMap<>();
            for (int shard = 0; shard < TicketItems.SHARDS; shard++) {
                for (BetLineItems.BetLine line : store.lines(BetLineItems.partition(draw.id(), BetLineItems.LOTTO, "", shard))) {
                    int matched = LottoPools.matches(line.selection(), numbers);
                    if (lotto.tierShareBasisPoints().containsKey(matched)) {
                        winners.merge(matched, 1L, Long::sum);
                    }
                }
            }
            long carry = ledger.balance(AccountId.jackpot(game.id(), currency)).amountMinor();
            LottoPools.Shares shares = LottoPools.shares(sales, carry, lotto.tierShareBasisPoints(), lotto.jackpotTier(), winners);
            return new Plan(draw.id(), Plan.Kind.LOTTO, TicketItems.SHARDS, sales, shares.perWinner(), carry, shares.rollover());
        }
        return new Plan(draw.id(), Plan.Kind.FIXED_ODDS, TicketItems.SHARDS, sales, Map.of(), 0, 0);
    }

    /**
     * Pays (or refunds) one part's tickets once each; when every part is done, marks the draw
     * SETTLED. A part found done already only checks that last step, so a run that died between
     * recording the last part and settling the draw is finished by any repeat. Reads: the plan
     * item (the plan, the draw as planned, the parts done), then only the part's winning lines.
     */
    public void settlePart(Part part, AuditStamp stamp) {
        SettlementStore.Progress progress = store.progress(part.drawId())
                .orElseThrow(() -> new IllegalStateException("draw " + part.drawId() + " was never planned"));
        Plan plan = progress.plan();
        if (!progress.done(part.part())) {
            SettlementStore.Drawn drawn = progress.drawn().orElseGet(() -> drawn(draws.find(part.drawId()).orElseThrow()));
            Game game = catalogues.games(drawn.termsVersion()).game(drawn.gameId()).orElseThrow();
            CurrencyCode currency = CurrencyCode.of(drawn.currency());
            Map<String, Credit> credits = switch (plan.kind()) {
                case FIXED_ODDS -> fixedOddsWins(drawn, (FixedOddsGame) game, part.part());
                case LOTTO -> lottoWins(drawn, plan, part.part());
                case REFUND -> refunds(drawn, part.part());
            };
            long paid = 0;
            Map<String, Jurisdiction> homes = new HashMap<>();
            for (var credit : credits.entrySet()) {
                if (credit.getValue().amount() > 0) {
                    Credit owed = credit.getValue();
                    Jurisdiction home = homes.computeIfAbsent(owed.owner(), owner -> holders.homeOf(new PlayerId(owner), owed.homeCountry()));
                    pay(drawn, game, currency, plan.kind(), credit.getKey(), owed, home, stamp);
                    paid += owed.amount();
                }
            }
            progress = store.completePart(part.drawId(), part.part(), paid, credits.size());
        }
        if (plan.kind() != Plan.Kind.REFUND && progress.doneParts().size() >= plan.parts()) {
            try {
                draws.settle(part.drawId(), plan.salesMinor(), progress.paidMinor());
                LOG.infof("draw %s settled", part.drawId());
            } catch (Draws.AlreadyMoved settled) {
                LOG.debugf("draw %s was settled already", part.drawId());
            }
        }
    }

    private static SettlementStore.Drawn drawn(Draw draw) {
        return new SettlementStore.Drawn(draw.id(), draw.gameId(), draw.currency(),
                draw.outcome().map(Draw.Outcome::numbers).orElse(List.of()), draw.termsVersion());
    }

    /** What one ticket is owed, whose it is, and their home country if the line recorded it. */
    private record Credit(String owner, long amount, Optional<String> homeCountry) {
        Credit plus(Credit other) {
            return new Credit(owner, amount + other.amount, homeCountry.or(other::homeCountry));
        }
    }

    private Map<String, Credit> fixedOddsWins(SettlementStore.Drawn draw, FixedOddsGame game, int shard) {
        FourDResult result = FourDResult.of(draw.numbers().stream().mapToInt(Integer::intValue).toArray());
        Map<String, Credit> credits = new TreeMap<>();
        for (FixedOddsWins.WinningKey key : FixedOddsWins.winningKeys(result, game.shio(), EnumSet.allOf(BetType.class))) {
            for (BetLineItems.BetLine line : store.lines(BetLineItems.partition(draw.drawId(), key.betType().name(), key.selection(), shard))) {
                long win = FixedOddsWins.win(key.betType(), line.selection(), line.stakeMinor(), line.multiplierMilli(), result, game.shio());
                credits.merge(line.ticketId(), new Credit(line.owner(), win, line.homeCountry()), Credit::plus);
            }
        }
        return credits;
    }

    private Map<String, Credit> lottoWins(SettlementStore.Drawn draw, Plan plan, int shard) {
        List<Integer> numbers = draw.numbers();
        Map<String, Credit> credits = new TreeMap<>();
        for (BetLineItems.BetLine line : store.lines(BetLineItems.partition(draw.drawId(), BetLineItems.LOTTO, "", shard))) {
            Long share = plan.sharePerWinner().get(LottoPools.matches(line.selection(), numbers));
            if (share != null) {
                credits.merge(line.ticketId(), new Credit(line.owner(), share, line.homeCountry()), Credit::plus);
            }
        }
        return credits;
    }

    private Map<String, Credit> refunds(SettlementStore.Drawn draw, int shard) {
        Map<String, Credit> credits = new TreeMap<>();
        for (SettlementStore.OwnedTicket ticket : store.tickets(draw.drawId(), shard)) {
            credits.put(ticket.leaf().ticketId(), new Credit(ticket.owner(), ticket.leaf().pricePaidMinor(), Optional.empty()));
        }
        return credits;
    }

    /**
     * One ticket's credit: the transfer (id from the ticket), the ticket's settlement marker and
     * the lowering of the owner's net-loss counters, all in one transaction.
     */
    private void pay(SettlementStore.Drawn draw, Game game, CurrencyCode currency, Plan.Kind kind, String ticketId, Credit credit,
            Jurisdiction home, AuditStamp stamp) {
        PlayerId owner = new PlayerId(credit.owner());
        Money amount = new Money(credit.amount(), currency);
        Instant now = clock.now();
        Transfer transfer = kind == Plan.Kind.REFUND
                ? Transfer.of(TransferKind.REFUND, ticketId, escrow(draw.drawId(), currency), AccountId.wallet(owner, currency), amount, now)
                : Transfer.of(TransferKind.WINNINGS, ticketId, AccountId.house(game.id(), currency), AccountId.wallet(owner, currency), amount, now);
        Transaction alongside = Transaction.of("settlement marker of " + ticketId,
                store.ticketMarker(draw.drawId(), ticketId, credit.owner(), credit.amount(), kind, stamp),
                () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "ticket " + ticketId + " was settled meanwhile"));
        if (home.currency().equals(currency)) {
            alongside.add("net-loss counters", guard.credit(owner, home, now, amount),
                    () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the net-loss counters changed currency"));
        }
        ledger.apply(transfer, alongside, stamp);
    }

    private void move(TransferKind kind, String drawId, AccountId from, AccountId to, long amountMinor, CurrencyCode currency,
            AuditStamp stamp) {
        if (amountMinor > 0) {
            ledger.apply(Transfer.of(kind, drawId, from, to, new Money(amountMinor, currency), clock.now()), stamp);
        }
    }

    private static AccountId escrow(String drawId, CurrencyCode currency) {
        return AccountId.of(AccountType.SALES_ESCROW, drawId, currency);
    }
}
