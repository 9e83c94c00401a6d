package io.fairdraw.payout;

import java.util.Map;

/**
 * What settling a draw will do, decided once and stored before any money moves, so every part
 * and every retry works from the same figures: the kind (fixed odds, lotto, refund), the parts,
 * the sales, and for lotto the share per winner of each tier, the jackpot carried in and rolled out.
 */
public record Plan(String drawId, Kind kind, int parts, long salesMinor, Map<Integer, Long> sharePerWinner, long jackpotCarryMinor,
        long rolloverMinor) {

    public enum Kind { FIXED_ODDS, LOTTO, REFUND }

    public Plan {
        sharePerWinner = Map.copyOf(sharePerWinner);
    }
}
