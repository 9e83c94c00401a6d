package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

    @Test
    void theStatisticIsPearsonsAndThePValueItsChiSquareTail() {
        ChiSquare chi = ChiSquare.ofUniform(new long[] {10, 20, 30});
        assertThat(chi.statistic()).isEqualTo(10.0);
        assertThat(chi.degreesOfFreedom()).isEqualTo(2);
        assertThat(chi.pValue()).isCloseTo(Math.exp(-5), within(1e-15)); // χ²(2) has tail e^(-x/2)
    }

    @Test
    void countsExactlyAsExpectedHavePValueOne() {
        ChiSquare chi = ChiSquare.of(new long[] {25, 75}, new double[] {25, 75});
        assertThat(chi.statistic()).isZero();
        assertThat(chi.pValue()).isEqualTo(1.0);
    }

    @Test
    void skewedCountsAreRejectedAndFairOnesAreNot() {
        assertThat(ChiSquare.ofUniform(new long[] {1150, 1000, 1000, 850}).pValue()).isLessThan(1e-4);
        SplittableRandom random = new SplittableRandom(7);
        long[] counts = new long[10];
        for (int i = 0; i < 100_000; i++) {
            counts[random.nextInt(10)]++;
        }
        assertThat(ChiSquare.ofUniform(counts).pValue()).isGreaterThan(0.001);
    }

    @Test
    void picksWithoutReplacementAreRescaledToTheChiSquareTheyAreComparedWith() {
        // 2,000 seeded experiments of 500 lotto 6/49 draws. Pearson's statistic averages
        // 43 = (49 - 6)/(49 - 1) · 48; rescaled, it averages 48, the mean of χ²(48), and its
        // p-value falls below 0.05 about 5% of the time.
        SplittableRandom random = new SplittableRandom(49);
        int experiments = 2_000;
        double pearsonSum = 0;
        double rescaledSum = 0;
        int below5Percent = 0;
        for (int e = 0; e < experiments; e++) {
            long[] counts = lottoCounts(random, 500);
            pearsonSum += ChiSquare.ofUniform(counts).statistic();
            ChiSquare rescaled = ChiSquare.ofPicksWithoutReplacement(counts, 6);
            rescaledSum += rescaled.statistic();
            below5Percent += rescaled.pValue() < 0.05 ? 1 : 0;
        }
        // Standard errors: 8.8 / √2000 = 0.2 for the means, 0.005 for the proportion.
        assertThat(pearsonSum / experiments).isCloseTo(43, within(1.0));
        assertThat(rescaledSum / experiments).isCloseTo(48, within(1.0));
        assertThat((double) below5Percent / experiments).isCloseTo(0.05, within(0.02));
    }

    @Test
    void malformedCountsAreRefused() {
        assertThatThrownBy(() -> ChiSquare.ofUniform(new long[] {5})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquare.of(new long[] {5, 5}, new double[] {5, 0}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquare.of(new long[] {5, -1}, new double[] {2, 2}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquare.ofPicksWithoutReplacement(new long[] {1, 1, 1}, 3))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquare.ofPicksWithoutReplacement(new long[] {1, 1, 1}, 2))
            .as("3 picks are not whole draws of 2").isInstanceOf(IllegalArgumentException.class);
    }

    /** Partial Fisher-Yates: six distinct numbers per draw. */
    private static long[] lottoCounts(SplittableRandom random, int draws) {
        long[] counts = new long[49];
        int[] pool = new int[49];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < pool.length; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < 6; i++) {
                int j = i + random.nextInt(pool.length - i);
                int picked = pool[j];
                pool[j] = pool[i];
                pool[i] = picked;
                counts[picked]++;
            }
        }
        return counts;
    }
}
