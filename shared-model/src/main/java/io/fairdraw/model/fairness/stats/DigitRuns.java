package io.fairdraw.model.fairness.stats;

/**
 * The runs test for a sequence of digits in base b, the counterpart of SP 800-22's runs test
 * (section 2.3) for b symbols: a run is a maximal block of equal digits. For independent uniform
 * digits each of the n − 1 neighbouring pairs differs with probability q = (b − 1)/b,
 * independently of the others (whatever the earlier digits, the next one differs from its
 * predecessor with probability q), so runs − 1 is exactly Binomial(n − 1, q). The p-value is
 * two-sided, from the normal approximation: too few runs means digits repeat, too many means
 * they avoid repeating.
 */
public record DigitRuns(long length, long runs, double z, double pValue) {

    public static DigitRuns of(byte[] digits, int base) {
        Digits.check(digits, base);
        long changes = 0;
        for (int i = 1; i < digits.length; i++) {
            changes += digits[i] != digits[i - 1] ? 1 : 0;
        }
        double pairs = digits.length - 1;
        double q = (base - 1.0) / base;
        double z = (changes - pairs * q) / Math.sqrt(pairs * q * (1 - q));
        return new DigitRuns(digits.length, changes + 1, z, SpecialFunctions.erfc(Math.abs(z) / Math.sqrt(2)));
    }
}
