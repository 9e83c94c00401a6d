package io.fairdraw.model.fairness.stats;

/**
 * One p-value of the draw statistics: the test, the statistic behind it as text, and the value.
 * A test rejects at level α when its p-value is below α.
 */
public record PValue(String test, String statistic, double value) {

    public PValue {
        if (test == null || test.isBlank() || statistic == null) {
            throw new IllegalArgumentException("a p-value names its test and statistic");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(test + ": a p-value is in [0, 1], not " + value);
        }
    }

    public boolean rejectsAt(double alpha) {
        return value < alpha;
    }
}
