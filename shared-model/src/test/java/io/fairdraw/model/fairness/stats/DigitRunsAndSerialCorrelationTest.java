package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitRunsAndSerialCorrelationTest {
    static final int N = 1_000_000;

    @Test
    void runsAreCountedAndComparedWithTheirBinomialLaw() {
        DigitRuns runs = DigitRuns.of(new byte[] {1, 1, 2, 2, 2, 3}, 10);
        assertThat(runs.runs()).isEqualTo(3);
        // 2 changes among 5 pairs, against 5 · 0.9 expected with variance 5 · 0.9 · 0.1.
        assertThat(runs.z()).isCloseTo((2 - 4.5) / Math.sqrt(0.45), within(1e-12));
        assertThat(runs.pValue()).isCloseTo(SpecialFunctions.erfc(Math.abs(runs.z()) / Math.sqrt(2)), within(1e-15));
    }

    @Test
    void serialCorrelationUsesTheKnownMeanAndVarianceOfUniformDigits() {
        // Deviations from 4.5 alternate between -4.5 and +4.5: three products of -20.25.
        SerialCorrelation serial = SerialCorrelation.of(new byte[] {0, 9, 0, 9}, 10);
        assertThat(serial.coefficient()).isCloseTo(-60.75 / (3 * 8.25), within(1e-12));
        assertThat(serial.z()).isCloseTo(-60.75 / (8.25 * Math.sqrt(3)), within(1e-12));
    }

    @Test
    void independentUniformDigitsPassBothTests() {
        byte[] digits = digits(new SplittableRandom(10), 0);
        assertThat(DigitRuns.of(digits, 10).pValue()).isGreaterThan(0.001);
        assertThat(SerialCorrelation.of(digits, 10).pValue()).isGreaterThan(0.001);
    }

    @Test
    void digitsThatRepeatTooOftenFailTheRunsTest() {
        // One digit in a hundred copies its predecessor: still uniform, no longer independent.
        byte[] digits = digits(new SplittableRandom(11), 0.01);
        assertThat(DigitRuns.of(digits, 10).pValue()).isLessThan(1e-6);
    }

    @Test
    void digitsThatFollowTheirPredecessorFailTheSerialCorrelationTest() {
        SplittableRandom random = new SplittableRandom(12);
        byte[] digits = new byte[N];
        for (int i = 1; i < N; i++) {
            // Mostly uniform, sometimes the predecessor's neighbour: positively correlated.
            digits[i] = (byte) (random.nextDouble() < 0.02 ? Math.min(9, digits[i - 1] + 1) : random.nextInt(10));
        }
        assertThat(SerialCorrelation.of(digits, 10).pValue()).isLessThan(1e-6);
    }

    @Test
    void digitsOutsideTheBaseAreRefused() {
        assertThatThrownBy(() -> DigitRuns.of(new byte[] {1, 10}, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialCorrelation.of(new byte[] {1, -1}, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigitRuns.of(new byte[] {1}, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigitRuns.of(new byte[] {0, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] digits(SplittableRandom random, double copyProbability) {
        byte[] digits = new byte[N];
        for (int i = 0; i < N; i++) {
            boolean copy = i > 0 && random.nextDouble() < copyProbability;
            digits[i] = copy ? digits[i - 1] : (byte) random.nextInt(10);
        }
        return digits;
    }
}
