package io.fairdraw.model.fairness.stats;

import java.util.Arrays;

/**
 * Pearson's χ² goodness-of-fit test: {@code statistic} = Σ (O_i − E_i)² / E_i over k categories,
 * compared with the χ² distribution of {@code degreesOfFreedom} = k − 1. The approximation wants
 * every expected count at 5 or more; the callers' sample sizes see to that.
 */
public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {

    public ChiSquare {
        if (!(statistic >= 0) || degreesOfFreedom < 1 || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("χ² >= 0 with >= 1 degree of freedom and a p-value in [0, 1]");
        }
    }

    /** Counts that should be equal in every category. */
    public static ChiSquare ofUniform(long[] counts) {
        if (counts.length < 2) {
            throw new IllegalArgumentException("at least two categories");
        }
        double expected = (double) total(counts) / counts.length;
        double[] expectations = new double[counts.length];
        Arrays.fill(expectations, expected);
        return of(counts, expectations);
    }

    public static ChiSquare of(long[] observed, double[] expected) {
        if (observed.length < 2 || observed.length != expected.length) {
            throw new IllegalArgumentException("at least two categories, as many expected as observed");
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!(expected[i] > 0) || observed[i] < 0) {
                throw new IllegalArgumentException("category " + i + ": expected > 0 and observed >= 0");
            }
            statistic += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        }
        int degreesOfFreedom = observed.length - 1;
        return new ChiSquare(statistic, degreesOfFreedom, pValue(statistic, degreesOfFreedom));
    }

    /**
     * Counts of the numbers 1..N over draws of K distinct numbers each (lotto K/N, every pick
     * counted). The draws are not K independent picks: within a draw the numbers exclude each
     * other, so each count varies less than a multinomial one, and Pearson's statistic follows
     * (N − K)/(N − 1) · χ²(N − 1) rather than χ²(N − 1). (Per draw, the indicators have
     * covariance p(1−p)·N/(N−1)·(I − J/N) with p = K/N; the projection has rank N − 1.) The
     * statistic is rescaled by (N − 1)/(N − K) so that it is compared with the right distribution;
     * unscaled, the test would reject far less often than its stated level.
     */
    public static ChiSquare ofPicksWithoutReplacement(long[] counts, int picksPerDraw) {
        int numbers = counts.length;
        if (picksPerDraw < 1 || picksPerDraw >= numbers || total(counts) % picksPerDraw != 0) {
            throw new IllegalArgumentException("1 <= K < N picks per draw, and whole draws counted");
        }
        ChiSquare pearson = ofUniform(counts);
        double statistic = pearson.statistic() * (numbers - 1) / (numbers - picksPerDraw);
        return new ChiSquare(statistic, numbers - 1, pValue(statistic, numbers - 1));
    }

    /** The upper tail of χ²(df) at the statistic: igamc(df/2, statistic/2). */
    public static double pValue(double statistic, int degreesOfFreedom) {
        return SpecialFunctions.igamc(degreesOfFreedom / 2.0, statistic / 2);
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
