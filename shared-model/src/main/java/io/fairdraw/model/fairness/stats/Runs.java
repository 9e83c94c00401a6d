package io.fairdraw.model.fairness.stats;

/**
 * NIST SP 800-22 rev1a section 2.3, the runs test: do ones and zeros alternate as often as in a
 * random sequence? {@code runs} is V_n(obs), the number of maximal blocks of equal bits.
 */
public record Runs(double proportionOfOnes, long runs, double pValue) {

    /**
     * Section 2.3.4. The frequency prerequisite comes first (step 2): when |π − 1/2| >= τ = 2/√n
     * the runs test is not run and its P-value is 0, as the document prescribes.
     */
    public static Runs of(BitSequence bits) {
        int n = bits.length();
        double pi = (double) bits.ones() / n;
        long runs = 1 + changes(bits);
        if (Math.abs(pi - 0.5) >= 2 / Math.sqrt(n)) {
            return new Runs(pi, runs, 0);
        }
        double spread = 2 * Math.sqrt(2.0 * n) * pi * (1 - pi);
        double pValue = SpecialFunctions.erfc(Math.abs(runs - 2.0 * n * pi * (1 - pi)) / spread);
        return new Runs(pi, runs, pValue);
    }

    /** Σ r(k) of step 3: positions k where ε_k and ε_(k+1) differ. */
    private static long changes(BitSequence bits) {
        long changes = 0;
        int previous = bits.bit(0);
        for (int i = 1; i < bits.length(); i++) {
            int bit = bits.bit(i);
            changes += bit ^ previous;
            previous = bit;
        }
        return changes;
    }
}
