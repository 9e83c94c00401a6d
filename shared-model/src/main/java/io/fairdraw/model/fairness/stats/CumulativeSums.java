package io.fairdraw.model.fairness.stats;

/**
 * NIST SP 800-22 rev1a section 2.13, the cumulative sums (cusum) test: does the random walk of
 * the partial sums of X_i = 2ε_i − 1 stray from zero as far as a random walk does? It is run
 * forward (mode 0) and backward (mode 1, the same walk started from the last bit); {@code
 * forwardMaximum} and {@code backwardMaximum} are the two values of z = max |S_k|.
 */
public record CumulativeSums(long forwardMaximum, long backwardMaximum, double forwardPValue, double backwardPValue) {

    /** Section 2.13.4, both modes. */
    public static CumulativeSums of(BitSequence bits) {
        int n = bits.length();
        long forward = maximumExcursion(bits, false);
        long backward = maximumExcursion(bits, true);
        return new CumulativeSums(forward, backward, pValue(n, forward), pValue(n, backward));
    }

    /** Steps 1 to 3: z = max over k of |S_k|, the partial sums taken from the first or the last bit. */
    private static long maximumExcursion(BitSequence bits, boolean backward) {
        int n = bits.length();
        long sum = 0;
        long maximum = 0;
        for (int k = 0; k < n; k++) {
            sum += 2 * bits.bit(backward ? n - 1 - k : k) - 1;
            maximum = Math.max(maximum, Math.abs(sum));
        }
        return maximum;
    }

    /**
     * Step 4: P = 1 − Σ_k [Φ((4k+1)z/√n) − Φ((4k−1)z/√n)] + Σ_k [Φ((4k+3)z/√n) − Φ((4k+1)z/√n)],
     * the first sum for k from (−n/z + 1)/4 to (n/z − 1)/4 and the second from (−n/z − 3)/4 to
     * (n/z − 1)/4. k runs over the integers between these bounds (the lower rounded up, the
     * upper down), which is what reproduces the document's example P-value of 0.4116588.
     */
    static double pValue(int n, long z) {
        if (z == 0) {
            throw new IllegalArgumentException("z is at least 1 for a non-empty sequence");
        }
        double ratio = (double) n / z;
        double scale = z / Math.sqrt(n);
        long upper = (long) Math.floor((ratio - 1) / 4);
        double first = 0;
        for (long k = (long) Math.ceil((-ratio + 1) / 4); k <= upper; k++) {
            first += SpecialFunctions.normalCdf((4 * k + 1) * scale) - SpecialFunctions.normalCdf((4 * k - 1) * scale);
        }
        double second = 0;
        for (long k = (long) Math.ceil((-ratio - 3) / 4); k <= upper; k++) {
            second += SpecialFunctions.normalCdf((4 * k + 3) * scale) - SpecialFunctions.normalCdf((4 * k + 1) * scale);
        }
        return 1 - first + second;
    }
}
