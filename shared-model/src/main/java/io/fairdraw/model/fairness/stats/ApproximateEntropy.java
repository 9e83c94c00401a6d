package io.fairdraw.model.fairness.stats;

/**
 * NIST SP 800-22 rev1a section 2.12, the approximate entropy test: are the overlapping m-bit and
 * (m+1)-bit patterns as evenly spread as in a random sequence? {@code approximateEntropy} is
 * ApEn(m) = φ(m) − φ(m+1), {@code chiSquare} is χ² = 2n (ln 2 − ApEn(m)).
 */
public record ApproximateEntropy(int blockLength, double approximateEntropy, double chiSquare, double pValue) {
    /** Within the document's recommendation m &lt; ⌊log2 n⌋ − 5 (2.12.7) from n = 2^16 bits. */
    public static final int SUITE_BLOCK_LENGTH = 10;
    /** 2^21 counters for m + 1 = 21 stay small; larger m would need more bits than we test. */
    public static final int MAX_BLOCK_LENGTH = 20;

    /** Section 2.12.4, steps 1 to 6; P = igamc(2^(m−1), χ²/2). */
    public static ApproximateEntropy of(BitSequence bits, int blockLength) {
        if (blockLength < 1 || blockLength > MAX_BLOCK_LENGTH || blockLength >= bits.length()) {
            throw new IllegalArgumentException("m is 1.." + MAX_BLOCK_LENGTH + " and below n, not " + blockLength);
        }
        int n = bits.length();
        double approximateEntropy = phi(bits, blockLength) - phi(bits, blockLength + 1);
        double chiSquare = 2.0 * n * (Math.log(2) - approximateEntropy);
        double pValue = SpecialFunctions.igamc(Math.pow(2, blockLength - 1), chiSquare / 2);
        return new ApproximateEntropy(blockLength, approximateEntropy, chiSquare, pValue);
    }

    /**
     * Steps 1 to 4: the n overlapping m-bit blocks of the sequence with its first m − 1 bits
     * appended at the end, their frequencies C_i = count / n, and φ(m) = Σ C_i ln C_i.
     */
    private static double phi(BitSequence bits, int m) {
        int n = bits.length();
        int mask = (1 << m) - 1;
        long[] counts = new long[1 << m];
        int window = 0;
        for (int i = 0; i < m - 1; i++) {
            window = (window << 1) | bits.bit(i);
        }
        for (int i = 0; i < n; i++) {
            int next = i + m - 1;
            window = ((window << 1) | bits.bit(next < n ? next : next - n)) & mask;
            counts[window]++;
        }
        double phi = 0;
        for (long count : counts) {
            if (count > 0) {
                double c = (double) count / n;
                phi += c * Math.log(c);
            }
        }
        return phi;
    }
}
