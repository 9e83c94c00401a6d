package io.fairdraw.model.fairness.stats;

/** The checks every digit-sequence test makes on its input. */
final class Digits {
    /** Base 2 to 100: the games draw digits (10) and lotto numbers (49). */
    static final int MAX_BASE = 100;

    private Digits() {
    }

    static void check(byte[] digits, int base) {
        if (base < 2 || base > MAX_BASE) {
            throw new IllegalArgumentException("base 2.." + MAX_BASE + ", not " + base);
        }
        if (digits.length < 2) {
            throw new IllegalArgumentException("at least two digits");
        }
        for (int i = 0; i < digits.length; i++) {
            if (digits[i] < 0 || digits[i] >= base) {
                throw new IllegalArgumentException("digit " + digits[i] + " at " + i + " is not in base " + base);
            }
        }
    }
}
