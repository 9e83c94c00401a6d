package io.fairdraw.betting;

import static io.fairdraw.betting.BettingFixtures.FOUR_D;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.betting.store.TicketStore;
import io.fairdraw.model.betting.RequestedLine;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.testsupport.TestPlayers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Purchases racing each other, the wallet, the cut-off and the liability limits: the invariants hold. */
@QuarkusTest
class PurchaseRaceTest {
    private static final List<RequestedLine> ONE_2D = List.of(new RequestedLine("TWO_D_BACK", "42", 100_000));
    private static final long ONE_2D_PRICE = 71_000;

    @Inject
    BettingFixtures fixtures;

    @Inject
    TicketStore tickets;

    @Inject
    io.fairdraw.platform.dynamo.Transactions transactions;

    @Inject
    LedgerReconciler reconciler;

    @Test
    void aHundredConcurrentPurchasesAgainstAWalletCoveringTenBuyExactlyTen() throws Exception {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(10 * ONE_2D_PRICE);
        Map<ErrorType, Integer> refusals = new ConcurrentHashMap<>();
        List<Outcome> outcomes = race(100, i -> () -> untilDecided(() -> fixtures.buyDirect(player.id(), draw.id(), "wallet-race-" + i, ONE_2D)));
        outcomes.forEach(o -> o.refusal().ifPresent(r -> refusals.merge(r, 1, Integer::sum)));

        assertThat(outcomes.stream().filter(Outcome::bought).count()).isEqualTo(10);
        assertThat(refusals).containsOnlyKeys(ErrorType.INSUFFICIENT_FUNDS).containsEntry(ErrorType.INSUFFICIENT_FUNDS, 90);
        assertThat(fixtures.balance(player.id())).isZero();
        assertThat(fixtures.leaves(draw.id())).hasSize(10);
        var tenTickets = new io.fairdraw.model.money.Money(10 * ONE_2D_PRICE, BettingFixtures.IDR);
        assertThat(fixtures.escrowBalances()).containsEntry(escrow(draw), tenTickets);
        assertThat(reconciler.virtualBalances()).containsEntry(escrow(draw), tenTickets);
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void twoHundredPlayersBuyingIntoOneDrawNeverFailOnASharedItem() throws Exception {
        Draw draw = fixtures.open(FOUR_D);
        List<TestPlayers.TestPlayer> players = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            players.add(fixtures.fundedPlayer(ONE_2D_PRICE));
        }
        // Everyone backs the same number: the gate and the number's budget are the shared items, both sharded.
        List<Outcome> outcomes = race(200, i -> () -> fixtures.buyDirect(players.get(i).id(), draw.id(), "crowd-key-" + i, ONE_2D));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.refusal()).isEmpty());
        assertThat(fixtures.leaves(draw.id())).hasSize(200);
        assertThat(tickets.exposure(draw.id(), "TWO_D_BACK", "42")).isEqualTo(200 * 7_000_000L);
    }

    @Test
    void oneKeyRetriedConcurrentlyBuysOneTicketAndDebitsOnce() throws Exception {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String key = "same-key-" + UUID.randomUUID();
        List<Outcome> outcomes = race(20, i -> () -> untilDecided(() -> fixtures.buyDirect(player.id(), draw.id(), key, ONE_2D)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.bought()).isTrue());
        assertThat(outcomes.stream().map(Outcome::body).collect(Collectors.toSet())).hasSize(1);
        assertThat(fixtures.leaves(draw.id())).hasSize(1);
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - ONE_2D_PRICE);
    }

    @Test
    void purchasesRacingTheCloseAreEitherSealedOrRefused() throws Exception {
        Draw draw = fixtures.open(FOUR_D, Duration.ofMinutes(30));
        List<TestPlayers.TestPlayer> players = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            players.add(fixtures.fundedPlayer(ONE_2D_PRICE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Outcome>> racing = new ArrayList<>();
            for (int i = 0; i < players.size(); i++) {
                int n = i;
                racing.add(pool.submit(() -> Outcome.of(() -> fixtures.buyDirect(players.get(n).id(), draw.id(), "cutoff-" + n, ONE_2D))));
                if (i == 20) {
                    fixtures.close(draw.id());
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : racing) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            Outcome late = Outcome.of(() -> fixtures.buyDirect(players.get(0).id(), draw.id(), "after-close", ONE_2D));

            assertThat(late.refusal()).contains(ErrorType.DRAW_NOT_OPEN);
            Set<String> accepted = outcomes.stream().filter(Outcome::bought).map(Outcome::ticketId).collect(Collectors.toSet());
            assertThat(outcomes).allSatisfy(o -> assertThat(o.bought() || o.refusal().equals(java.util.Optional.of(ErrorType.DRAW_NOT_OPEN)))
                    .isTrue());
            Draw sealed = fixtures.seal(draw.id());
            Set<String> inSeal = fixtures.leaves(draw.id()).stream().map(TicketLeaf::ticketId).collect(Collectors.toSet());
            assertThat(inSeal).isEqualTo(accepted);
            assertThat(sealed.seal().orElseThrow().leafCount()).isEqualTo(accepted.size());
            for (int i = 0; i < players.size(); i++) {
                String id = TicketId.derive(players.get(i).id(), new io.fairdraw.model.id.IdempotencyKey("cutoff-" + i), draw.id()).value();
                assertThat(fixtures.balance(players.get(i).id())).isEqualTo(accepted.contains(id) ? 0 : ONE_2D_PRICE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPurchaseThatWouldPassASelectionsLiabilityLimitIsRefusedAndTheOthersStand() {
        Draw draw = fixtures.open(FOUR_D);
        // TWO_D_BACK in the sample catalogue: 70x, liability limit 100,000,000,000 split over the budget shards;
        // a stake whose liability fits a shard's share once, not twice.
        long limit = 100_000_000_000L;
        long stake = limit / TicketStore.BUDGET_SHARDS * 2 / 3 / 70 / 100_000 * 100_000;
        long liability = stake * 70;
        long price = stake - stake * 2900 / 10_000;
        var player = fixtures.fundedPlayer(40 * price);
        long[] shardExposure = new long[TicketStore.BUDGET_SHARDS];
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            String key = "liability-" + i;
            int shard = TicketId.derive(player.id(), new io.fairdraw.model.id.IdempotencyKey(key), draw.id()).budgetShard(TicketStore.BUDGET_SHARDS);
            boolean fits = shardExposure[shard] + liability <= TicketStore.shareOf(limit, shard);
            long balanceBefore = fixtures.balance(player.id());
            Outcome outcome = Outcome.of(() -> fixtures.buyDirect(player.id(), draw.id(), key, List.of(new RequestedLine("TWO_D_BACK", "77", stake))));
            if (fits) {
                assertThat(outcome.bought()).as("purchase %d on budget shard %d: %s", i, shard, outcome).isTrue();
                shardExposure[shard] += liability;
                accepted++;
            } else {
                assertThat(outcome.refusal()).as("purchase %d on budget shard %d", i, shard).contains(ErrorType.LIABILITY_LIMIT_REACHED);
                assertThat(fixtures.balance(player.id())).isEqualTo(balanceBefore);
                refused++;
            }
        }
        assertThat(accepted).isGreaterThan(0);
        assertThat(refused).isGreaterThan(0);
        assertThat(tickets.exposure(draw.id(), "TWO_D_BACK", "77")).isEqualTo(accepted * liability).isLessThanOrEqualTo(limit);
        assertThat(fixtures.leaves(draw.id())).hasSize(accepted);
        assertThat(fixtures.balance(player.id())).isEqualTo((40L - accepted) * price);
    }

    @Test
    void aBudgetShardThatRefusedALineRefusesWhatItCannotHoldBeforeAnyWrite() {
        Draw draw = fixtures.open(FOUR_D);
        long limit = 100_000_000_000L;
        long share = TicketStore.shareOf(limit, 0);
        transactions.write(io.fairdraw.platform.dynamo.Transaction.of("fill the shard",
                tickets.budget(draw.id(), liabilityOf(share - 10), 0, limit).orElseThrow()));
        var tooBig = liabilityOf(1_000);

        assertThat(tickets.budget(draw.id(), tooBig, 0, limit)).as("not known to be full yet: tried").isPresent();
        tickets.refusedBy(draw.id(), tooBig, 0, limit);
        assertThat(tickets.budget(draw.id(), tooBig, 0, limit)).as("known full: refused before a write").isEmpty();
        assertThat(tickets.budget(draw.id(), liabilityOf(10), 0, limit)).as("what still fits is still tried").isPresent();
        assertThat(tickets.budget(draw.id(), tooBig, 1, limit)).as("another shard is another budget").isPresent();
        assertThat(tickets.budget(draw.id(), tooBig, 0, limit * 2)).as("a raised limit is another budget").isPresent();
    }

    /** A TWO_D_BACK line on 55 whose liability is {@code liability}. */
    private static io.fairdraw.model.betting.PricedLine liabilityOf(long liability) {
        return new io.fairdraw.model.betting.PricedLine("TWO_D_BACK", "55", 100_000, 71_000, java.util.OptionalLong.empty(), liability, 70_000, 2900);
    }

    private static io.fairdraw.model.ledger.AccountId escrow(Draw draw) {
        return io.fairdraw.model.ledger.AccountId.of(io.fairdraw.model.ledger.AccountType.SALES_ESCROW, draw.id(), BettingFixtures.IDR);
    }

    /** What one purchase came to: bought (with its answer) or refused (with the reason). */
    record Outcome(boolean bought, String body, String ticketId, java.util.Optional<ErrorType> refusal) {
        static Outcome of(Supplier<io.fairdraw.platform.idempotency.IdempotentRequests.Answer> purchase) {
            try {
                var answer = purchase.get();
                String id = answer.body().replaceAll(".*\"ticketId\":\"([^\"]+)\".*", "$1");
                return new Outcome(true, answer.body(), id, java.util.Optional.empty());
            } catch (DomainException refused) {
                return new Outcome(false, null, null, java.util.Optional.of(refused.type()));
            }
        }
    }

    /**
     * A client's retry loop: a purchase answered "conflict, retry" or "in progress" is sent again
     * with the same key, as the API tells clients to; anything else is the decision.
     */
    private static io.fairdraw.platform.idempotency.IdempotentRequests.Answer untilDecided(
            Supplier<io.fairdraw.platform.idempotency.IdempotentRequests.Answer> purchase) {
        for (int attempt = 1; ; attempt++) {
            try {
                return purchase.get();
            } catch (DomainException refused) {
                boolean retryable = refused.type() == ErrorType.CONCURRENT_UPDATE || refused.type() == ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS;
                if (!retryable || attempt == 50) {
                    throw refused;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw refused;
                }
            }
        }
    }

    private static List<Outcome> race(int count, java.util.function.IntFunction<Supplier<io.fairdraw.platform.idempotency.IdempotentRequests.Answer>> purchase)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var call = purchase.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return Outcome.of(call);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
