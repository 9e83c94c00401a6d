package io.fairdraw.model.fairness.stats;

/**
 * The lag-1 serial correlation of a sequence of digits in base b, against the hypothesis that
 * the digits are independent and uniform, with mean μ = (b − 1)/2 and variance σ² = (b² − 1)/12.
 * With μ and σ² known, the products Y_i = (x_i − μ)(x_(i+1) − μ) have mean 0 and variance σ⁴,
 * and neighbouring products are uncorrelated, so z = Σ Y_i / (σ² √(n − 1)) is asymptotically
 * standard normal; {@code coefficient} is r = Σ Y_i / ((n − 1) σ²). The p-value is two-sided.
 */
public record SerialCorrelation(long length, double coefficient, double z, double pValue) {

    public static SerialCorrelation of(byte[] digits, int base) {
        Digits.check(digits, base);
        // Doubled deviations 2x − (b − 1) are integers, so the sum is exact: it is 4 Σ Y_i.
        long sumOfProducts = 0;
        for (int i = 1; i < digits.length; i++) {
            sumOfProducts += (long) (2 * digits[i - 1] - (base - 1)) * (2 * digits[i] - (base - 1));
        }
        double pairs = digits.length - 1;
        double variance = (base * (double) base - 1) / 12;
        double sum = sumOfProducts / 4.0;
        double z = sum / (variance * Math.sqrt(pairs));
        return new SerialCorrelation(digits.length, sum / (pairs * variance), z,
            SpecialFunctions.erfc(Math.abs(z) / Math.sqrt(2)));
    }
}
