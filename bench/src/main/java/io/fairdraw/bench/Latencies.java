package io.fairdraw.bench;

import java.util.Arrays;

/** Latencies in nanoseconds of one run, summarised as the benchmarks report them. */
final class Latencies {
    /** One timed run: each call's nanoseconds and the run's wall time. */
    record Run(long[] nanos, long wallNanos) {
    }

    private final long[] sorted;
    private final long wallNanos;

    Latencies(long[] nanos, long wallNanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
        this.wallNanos = wallNanos;
    }

    int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentileMillis(double percentile) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no latencies");
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    /** Completed calls per second of wall time. */
    double throughput() {
        return sorted.length / (wallNanos / 1e9);
    }
}
