package io.fairdraw.model.game;

import io.fairdraw.model.money.Money;

/**
 * What a bet type pays and costs in one game version. The multiplier is in thousandths (70x is
 * 70,000; colok bebas's 1.5x is 1,500) so no fraction is ever a float; the discount is in basis
 * points off the stake. A sold ticket keeps the terms it was sold under.
 */
public record BetTerms(long multiplierMilli, int discountBasisPoints, long minStakeMinor, long maxStakeMinor,
        long liabilityLimitMinor) {

    public BetTerms {
        if (multiplierMilli <= 0 || discountBasisPoints < 0 || discountBasisPoints >= 10_000) {
            throw new IllegalArgumentException("a multiplier is positive and a discount below 100%");
        }
        if (minStakeMinor <= 0 || maxStakeMinor < minStakeMinor || liabilityLimitMinor <= 0) {
            throw new IllegalArgumentException("stake bounds are positive and ordered; a liability limit is positive");
        }
    }

    /**
     * What the player pays for a stake: the stake less the discount, the discount rounded down so
     * a fraction of a minor unit is never given away.
     */
    public Money price(Money stake) {
        return stake.minus(new Money(Math.multiplyExact(stake.amountMinor(), discountBasisPoints) / 10_000, stake.currency()));
    }

    /** What a win pays for a stake won {@code units} times: stake × multiplier × units, rounded down. */
    public Money payout(Money stake, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units won are never negative");
        }
        long milli = Math.multiplyExact(Math.multiplyExact(stake.amountMinor(), multiplierMilli), units);
        return new Money(milli / 1_000, stake.currency());
    }

    /** The most one line can win: what a liability budget must hold for it. */
    public Money maxPayout(Money stake, int maxUnits) {
        return payout(stake, maxUnits);
    }

    public boolean admits(Money stake) {
        return stake.amountMinor() >= minStakeMinor && stake.amountMinor() <= maxStakeMinor;
    }
}
