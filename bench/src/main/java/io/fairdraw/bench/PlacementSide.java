package io.fairdraw.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One side of the placement benchmark (the handler, the SDK call or the wire) over all rounds of
 * a level: its latencies, its DynamoDB figures and, at one buyer, its own time; and how a side's
 * calls are timed.
 */
final class PlacementSide {
    private final List<long[]> nanos = new ArrayList<>();
    private long wallNanos;
    double writeUnits;
    private double transactionMillisTotal;
    private long transactions;
    final List<Long> before = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> after = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> own = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> hops = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * One call, started at {@code start} and ending now, whose transaction passed the tap as
     * {@code hop}: the side's own time before the transaction reached the tap and after the
     * tap answered it, and the transaction's time at the tap (DynamoDB Local's part).
     * Exact while calls do not overlap, at one buyer.
     */
    void ownTime(long start, DynamoTap.Hop hop) {
        long end = System.nanoTime();
        before.add(hop.arrived() - start);
        after.add(end - hop.answered());
        own.add(hop.arrived() - start + end - hop.answered());
        hops.add(hop.answered() - hop.arrived());
    }

    void add(Latencies.Run run, DynamoTap tap) {
        nanos.add(run.nanos());
        wallNanos += run.wallNanos();
        writeUnits += tap.writeUnits();
        long count = tap.calls().getOrDefault("TransactWriteItems", 0L);
        transactionMillisTotal += tap.meanMillis().getOrDefault("TransactWriteItems", 0.0) * count;
        transactions += count;
    }

    Latencies latencies() {
        return new Latencies(nanos.stream().flatMapToLong(java.util.Arrays::stream).toArray(), wallNanos);
    }

    double transactionMillis() {
        return transactionMillisTotal / Math.max(1, transactions);
    }

    static double median(List<Long> nanos) {
        return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray(), 1).p50();
    }

    static ObjectNode figures(Latencies latencies) {
        return Results.object().put("count", latencies.count()).put("p50Millis", latencies.p50()).put("p99Millis", latencies.p99())
                .put("throughputPerSecond", latencies.throughput());
    }

    /** One timed call; false when it was abandoned, and its time is left out. */
    interface Call {
        boolean run(String input) throws Exception;
    }

    /** Runs each list on its own thread, timing every call; the lists start together. */
    static Latencies.Run timed(int threads, List<List<String>> inputs, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (List<String> list : inputs) {
                results.add(pool.submit(() -> {
                    long[] nanos = new long[list.size()];
                    for (int i = 0; i < list.size(); i++) {
                        long before = System.nanoTime();
                        nanos[i] = call.run(list.get(i)) ? System.nanoTime() - before : -1;
                    }
                    return nanos;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                all.add(result.get());
            }
            long wall = System.nanoTime() - start;
            return new Latencies.Run(all.stream().flatMapToLong(java.util.Arrays::stream).filter(n -> n >= 0).toArray(), wall);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The {@code index}th ordering of {@code items} (modulo their number of orderings), so that
     * over successive indexes every item comes directly before every other equally often.
     */
    static <T> List<T> ordering(List<T> items, int index) {
        List<T> left = new ArrayList<>(items);
        int orderings = 1;
        for (int n = 2; n <= items.size(); n++) {
            orderings *= n;
        }
        int rest = index % orderings;
        List<T> ordered = new ArrayList<>();
        for (int n = items.size(); n > 0; n--) {
            orderings /= n;
            ordered.add(left.remove(rest / orderings));
            rest %= orderings;
        }
        return ordered;
    }
}
