package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each NIST test accepts a good generator's bits and rejects the pattern it exists to see, while
 * the tests that are blind to that pattern still accept it. 2^20 bits each, seeded.
 */
class NistSubsetRejectsPatternsTest {
    static final int N = 1 << 20;
    static final double ALPHA = 0.001;
    static final double REJECTED = 1e-6;

    @Test
    void aGoodGeneratorPassesEveryTest() {
        SplittableRandom random = new SplittableRandom(800_22);
        StreamFindings findings = StreamFindings.of(BitSequence.ofWords32(N / 32, () -> random.nextLong(1L << 32)));
        assertThat(findings.pValues()).allSatisfy(p -> assertThat(p.value()).as(p.test()).isGreaterThanOrEqualTo(ALPHA));
    }

    @Test
    void biasedBitsFailTheFrequencyTestAndSkipTheRunsTest() {
        BitSequence bits = bits(new SplittableRandom(1), (random, i, previous) -> random.nextDouble() < 0.505 ? 1 : 0);
        assertThat(Frequency.of(bits).pValue()).isLessThan(REJECTED);
        assertThat(Runs.of(bits).pValue()).isZero(); // |π − 1/2| >= 2/√n
    }

    @Test
    void stickyBitsFailTheRunsTestButNotTheFrequencyTest() {
        BitSequence bits = bits(new SplittableRandom(2),
            (random, i, previous) -> random.nextDouble() < 0.51 ? previous : 1 - previous);
        assertThat(Runs.of(bits).pValue()).isLessThan(REJECTED);
        assertThat(Frequency.of(bits).pValue()).isGreaterThan(ALPHA);
    }

    @Test
    void blocksThatAlternateInDensityFailTheBlockFrequencyTestButNotTheFrequencyTest() {
        BitSequence bits = bits(new SplittableRandom(3),
            (random, i, previous) -> random.nextDouble() < ((i / 128) % 2 == 0 ? 0.55 : 0.45) ? 1 : 0);
        assertThat(BlockFrequency.of(bits, 128).pValue()).isLessThan(REJECTED);
        assertThat(Frequency.of(bits).pValue()).isGreaterThan(ALPHA);
    }

    @Test
    void aLongRunPlantedInEveryBlockFailsTheLongestRunTest() {
        BitSequence bits = bits(new SplittableRandom(4),
            (random, i, previous) -> i % 10_000 < 17 ? 1 : random.nextInt(2));
        assertThat(LongestRunOfOnes.of(bits).pValue()).isLessThan(REJECTED);
    }

    @Test
    void aWalkThatDriftsAwayAndBackFailsTheCumulativeSumsButNotTheFrequencyTest() {
        BitSequence bits = bits(new SplittableRandom(5),
            (random, i, previous) -> random.nextDouble() < (i < N / 2 ? 0.51 : 0.49) ? 1 : 0);
        CumulativeSums sums = CumulativeSums.of(bits);
        assertThat(sums.forwardPValue()).isLessThan(REJECTED);
        assertThat(sums.backwardPValue()).isLessThan(REJECTED);
        assertThat(Frequency.of(bits).pValue()).isGreaterThan(ALPHA);
    }

    @Test
    void aRepeatedBlockFailsTheApproximateEntropyTest() {
        // A reused stream: the same 4,096 random bits over and over.
        SplittableRandom random = new SplittableRandom(6);
        long[] words = new long[128];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong(1L << 32);
        }
        int[] next = {0};
        BitSequence bits = BitSequence.ofWords32(N / 32, () -> words[next[0]++ % words.length]);
        assertThat(ApproximateEntropy.of(bits, 10).pValue()).isLessThan(REJECTED);
    }

    interface BitRule {
        int next(SplittableRandom random, int index, int previous);
    }

    private static BitSequence bits(SplittableRandom random, BitRule rule) {
        StringBuilder text = new StringBuilder(N);
        int previous = 0;
        for (int i = 0; i < N; i++) {
            previous = rule.next(random, i, previous);
            text.append(previous);
        }
        return BitSequence.parse(text.toString());
    }
}
