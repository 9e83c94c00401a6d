package io.fairdraw.model.fairness.stats;

import java.util.List;
import java.util.Locale;

/**
 * The NIST SP 800-22 rev1a subset over one bit sequence, with the parameters the draw statistics
 * use: frequency, block frequency (M = 128), runs, longest run of ones (M by n, section 2.4.2),
 * cumulative sums forward and backward, and approximate entropy (m = 10).
 */
public record StreamFindings(int bits, Frequency frequency, BlockFrequency blockFrequency, Runs runs,
                             LongestRunOfOnes longestRun, CumulativeSums cumulativeSums,
                             ApproximateEntropy approximateEntropy) {

    public static StreamFindings of(BitSequence bits) {
        return new StreamFindings(bits.length(), Frequency.of(bits),
            BlockFrequency.of(bits, BlockFrequency.SUITE_BLOCK_LENGTH), Runs.of(bits), LongestRunOfOnes.of(bits),
            CumulativeSums.of(bits), ApproximateEntropy.of(bits, ApproximateEntropy.SUITE_BLOCK_LENGTH));
    }

    public List<PValue> pValues() {
        return List.of(
            new PValue("NIST 2.1 frequency (monobit)",
                String.format(Locale.ROOT, "S_n = %d, s_obs = %.4f", frequency.sum(), frequency.statistic()), frequency.pValue()),
            new PValue("NIST 2.2 frequency within a block, M = " + blockFrequency.blockLength(),
                String.format(Locale.ROOT, "χ² = %.1f, N = %d", blockFrequency.chiSquare(), blockFrequency.blocks()),
                blockFrequency.pValue()),
            new PValue("NIST 2.3 runs",
                String.format(Locale.ROOT, "V_n = %d, π = %.6f", runs.runs(), runs.proportionOfOnes()), runs.pValue()),
            new PValue("NIST 2.4 longest run of ones, M = " + longestRun.table().blockLength(),
                String.format(Locale.ROOT, "χ² = %.3f, N = %d, v = %s", longestRun.chiSquare(), longestRun.blocks(),
                    longestRun.classCounts()), longestRun.pValue()),
            new PValue("NIST 2.13 cumulative sums, forward",
                "z = " + cumulativeSums.forwardMaximum(), cumulativeSums.forwardPValue()),
            new PValue("NIST 2.13 cumulative sums, backward",
                "z = " + cumulativeSums.backwardMaximum(), cumulativeSums.backwardPValue()),
            new PValue("NIST 2.12 approximate entropy, m = " + approximateEntropy.blockLength(),
                String.format(Locale.ROOT, "χ² = %.1f, ApEn = %.9f", approximateEntropy.chiSquare(),
                    approximateEntropy.approximateEntropy()), approximateEntropy.pValue()));
    }
}
