package io.fairdraw.model.fairness.stats;

/**
 * NIST SP 800-22 rev1a section 2.1, the frequency (monobit) test: are ones and zeros equally
 * frequent? {@code sum} is S_n = Σ (2ε_i − 1), {@code statistic} is s_obs = |S_n| / √n.
 */
public record Frequency(int length, long sum, double statistic, double pValue) {

    /** Section 2.1.4, steps 1 to 3. The document recommends n >= 100 (2.1.7). */
    public static Frequency of(BitSequence bits) {
        int n = bits.length();
        long sum = 2 * bits.ones() - n;
        double statistic = Math.abs(sum) / Math.sqrt(n);
        return new Frequency(n, sum, statistic, SpecialFunctions.erfc(statistic / Math.sqrt(2)));
    }
}
