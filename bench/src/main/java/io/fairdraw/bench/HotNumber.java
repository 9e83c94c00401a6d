package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One second's worth of a sale at 10,000 tickets a second, every buyer on one number: that many
 * purchases of the same two lines (2D back and 2D front of 77) through the betting function, from
 * a crowd of players, with every transaction captured as sent. Each item written or checked is
 * counted against its table's partition key (and the {@code by-owner} index entry against its
 * owner), so the hottest key of each table shows what share of a second's purchases it would
 * take: at 10,000 a second, that share times 10,000 times two write units per item (every item
 * here is under a kilobyte) is the key's write rate, to set against DynamoDB's 1,000 write units
 * a second per partition.
 */
final class HotNumber {
    /** Tickets of one second at the rate the arithmetic is for. */
    static final int TICKETS_PER_SECOND = 10_000;
    static final int PARTITION_LIMIT = 1_000;
    private static final int CONCURRENCY = 8;

    private HotNumber() {
    }

    /**
     * Runs {@code tickets} purchases, the {@code n}th made by {@code purchase.apply(n)} (which
     * answers the function's HTTP status), and counts the writes the tap captured.
     */
    static ObjectNode run(DynamoTap tap, int tickets, Function<Integer, Integer> purchase) throws Exception {
        tap.reset();
        tap.capture(true);
        AtomicInteger bought = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int n = 0; n < tickets; n++) {
                int index = n;
                pending.add(pool.submit(() -> {
                    int status = purchase.apply(index);
                    if (status == 201) {
                        bought.incrementAndGet();
                    }
                    synchronized (statuses) {
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            tap.capture(false);
        }
        Map<String, Map<String, Integer>> writes = new TreeMap<>();
        int transactions = 0;
        for (DynamoTap.Captured write : tap.drain()) {
            if (!write.operation().equals("TransactWriteItems")) {
                continue;
            }
            transactions++;
            for (WireRequests.Action action : WireRequests.actions(write.body())) {
                JsonNode attributes = action.itemOrKey();
                count(writes, action.kind(), attributes.path("pk").path("S").asText());
                if (action.action().equals("Put") && action.kind().equals("tickets")) {
                    count(writes, action.kind() + " by-owner", attributes.path("owner").path("S").asText());
                }
            }
        }
        ArrayNode tables = Results.array();
        for (var table : writes.entrySet()) {
            var hottest = table.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            // The report scales the hottest key's items per purchase that wrote (a refused one writes nothing) to the rate.
            tables.add(Results.object().put("table", table.getKey()).put("keys", table.getValue().size())
                    .put("items", table.getValue().values().stream().mapToInt(Integer::intValue).sum())
                    .put("hottestKey", hottest.getKey()).put("hottestItems", hottest.getValue()));
        }
        ObjectNode statusCounts = Results.object();
        statuses.forEach((status, count) -> statusCounts.put(Integer.toString(status), count.get()));
        ObjectNode result = Results.object().put("tickets", tickets).put("bought", bought.get()).put("transactions", transactions);
        result.set("statuses", statusCounts);
        result.set("tables", tables);
        return result;
    }

    private static void count(Map<String, Map<String, Integer>> writes, String table, String key) {
        writes.computeIfAbsent(table, t -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }
}
