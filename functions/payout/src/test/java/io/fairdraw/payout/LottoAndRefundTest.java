package io.fairdraw.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.testsupport.TestPlayers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lotto pools shared pari-mutuel with the jackpot rolling over, and voided draws refunded once. */
class LottoAndRefundTest {
    private static final String LOTTO = "lotto-6-49";
    private static final long PRICE = 1_000_000;

    private final World world = World.plain();
    private final LottoGame game = world.catalogue.lotto(LOTTO).orElseThrow();

    private record Sold(PlayerId owner, String selection) {
    }

    private List<Sold> sell(Draw draw, List<String> selections) {
        List<Sold> sold = new ArrayList<>();
        for (int i = 0; i < selections.size(); i++) {
            PlayerId owner = TestPlayers.verified("lotto").id();
            world.fund(owner, PRICE);
            world.sell(draw.id(), owner, "lotto-" + i, List.of(new World.Line("LOTTO", selections.get(i), PRICE, 0)));
            sold.add(new Sold(owner, selections.get(i)));
        }
        return sold;
    }

    /** The reference: each tier's pool (sales × share, the top tier with the carry) split equally by its winners, rounded down. */
    private Map<PlayerId, Long> reference(List<Sold> sold, List<Integer> drawn, long carry) {
        long sales = sold.size() * PRICE;
        Map<Integer, List<PlayerId>> byTier = new HashMap<>();
        for (Sold s : sold) {
            int matched = (int) java.util.Arrays.stream(s.selection().split("-")).map(Integer::parseInt).filter(drawn::contains).count();
            byTier.computeIfAbsent(matched, m -> new ArrayList<>()).add(s.owner());
        }
        Map<PlayerId, Long> wins = new HashMap<>();
        game.tierShareBasisPoints().forEach((tier, bp) -> {
            List<PlayerId> winners = byTier.getOrDefault(tier, List.of());
            long pool = sales * bp / 10_000 + (tier == 6 ? carry : 0);
            winners.forEach(w -> wins.merge(w, pool / winners.size(), Long::sum));
        });
        return wins;
    }

    @Test
    void tiersArePaidTheirPoolSharesAndAnUnwonJackpotRollsIntoTheNextDraw() {
        long jackpotBefore = world.balance(AccountId.jackpot(LOTTO, World.IDR));
        List<Integer> drawn = List.of(7, 3, 49, 12, 25, 31);
        Draw first = world.open(LOTTO);
        List<Sold> firstSold = sell(first, List.of("03-07-12-25-31-40", "03-07-12-25-30-40", "03-07-12-20-30-40", "03-07-12-20-33-40",
                "01-02-04-05-06-08", "03-07-10-11-13-14", "01-02-03-04-05-06"));
        world.complete(first.id(), drawn);
        world.settlement.start(first.id(), World.STAMP).forEach(p -> world.settlement.settlePart(p, World.STAMP));

        Map<PlayerId, Long> firstWins = reference(firstSold, drawn, jackpotBefore);
        for (Sold s : firstSold) {
            assertThat(world.balance(AccountId.wallet(s.owner(), World.IDR))).isEqualTo(firstWins.getOrDefault(s.owner(), 0L));
        }
        long rolled = firstSold.size() * PRICE * game.tierShareBasisPoints().get(6) / 10_000 + jackpotBefore;
        assertThat(world.balance(AccountId.jackpot(LOTTO, World.IDR))).isEqualTo(rolled);
        assertThat(world.draws.find(first.id()).orElseThrow().status()).isEqualTo(DrawStatus.SETTLED);

        Draw second = world.open(LOTTO);
        List<Sold> secondSold = sell(second, List.of("03-07-12-25-31-49", "03-07-12-25-31-49", "01-02-04-05-06-08"));
        world.complete(second.id(), drawn);
        world.settlement.start(second.id(), World.STAMP).forEach(p -> world.settlement.settlePart(p, World.STAMP));
        world.settlement.start(second.id(), World.STAMP).forEach(p -> world.settlement.settlePart(p, World.STAMP));

        Map<PlayerId, Long> secondWins = reference(secondSold, drawn, rolled);
        assertThat(secondWins.get(secondSold.get(0).owner())).isGreaterThan(rolled / 2);
        for (Sold s : secondSold) {
            assertThat(world.balance(AccountId.wallet(s.owner(), World.IDR))).isEqualTo(secondWins.getOrDefault(s.owner(), 0L));
        }
        assertThat(world.balance(AccountId.jackpot(LOTTO, World.IDR))).isZero();
        assertThat(world.reconciler().breaches()).isEmpty();
    }

    @Test
    void aVoidedDrawRefundsEveryTicketOnceHoweverOftenItIsSettled() {
        Draw draw = world.open(LOTTO);
        List<Sold> sold = sell(draw, List.of("01-02-03-04-05-06", "10-20-30-40-41-42", "05-15-25-35-45-49", "07-08-09-10-11-12"));
        world.draws.close(draw.id());
        world.draws.voidDraw(draw.id(), DrawStatus.CLOSED, io.fairdraw.model.draw.VoidReason.SEAL_DEADLINE);

        for (int run = 0; run < 3; run++) {
            world.settlement.start(draw.id(), World.STAMP).forEach(p -> world.settlement.settlePart(p, World.STAMP));
        }

        for (Sold s : sold) {
            assertThat(world.balance(AccountId.wallet(s.owner(), World.IDR))).isEqualTo(PRICE);
        }
        var reconciler = world.reconciler();
        assertThat(reconciler.virtualBalances().get(AccountId.of(AccountType.SALES_ESCROW, draw.id(), World.IDR)).amountMinor()).isZero();
        assertThat(reconciler.breaches()).isEmpty();
        assertThat(world.draws.find(draw.id()).orElseThrow().status()).isEqualTo(DrawStatus.VOIDED);
    }
}
