package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fairdraw.model.fairness.stats.LongestRunOfOnes.ClassTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of NIST SP 800-22 rev1a, section by section: the short example of each
 * test description (2.x.4) and the 100-bit example (2.x.8), whose ε is the first 100 bits of the
 * binary expansion of π. The document prints P-values to six decimals.
 */
class NistWorkedExamplesTest {
    static final BitSequence PI_100 = BitSequence.parse(
        "1100100100001111110110101010001000100001011010001100001000110100110001001100011001100010100010111000");
    static final double SIX_DECIMALS = 5e-7;

    @Test
    void frequencyTestSection21() {
        Frequency short10 = Frequency.of(BitSequence.parse("1011010101"));
        assertThat(short10.sum()).isEqualTo(2);
        assertThat(short10.statistic()).isCloseTo(0.632455532, within(5e-10));
        assertThat(short10.pValue()).isCloseTo(0.527089, within(SIX_DECIMALS));

        Frequency pi = Frequency.of(PI_100);
        assertThat(pi.sum()).isEqualTo(-16);
        assertThat(pi.statistic()).isCloseTo(1.6, within(1e-15));
        assertThat(pi.pValue()).isCloseTo(0.109599, within(SIX_DECIMALS));
    }

    @Test
    void frequencyWithinABlockSection22() {
        BlockFrequency short10 = BlockFrequency.of(BitSequence.parse("0110011010"), 3);
        assertThat(short10.blocks()).isEqualTo(3);
        assertThat(short10.chiSquare()).isCloseTo(1.0, within(1e-15));
        assertThat(short10.pValue()).isCloseTo(0.801252, within(SIX_DECIMALS));

        BlockFrequency pi = BlockFrequency.of(PI_100, 10);
        assertThat(pi.chiSquare()).isCloseTo(7.2, within(1e-14));
        assertThat(pi.pValue()).isCloseTo(0.706438, within(SIX_DECIMALS));
    }

    @Test
    void runsTestSection23() {
        Runs short10 = Runs.of(BitSequence.parse("1001101011"));
        assertThat(short10.proportionOfOnes()).isEqualTo(0.6);
        assertThat(short10.runs()).isEqualTo(7);
        assertThat(short10.pValue()).isCloseTo(0.147232, within(SIX_DECIMALS));

        Runs pi = Runs.of(PI_100);
        assertThat(pi.proportionOfOnes()).isEqualTo(0.42);
        assertThat(pi.runs()).isEqualTo(52);
        assertThat(pi.pValue()).isCloseTo(0.500798, within(SIX_DECIMALS));
    }

    @Test
    void runsTestIsNotRunWhenTheFrequencyPrerequisiteFails() {
        // Section 2.3.4 step 2: |π − 1/2| >= 2/√n, here 0.3 >= 0.2, gives P-value 0.
        assertThat(Runs.of(BitSequence.parse("1".repeat(80) + "0".repeat(20))).pValue()).isZero();
    }

    @Test
    void longestRunOfOnesSection24() {
        BitSequence bits = BitSequence.parse("11001100000101010110110001001100111000000000001001001101010100010001"
            + "001111010110100000001101011111001100111001101101100010110010");
        LongestRunOfOnes result = LongestRunOfOnes.of(bits);
        assertThat(result.table()).isEqualTo(ClassTable.M8);
        assertThat(result.blocks()).isEqualTo(16);
        assertThat(result.classCounts()).containsExactly(4L, 9L, 3L, 0L);
        assertThat(result.chiSquare()).isCloseTo(4.882605, within(SIX_DECIMALS));
        // The document prints P-value = 0.180609, but igamc(3/2, 4.882605/2) is 0.180598: its
        // P-value was computed with the exact probabilities 55/256, 94/256, 59/256, 48/256
        // (χ² = 4.882457), its χ² with the four-digit table of section 3.4. Both are reproduced.
        assertThat(result.pValue()).isCloseTo(0.180598, within(SIX_DECIMALS));
        LongestRunOfOnes exact = LongestRunOfOnes.of(bits, ClassTable.exact(8, 1, 4));
        assertThat(exact.chiSquare()).isCloseTo(4.882457, within(SIX_DECIMALS));
        assertThat(exact.pValue()).isCloseTo(0.180609, within(SIX_DECIMALS));
    }

    @Test
    void approximateEntropySection212() {
        // In 2.12.4 the document prints χ² = 0.502193, which is ln 2 − ApEn(3) without the factor
        // 2n; 2n (ln 2 − ApEn) = 10.043859 is the χ² its P-value of 0.261961 follows from.
        ApproximateEntropy short10 = ApproximateEntropy.of(BitSequence.parse("0100110101"), 3);
        assertThat(short10.approximateEntropy()).isCloseTo(0.190954, within(SIX_DECIMALS));
        assertThat(short10.chiSquare()).isCloseTo(10.043859, within(1e-6));
        assertThat(short10.pValue()).isCloseTo(0.261961, within(SIX_DECIMALS));

        ApproximateEntropy pi = ApproximateEntropy.of(PI_100, 2);
        assertThat(pi.approximateEntropy()).isCloseTo(0.665393, within(SIX_DECIMALS));
        assertThat(pi.chiSquare()).isCloseTo(5.550792, within(SIX_DECIMALS));
        assertThat(pi.pValue()).isCloseTo(0.235301, within(SIX_DECIMALS));
    }

    @Test
    void cumulativeSumsSection213() {
        CumulativeSums short10 = CumulativeSums.of(BitSequence.parse("1011010111"));
        assertThat(short10.forwardMaximum()).isEqualTo(4);
        // Printed as 0.4116588; the document's formula evaluates to 0.41165862, six decimals agree.
        assertThat(short10.forwardPValue()).isCloseTo(0.4116588, within(SIX_DECIMALS));

        CumulativeSums pi = CumulativeSums.of(PI_100);
        assertThat(List.of(pi.forwardMaximum(), pi.backwardMaximum())).containsExactly(16L, 19L);
        assertThat(pi.forwardPValue()).isCloseTo(0.219194, within(SIX_DECIMALS));
        assertThat(pi.backwardPValue()).isCloseTo(0.114866, within(SIX_DECIMALS));
    }
}
