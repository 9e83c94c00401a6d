package io.fairdraw.model.settlement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lotto draw's pari-mutuel shares. Each tier's pool is its share of sales (basis points,
 * rounded down); the top tier's pool also holds the jackpot carried in. A tier's winners split
 * its pool equally, rounded down to the minor unit; what division leaves, and the pools of
 * lower tiers nobody won, stay with the house. An unwon top tier's whole pool rolls over into
 * the jackpot. So the shares paid plus the roll-over never exceed sales plus the carried jackpot.
 */
public final class LottoPools {
    private LottoPools() {
    }

    /** Numbers matched by a line (canonical "01-05-...") against the drawn numbers. */
    public static int matches(String selection, List<Integer> drawn) {
        TreeSet<Integer> picked = new TreeSet<>();
        for (String n : selection.split("-")) {
            picked.add(Integer.parseInt(n));
        }
        int count = 0;
        for (int n : drawn) {
            count += picked.contains(n) ? 1 : 0;
        }
        return count;
    }

    /**
     * The shares of one draw: per tier the amount each winner gets (absent when nobody won it),
     * the amount that rolls into the jackpot, and what the house keeps of sales and carry.
     */
    public record Shares(Map<Integer, Long> perWinner, long rollover, long paid, long houseKeeps) {
        public Shares {
            perWinner = Map.copyOf(perWinner);
        }
    }

    public static Shares shares(long salesMinor, long jackpotCarryMinor, Map<Integer, Integer> tierShareBasisPoints, int jackpotTier,
            Map<Integer, Long> winnersPerTier) {
        if (salesMinor < 0 || jackpotCarryMinor < 0) {
            throw new IllegalArgumentException("sales and the carried jackpot are never negative");
        }
        Map<Integer, Long> perWinner = new TreeMap<>();
        long paid = 0;
        long rollover = 0;
        for (var tier : new TreeMap<>(tierShareBasisPoints).entrySet()) {
            long pool = Math.multiplyExact(salesMinor, tier.getValue()) / 10_000;
            if (tier.getKey() == jackpotTier) {
                pool = Math.addExact(pool, jackpotCarryMinor);
            }
            long winners = winnersPerTier.getOrDefault(tier.getKey(), 0L);
            if (winners > 0) {
                long share = pool / winners;
                perWinner.put(tier.getKey(), share);
                paid = Math.addExact(paid, Math.multiplyExact(share, winners));
            } else if (tier.getKey() == jackpotTier) {
                rollover = pool;
            }
        }
        long houseKeeps = salesMinor + jackpotCarryMinor - paid - rollover;
        if (houseKeeps < 0) {
            throw new IllegalStateException("shares would pay out more than the draw holds");
        }
        return new Shares(perWinner, rollover, paid, houseKeeps);
    }
}
