package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Every item one purchase's transaction writes or checks, with the size DynamoDB bills it at and
 * its write units: what the "write units per ticket" figure is made of. The items are read back
 * after the purchase, so an update is sized as stored, and the sum is set beside the write units
 * DynamoDB Local reported for the same transaction.
 *
 * <p>Sizes follow DynamoDB's rules (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">
 * item size calculations</a>): an attribute's name in UTF-8 bytes plus its value; a string its UTF-8
 * bytes; a number one byte per two significant digits plus one; a binary its bytes; a boolean or
 * null one byte; a list or map three bytes plus one per element plus the elements. A transactional
 * write or condition check costs two write units per started kilobyte of the item
 * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling">
 * capacity management for transactions</a>).
 */
final class PurchaseItems {
    private PurchaseItems() {
    }

    /** Why each item is in a purchase's transaction, by table (without the deployment's prefix) and action. */
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("transfers Put", "the stake's transfer, double entry's journal entry; its id (the ticket's) makes it exactly-once"),
            Map.entry("accounts Update", "the wallet's balance, lowered on condition that it covers the stake (the draw's escrow is virtual: no shared item)"),
            Map.entry("postings Put", "the stake on the wallet's statement"),
            Map.entry("tickets Put", "the ticket: lines, terms, owner; a leaf of the draw's sealed set; its id comes from the Idempotency-Key"),
            Map.entry("tickets index", "the player's list of tickets (index by-owner, all attributes projected)"),
            Map.entry("draw-gates ConditionCheck", "the draw's sales gate, one shard of it: no ticket after the cut-off"),
            Map.entry("players ConditionCheck", "the player's standing at the instant of the write: verified, of age, not excluded, suspended or timed out"),
            Map.entry("player-safety ConditionCheck", "the limits the purchase read are still the player's: one lowered meanwhile stops it"),
            Map.entry("limit-counters Update", "the day's, week's and month's net loss, one item, within every limit in force"),
            Map.entry("idempotency Put", "the answer to the Idempotency-Key for 24 hours (compressed), committed with the purchase"),
            Map.entry("bet-lines Put", "the line filed under its selection, so that settlement reads only the winners"),
            Map.entry("liability Update", "one shard of the selection's liability budget, raised within its share of the game's limit"));

    /**
     * Makes the purchase {@code event} through the function with the tap capturing, and itemises
     * its transaction, read back through {@code dynamo} (a client on the tap's DynamoDB).
     */
    static ObjectNode ofPurchase(InProcessFunction function, DynamoTap tap, DynamoDbClient dynamo, String event) throws Exception {
        tap.reset();
        tap.capture(true);
        var answered = function.invoke(event, Duration.ofSeconds(30));
        tap.capture(false);
        JsonNode answer = Results.JSON.readTree(answered.orElseThrow());
        if (answer.path("statusCode").asInt() != 201) {
            throw new IllegalStateException("the itemised purchase answered " + answer.path("statusCode").asInt() + ": " + answer.path("body"));
        }
        double units = tap.writeUnits();
        String transaction = tap.drain().stream().filter(c -> c.operation().equals("TransactWriteItems")).reduce((a, b) -> b).orElseThrow().body();
        return of(transaction, dynamo, units);
    }

    /** The items of {@code transactionBody}, each read back through {@code dynamo}. */
    static ObjectNode of(String transactionBody, DynamoDbClient dynamo, double reportedWriteUnits) throws Exception {
        ArrayNode items = Results.array();
        long total = 0;
        for (WireRequests.Action written : WireRequests.actions(transactionBody)) {
            String action = written.action();
            String table = written.table();
            String kind = written.kind();
            Map<String, AttributeValue> named = WireRequests.attributes(written.itemOrKey());
            Map<String, AttributeValue> stored = action.equals("Put") ? named
                    : dynamo.getItem(b -> b.tableName(table).key(named).consistentRead(true)).item();
            long size = size(stored);
            long units = units(size);
            total += units;
            items.add(Results.object().put("action", action).put("table", kind).put("item", describe(table, stored))
                    .put("bytes", size).put("writeUnits", units).put("why", WHY.getOrDefault(kind + " " + action, "")));
            if (!action.equals("ConditionCheck")) {
                for (var index : dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes()) {
                    Set<String> keys = index.keySchema().stream().map(KeySchemaElement::attributeName).collect(Collectors.toSet());
                    if (stored.keySet().containsAll(keys)) {
                        // The index item: every attribute when all are projected, else (at least) the keys.
                        long indexSize = index.projection().projectionType() == ProjectionType.ALL ? size
                                : size(stored.entrySet().stream().filter(e -> keys.contains(e.getKey()))
                                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                        long indexUnits = units(indexSize);
                        total += indexUnits;
                        items.add(Results.object().put("action", "index").put("table", kind).put("item", table + " index " + index.indexName())
                                .put("bytes", indexSize).put("writeUnits", indexUnits).put("why", WHY.getOrDefault(kind + " index", "")));
                    }
                }
            }
        }
        return Results.object().put("writeUnits", total).put("reportedWriteUnits", reportedWriteUnits).set("items", items);
    }

    /**
     * A transactional write costs two units per started kilobyte. An index write is counted the
     * same way: DynamoDB Local reports it so, and AWS documents no discount.
     */
    private static long units(long bytes) {
        return 2 * Math.max(1, (bytes + 1023) / 1024);
    }

    /** The item's kind, from its table and the prefix of its sort or partition key. */
    private static String describe(String table, Map<String, AttributeValue> item) {
        for (String attribute : List.of("sk", "SK", "pk", "PK", "id")) {
            AttributeValue value = item.get(attribute);
            if (value != null && value.s() != null) {
                String text = value.s();
                int cut = text.indexOf('#');
                return table + " " + attribute + "=" + (cut > 0 ? text.substring(0, cut + 1) + "…" : text);
            }
        }
        return table + " " + item.keySet();
    }

    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (var entry : item.entrySet()) {
            size += utf8(entry.getKey()) + size(entry.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return number(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(PurchaseItems::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(PurchaseItems::number).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
        }
        return 0;
    }

    private static long number(String n) {
        String digits = new BigDecimal(n).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
