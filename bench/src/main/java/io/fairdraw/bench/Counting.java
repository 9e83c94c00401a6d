package io.fairdraw.bench;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts what a DynamoDB client reads and writes, in items: a GetItem that found its item reads
 * one, a Query or Scan the items it examined (its {@code ScannedCount}, what DynamoDB charges
 * for), a write the items it puts, updates or deletes (a transaction's condition checks apart).
 */
final class Counting implements ExecutionInterceptor {
    final LongAdder calls = new LongAdder();
    final LongAdder itemsRead = new LongAdder();
    final LongAdder itemsWritten = new LongAdder();
    final LongAdder conditionChecks = new LongAdder();
    /** Items read per table, for the single-item and query reads a settlement makes. */
    final java.util.Map<String, LongAdder> itemsReadByTable = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.increment();
        String table = switch (context.request()) {
            case software.amazon.awssdk.services.dynamodb.model.GetItemRequest get -> get.tableName();
            case software.amazon.awssdk.services.dynamodb.model.QueryRequest query -> query.tableName();
            case software.amazon.awssdk.services.dynamodb.model.ScanRequest scan -> scan.tableName();
            default -> "other";
        };
        long before = itemsRead.sum();
        switch (context.response()) {
            case GetItemResponse get -> itemsRead.add(get.hasItem() && !get.item().isEmpty() ? 1 : 0);
            case QueryResponse query -> itemsRead.add(query.scannedCount());
            case ScanResponse scan -> itemsRead.add(scan.scannedCount());
            case BatchGetItemResponse batch -> batch.responses().values().forEach(items -> itemsRead.add(items.size()));
            case TransactGetItemsResponse transact -> itemsRead.add(transact.responses().size());
            default -> {
            }
        }
        long read = itemsRead.sum() - before;
        if (read > 0) {
            itemsReadByTable.computeIfAbsent(table, key -> new LongAdder()).add(read);
        }
        switch (context.request()) {
            case PutItemRequest put -> itemsWritten.increment();
            case UpdateItemRequest update -> itemsWritten.increment();
            case DeleteItemRequest delete -> itemsWritten.increment();
            case BatchWriteItemRequest batch -> batch.requestItems().values().forEach(requests -> itemsWritten.add(requests.size()));
            case TransactWriteItemsRequest transact -> transact.transactItems().forEach(item -> {
                if (item.conditionCheck() != null) {
                    conditionChecks.increment();
                } else {
                    itemsWritten.increment();
                }
            });
            default -> {
            }
        }
    }

    void reset() {
        calls.reset();
        itemsRead.reset();
        itemsWritten.reset();
        conditionChecks.reset();
        itemsReadByTable.clear();
    }

    long itemsReadFrom(String table) {
        LongAdder count = itemsReadByTable.get(table);
        return count == null ? 0 : count.sum();
    }
}
