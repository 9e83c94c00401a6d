package io.fairdraw.model.fairness.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * NIST SP 800-22 rev1a section 2.4, the test for the longest run of ones in a block: is the
 * longest run of ones within M-bit blocks as long as in a random sequence? {@code classCounts}
 * are v_0 ... v_K; bits after the last whole block are discarded.
 */
public record LongestRunOfOnes(ClassTable table, int blocks, List<Long> classCounts, double chiSquare, double pValue) {

    public LongestRunOfOnes {
        classCounts = List.copyOf(classCounts);
    }

    /** Section 2.4.2: M chosen by n, with the class probabilities the document gives. */
    public static LongestRunOfOnes of(BitSequence bits) {
        return of(bits, ClassTable.forLength(bits.length()));
    }

    /** Section 2.4.4: χ² = Σ (v_i − Nπ_i)² / (Nπ_i) over the K + 1 classes, P = igamc(K/2, χ²/2). */
    public static LongestRunOfOnes of(BitSequence bits, ClassTable table) {
        int m = table.blockLength();
        if (bits.length() < m) {
            throw new IllegalArgumentException("at least one block of " + m + " bits, not " + bits.length());
        }
        int blocks = bits.length() / m;
        long[] counts = new long[table.probabilities().size()];
        for (int block = 0; block < blocks; block++) {
            counts[table.classOf(longestRun(bits, block * m, m))]++;
        }
        double chiSquare = 0;
        List<Long> classCounts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double expected = blocks * table.probabilities().get(i);
            chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
            classCounts.add(counts[i]);
        }
        double k = counts.length - 1;
        return new LongestRunOfOnes(table, blocks, classCounts, chiSquare, SpecialFunctions.igamc(k / 2, chiSquare / 2));
    }

    private static int longestRun(BitSequence bits, int from, int length) {
        int longest = 0;
        int run = 0;
        for (int i = from; i < from + length; i++) {
            run = bits.bit(i) == 1 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * The classes of section 2.4.4 for one block length M: v_0 counts blocks whose longest run is
     * at most {@code lowestClass}, v_i those whose longest run is lowestClass + i, and v_K those
     * whose longest run is lowestClass + K or more; π_i is the probability of class i.
     */
    public record ClassTable(int blockLength, int lowestClass, List<Double> probabilities) {
        /** Section 3.4, M = 8, K = 3 (n >= 128). */
        public static final ClassTable M8 = new ClassTable(8, 1, List.of(0.2148, 0.3672, 0.2305, 0.1875));
        /** Section 3.4, M = 128, K = 5 (n >= 6272). */
        public static final ClassTable M128 = new ClassTable(128, 4,
            List.of(0.1174, 0.2430, 0.2493, 0.1752, 0.1027, 0.1124));
        /**
         * Section 3.4, M = 10^4, K = 6 (n >= 750,000). These four-digit values are the document's;
         * they differ from the exact probabilities ({@link #exact}) by up to 0.0016 (π_0), which
         * adds about 5·10^-5 per block to the expected χ² (see docs/fairness/statistics.md).
         */
        public static final ClassTable M10000 = new ClassTable(10_000, 10,
            List.of(0.0882, 0.2092, 0.2483, 0.1933, 0.1208, 0.0675, 0.0727));

        public ClassTable {
            probabilities = List.copyOf(probabilities);
            if (blockLength < 1 || lowestClass < 0 || probabilities.size() < 2) {
                throw new IllegalArgumentException("a block length, a lowest class and at least two classes");
            }
            double total = probabilities.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(total - 1) > 1e-9 || probabilities.stream().anyMatch(p -> !(p > 0))) {
                throw new IllegalArgumentException("class probabilities are positive and sum to 1: " + probabilities);
            }
        }

        /** Section 2.4.2: the table for n bits. */
        public static ClassTable forLength(int n) {
            if (n >= 750_000) {
                return M10000;
            }
            if (n >= 6_272) {
                return M128;
            }
            if (n >= 128) {
                return M8;
            }
            throw new IllegalArgumentException("the longest-run test needs n >= 128, not " + n);
        }

        /**
         * The exact class probabilities for random M-bit blocks. F_r(n), the probability that n
         * random bits hold no run of more than r ones, is 1 for n &lt;= r and otherwise
         * Σ_{j=0..r} 2^-(j+1) F_r(n − j − 1): the sequence starts with j ones and a zero.
         */
        public static ClassTable exact(int blockLength, int lowestClass, int classes) {
            List<Double> probabilities = new ArrayList<>();
            double below = 0;
            for (int i = 0; i < classes - 1; i++) {
                double atMost = noRunLongerThan(lowestClass + i, blockLength);
                probabilities.add(atMost - below);
                below = atMost;
            }
            probabilities.add(1 - below);
            return new ClassTable(blockLength, lowestClass, probabilities);
        }

        int classOf(int longestRun) {
            return Math.min(Math.max(longestRun - lowestClass, 0), probabilities.size() - 1);
        }

        private static double noRunLongerThan(int r, int n) {
            double[] f = new double[n + 1];
            for (int length = 0; length <= n; length++) {
                if (length <= r) {
                    f[length] = 1;
                    continue;
                }
                double half = 0.5;
                for (int j = 0; j <= r; j++, half /= 2) {
                    f[length] += half * f[length - j - 1];
                }
            }
            return f[n];
        }
    }
}
