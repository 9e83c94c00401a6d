package io.fairdraw.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Bulk loading with BatchWriteItem (25 items a call, unprocessed items sent again), on a few threads. */
final class Loading {
    private static final int BATCH = 25;
    private static final int THREADS = 4;

    private Loading() {
    }

    /** Writes every item into {@code table}. */
    static void put(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) throws Exception {
        List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            batches.add(items.subList(from, Math.min(items.size(), from + BATCH)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (var batch : batches) {
                done.add(pool.submit(() -> {
                    writeBatch(dynamo, table, batch);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void writeBatch(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> batch) {
        Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table,
                batch.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList()));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** Every item of {@code from} copied into {@code to}. */
    static void copy(DynamoDbClient dynamo, String from, String to) throws Exception {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(from)).items().forEach(items::add);
        if (!items.isEmpty()) {
            put(dynamo, to, items);
        }
    }
}
