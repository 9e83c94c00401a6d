package io.fairdraw.model.game;

import io.fairdraw.model.money.CurrencyCode;
import java.util.Map;
import java.util.Objects;

/**
 * Pick-K-of-N lotto in one version. Each tier (by numbers matched) gets a share of sales, in
 * basis points, split among its winners; the top tier is the jackpot, which rolls over to the
 * next draw when nobody wins it. What the shares leave is the house's.
 */
public record LottoGame(String id, int version, String name, CurrencyCode currency, DrawSchedule schedule, int pick, int of,
        long linePriceMinor, Map<Integer, Integer> tierShareBasisPoints) implements Game {

    public LottoGame {
        GameIds.require(id);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(schedule, "schedule");
        tierShareBasisPoints = Map.copyOf(tierShareBasisPoints);
        if (version < 1 || pick < 1 || pick > of || of > 99 || linePriceMinor <= 0) {
            throw new IllegalArgumentException("lotto picks 1..N of N <= 99 numbers at a positive price");
        }
        int total = 0;
        for (var tier : tierShareBasisPoints.entrySet()) {
            if (tier.getKey() < 1 || tier.getKey() > pick || tier.getValue() <= 0) {
                throw new IllegalArgumentException("a tier is 1.." + pick + " matches with a positive share");
            }
            total += tier.getValue();
        }
        if (!tierShareBasisPoints.containsKey(pick) || total > 10_000) {
            throw new IllegalArgumentException("the jackpot tier exists and the shares total at most 100%");
        }
    }

    public int jackpotTier() {
        return pick;
    }
}
