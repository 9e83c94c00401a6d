package io.fairdraw.model.fairness.stats;

/**
 * NIST SP 800-22 rev1a section 2.2, the frequency test within a block: is the proportion of ones
 * in each M-bit block near 1/2? Bits after the last whole block are discarded.
 */
public record BlockFrequency(int blockLength, int blocks, double chiSquare, double pValue) {
    /** The block length of NIST's reference implementation, used by the draw statistics. */
    public static final int SUITE_BLOCK_LENGTH = 128;

    /**
     * Section 2.2.4: χ² = 4M Σ (π_i − 1/2)² over the N blocks, P = igamc(N/2, χ²/2). Each term is
     * computed as (2·ones − M)² / M, which is the same number kept in integers until the last step.
     */
    public static BlockFrequency of(BitSequence bits, int blockLength) {
        if (blockLength < 1 || blockLength > bits.length()) {
            throw new IllegalArgumentException("block length 1.." + bits.length() + ", not " + blockLength);
        }
        int blocks = bits.length() / blockLength;
        long sumOfSquares = 0;
        for (int block = 0; block < blocks; block++) {
            int from = block * blockLength;
            long deviation = 2 * bits.ones(from, from + blockLength) - blockLength;
            sumOfSquares += deviation * deviation;
        }
        double chiSquare = (double) sumOfSquares / blockLength;
        return new BlockFrequency(blockLength, blocks, chiSquare, SpecialFunctions.igamc(blocks / 2.0, chiSquare / 2));
    }
}
