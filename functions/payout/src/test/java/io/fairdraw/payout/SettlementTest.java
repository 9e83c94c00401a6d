package io.fairdraw.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.FourDResult;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.TestPlayers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Settlement against DynamoDB Local, checked against a reference computed independently from
 * the tickets sold: killed at random writes and run again until it finishes, with duplicate and
 * shuffled parts, every winner is paid exactly once and the books balance.
 */
class SettlementTest {
    private static final String FOUR_D = "4d-jakarta";
    private static final FourDResult RESULT = new FourDResult(1, 2, 3, 4);

    /** Players, what each was funded with and staked, and what the reference says each wins. */
    private record Sales(Draw draw, List<PlayerId> players, Map<PlayerId, Long> funded, Map<PlayerId, Long> staked,
            Map<PlayerId, Long> wins, int winningTickets) {
        long totalWins() {
            return wins.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalStakes() {
            return staked.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final BetType[] MIXED = {BetType.FOUR_D, BetType.THREE_D, BetType.TWO_D_BACK, BetType.COLOK_BEBAS, BetType.COLOK_MACAU,
        BetType.SHIO, BetType.FIFTY_FIFTY_BIG_SMALL};
    private static final BetType[] NUMBERS_ONLY = {BetType.FOUR_D, BetType.THREE_D, BetType.TWO_D_BACK};

    private static Sales sellFourD(World world, int tickets, int seed, boolean popularWinners, BetType[] types) {
        Draw draw = world.open(FOUR_D);
        FixedOddsGame game = world.catalogue.fixedOdds(FOUR_D).orElseThrow();
        Random random = new Random(seed);
        List<PlayerId> players = new ArrayList<>();
        Map<PlayerId, Long> funded = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            PlayerId player = TestPlayers.verified("payout").id();
            players.add(player);
            funded.put(player, 1_000_000_000L);
            world.fund(player, 1_000_000_000L);
        }
        Map<PlayerId, Long> staked = new HashMap<>();
        Map<PlayerId, Long> wins = new HashMap<>();
        int winningTickets = 0;
        for (int t = 0; t < tickets; t++) {
            PlayerId owner = players.get(random.nextInt(players.size()));
            List<World.Line> lines = new ArrayList<>();
            long ticketWin = 0;
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int l = 0; l < 1 + random.nextInt(3); l++) {
                BetType type = types[random.nextInt(types.length)];
                String selection = selection(type, random, popularWinners);
                if (!used.add(type + selection)) {
                    continue;
                }
                long stake = 100_000L * (1 + random.nextInt(5));
                long multiplier = game.termsOf(type).orElseThrow().multiplierMilli();
                lines.add(new World.Line(type.name(), selection, stake, multiplier));
                ticketWin += stake * multiplier * type.wins(selection, RESULT, game.shio()) / 1_000;
            }
            world.sell(draw.id(), owner, "t" + seed + "-" + t, lines);
            staked.merge(owner, lines.stream().mapToLong(World.Line::stake).sum(), Long::sum);
            if (ticketWin > 0) {
                wins.merge(owner, ticketWin, Long::sum);
                winningTickets++;
            }
        }
        world.complete(draw.id(), List.of(1, 2, 3, 4));
        world.capitalise(FOUR_D, 10_000_000_000_000L);
        return new Sales(world.draws.find(draw.id()).orElseThrow(), players, funded, staked, wins, winningTickets);
    }

    private static String selection(BetType type, Random random, boolean popularWinners) {
        boolean winner = popularWinners && random.nextInt(8) == 0;
        return switch (type) {
            case FOUR_D -> winner ? "1234" : String.format("%04d", random.nextInt(10_000));
            case THREE_D -> winner ? "234" : String.format("%03d", random.nextInt(1_000));
            case TWO_D_BACK -> winner ? "34" : String.format("%02d", random.nextInt(100));
            case COLOK_BEBAS -> Integer.toString(random.nextInt(10));
            case COLOK_MACAU -> BetType.COLOK_MACAU.normalise(String.format("%02d", random.nextInt(100)));
            case SHIO -> List.of("RAT", "OX", "TIGER", "RABBIT", "DRAGON", "SNAKE", "HORSE", "GOAT", "MONKEY", "ROOSTER", "DOG", "PIG")
                    .get(random.nextInt(12));
            default -> random.nextBoolean() ? "BIG" : "SMALL";
        };
    }

    /**
     * Runs the whole settlement (the DrawCompleted event, then every part shuffled with some
     * twice) through a client that dies at each write with probability 0.3, again and again
     * until a run survives; returns how many runs died.
     */
    private static int settleThroughCrashes(Sales sales, long seed) {
        Random random = new Random(seed);
        int crashes = 0;
        for (int run = 0; ; run++) {
            KillSwitch kill = run < 500 ? new KillSwitch(random.nextLong(), 0.3) : KillSwitch.never();
            World world = new World(LocalDynamo.shared().clientWith(kill));
            try {
                List<Settlement.Part> parts = new ArrayList<>(world.settlement.start(sales.draw().id(), World.STAMP));
                parts.addAll(parts.subList(0, Math.min(3, parts.size())));
                Collections.shuffle(parts, random);
                for (Settlement.Part part : parts) {
                    world.settlement.settlePart(part, World.STAMP);
                }
                return crashes;
            } catch (RuntimeException died) {
                if (!(rootCause(died) instanceof KillSwitch.Killed)) {
                    throw died;
                }
                crashes++;
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {42, 7, 20261123})
    void killedAtRandomWritesAndRunAgainEveryWinnerIsPaidOnceAndTheBooksBalance(long seed) {
        World world = World.plain();
        Sales sales = sellFourD(world, 150, (int) seed, true, MIXED);
        assertThat(sales.winningTickets()).isGreaterThan(10);

        int crashes = settleThroughCrashes(sales, seed);
        System.out.printf("settled %d winning tickets of 150 after %d crashed runs%n", sales.winningTickets(), crashes);

        assertThat(crashes).isGreaterThan(10);
        for (PlayerId player : sales.players()) {
            long expected = sales.funded().get(player) - sales.staked().getOrDefault(player, 0L) + sales.wins().getOrDefault(player, 0L);
            assertThat(world.balance(AccountId.wallet(player, World.IDR))).as("wallet of %s", player).isEqualTo(expected);
        }
        assertThat(world.store.paid(sales.draw().id())).isEqualTo(sales.totalWins());
        assertThat(world.draws.find(sales.draw().id()).orElseThrow().status()).isEqualTo(DrawStatus.SETTLED);
        var reconciler = world.reconciler();
        assertThat(reconciler.virtualBalances().get(AccountId.of(AccountType.SALES_ESCROW, sales.draw().id(), World.IDR)).amountMinor())
                .isZero();
        assertThat(reconciler.breaches()).isEmpty();

        // A duplicate DrawCompleted and duplicate parts after the draw is settled move nothing.
        long house = world.balance(AccountId.house(FOUR_D, World.IDR));
        assertThat(world.settlement.start(sales.draw().id(), World.STAMP)).isEmpty();
        world.settlement.settlePart(new Settlement.Part(sales.draw().id(), 3), World.STAMP);
        assertThat(world.balance(AccountId.house(FOUR_D, World.IDR))).isEqualTo(house);
    }

    @Test
    void settlementReadsAndWritesTrackTheWinnersNotTheTicketsSold() {
        World seller = World.plain();
        Sales few = sellFourD(seller, 40, 5, false, NUMBERS_ONLY);
        Sales many = sellFourD(seller, 400, 5, false, NUMBERS_ONLY);
        // The first 40 tickets of both draws are the same (same seed); the extra 360 lose unless they hit by chance.
        KillSwitch countFew = KillSwitch.never();
        World a = new World(LocalDynamo.shared().clientWith(countFew));
        a.settlement.start(few.draw().id(), World.STAMP).forEach(p -> a.settlement.settlePart(p, World.STAMP));
        KillSwitch countMany = KillSwitch.never();
        World b = new World(LocalDynamo.shared().clientWith(countMany));
        b.settlement.start(many.draw().id(), World.STAMP).forEach(p -> b.settlement.settlePart(p, World.STAMP));

        int extraWinners = many.winningTickets() - few.winningTickets();
        System.out.printf("settling %d tickets (%d winners): %d items read, %d written; %d tickets (%d winners): %d read, %d written%n",
                40, few.winningTickets(), countFew.itemsRead(), countFew.itemsWritten(),
                400, many.winningTickets(), countMany.itemsRead(), countMany.itemsWritten());
        // Each extra winning ticket costs a bounded number of reads and writes; the 10x more losing tickets cost nothing.
        assertThat(countMany.itemsRead() - countFew.itemsRead()).isLessThanOrEqualTo(4 * extraWinners + 4);
        assertThat(countMany.itemsWritten() - countFew.itemsWritten()).isLessThanOrEqualTo(12 * extraWinners);
        assertThat(countMany.itemsRead()).isLessThan(400);
    }
}
