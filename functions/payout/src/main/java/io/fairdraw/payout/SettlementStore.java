package io.fairdraw.payout;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.ConditionFailures;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.tickets.BetLineItems;
import io.fairdraw.platform.tickets.TicketItems;
import io.fairdraw.platform.tickets.TicketResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The settlements table (plan, parts, ticket markers) and the reads settlement makes of the
 * bet-lines and tickets tables. Reads of what won are ConsistentRead queries of exact
 * partitions: a fixed-odds part reads only the winning selections' lines of its shard.
 */
@ApplicationScoped
public class SettlementStore {
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String PLAN = "plan";
    private static final String KIND = "kind";
    private static final String PARTS = "parts";
    private static final String PARTS_DONE = "partsDone";
    private static final String SALES = "salesMinor";
    private static final String SHARES = "sharePerWinner";
    private static final String CARRY = "jackpotCarryMinor";
    private static final String ROLLOVER = "rolloverMinor";
    private static final String PAID = "paidMinor";
    private static final String TICKETS = "tickets";
    private static final String OWNER = "owner";
    private static final String DRAW = "drawId";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String settlements;
    private final String betLines;
    private final String tickets;

    @Inject
    public SettlementStore(DynamoDbClient dynamo, Transactions transactions, TableNames tables) {
        this(dynamo, transactions, tables.settlements(), tables.betLines(), tables.tickets());
    }

    public SettlementStore(DynamoDbClient dynamo, Transactions transactions, String settlements, String betLines, String tickets) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.settlements = settlements;
        this.betLines = betLines;
        this.tickets = tickets;
    }

    public Optional<Plan> plan(String drawId) {
        var item = dynamo.getItem(b -> b.tableName(settlements).consistentRead(true).key(key(drawId, PLAN))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Long> shares = new HashMap<>();
        item.get(SHARES).m().forEach((tier, share) -> shares.put(Integer.parseInt(tier), Long.parseLong(share.n())));
        return Optional.of(new Plan(drawId, Plan.Kind.valueOf(item.get(KIND).s()), Integer.parseInt(item.get(PARTS).n()),
                Long.parseLong(item.get(SALES).n()), shares, Long.parseLong(item.get(CARRY).n()), Long.parseLong(item.get(ROLLOVER).n())));
    }

    /** Stores the plan unless one is stored already; either way returns the stored one. */
    public Plan savePlan(Plan plan, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(key(plan.drawId(), PLAN));
        item.put(KIND, AttributeValue.fromS(plan.kind().name()));
        item.put(PARTS, number(plan.parts()));
        item.put(PARTS_DONE, number(0));
        item.put(SALES, number(plan.salesMinor()));
        Map<String, AttributeValue> shares = new HashMap<>();
        plan.sharePerWinner().forEach((tier, share) -> shares.put(Integer.toString(tier), number(share)));
        item.put(SHARES, AttributeValue.fromM(shares));
        item.put(CARRY, number(plan.jackpotCarryMinor()));
        item.put(ROLLOVER, number(plan.rolloverMinor()));
        stamp(item, stamp);
        try {
            transactions.write(List.of(TransactWriteItem.builder().put(Put.builder().tableName(settlements).item(item)
                    .conditionExpression("attribute_not_exists(" + PK + ")").build()).build()),
                    ConditionFailures.none().at(0, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "planned already")));
            return plan;
        } catch (DomainException planned) {
            return plan(plan.drawId()).orElseThrow();
        }
    }

    /** The marker of a ticket's win or refund: written once, in the transaction that credits it. */
    public TransactWriteItem ticketMarker(String drawId, String ticketId, String owner, long amountMinor, Plan.Kind kind, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(TicketResults.key(drawId, ticketId));
        item.put(DRAW, AttributeValue.fromS(drawId));
        item.put(OWNER, AttributeValue.fromS(owner));
        item.put(TicketResults.KIND, AttributeValue.fromS(kind == Plan.Kind.REFUND ? "REFUND" : "WIN"));
        item.put(TicketResults.AMOUNT, number(amountMinor));
        stamp(item, stamp);
        return TransactWriteItem.builder().put(Put.builder().tableName(settlements).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build();
    }

    public boolean partDone(String drawId, int part) {
        var item = dynamo.getItem(b -> b.tableName(settlements).consistentRead(true).key(key(drawId, partKey(part)))).item();
        return item != null && !item.isEmpty();
    }

    /** How many parts of the draw are recorded done. */
    public int partsDone(String drawId) {
        var plan = dynamo.getItem(b -> b.tableName(settlements).consistentRead(true).key(key(drawId, PLAN))).item();
        return Integer.parseInt(plan.get(PARTS_DONE).n());
    }

    /** Records a part as done with what it paid, and counts it on the plan, once; a duplicate changes nothing. */
    public void completePart(String drawId, int part, long paidMinor, int ticketCount, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(key(drawId, partKey(part)));
        item.put(PAID, number(paidMinor));
        item.put(TICKETS, number(ticketCount));
        stamp(item, stamp);
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(settlements).item(item)
                        .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(settlements).key(key(drawId, PLAN))
                        .updateExpression("ADD #done :one").expressionAttributeNames(Map.of("#done", PARTS_DONE))
                        .expressionAttributeValues(Map.of(":one", number(1))).build()).build());
        try {
            transactions.write(actions, ConditionFailures.none().at(0, () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "done")));
        } catch (DomainException recordedBefore) {
            // A duplicate of a part already recorded: its count is in the plan already.
        }
    }

    /** What every part paid, summed: the draw's payouts. */
    public long paid(String drawId) {
        long total = 0;
        for (var item : dynamo.queryPaginator(b -> b.tableName(settlements).consistentRead(true)
                .keyConditionExpression("#pk = :draw AND begins_with(#sk, :part)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":draw", AttributeValue.fromS(drawId), ":part", AttributeValue.fromS("part#")))).items()) {
            total += Long.parseLong(item.get(PAID).n());
        }
        return total;
    }

    /** The lines filed under one partition of the bet-lines table (one winning selection's shard, or a lotto shard). */
    public List<BetLineItems.BetLine> lines(String partition) {
        List<BetLineItems.BetLine> lines = new ArrayList<>();
        for (var item : dynamo.queryPaginator(b -> b.tableName(betLines).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", BetLineItems.partitionKeyName()))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items()) {
            lines.add(BetLineItems.line(item));
        }
        return lines;
    }

    /** A draw's tickets in one shard, with their owners: what a refund part repays. */
    public List<OwnedTicket> tickets(String drawId, int shard) {
        List<OwnedTicket> owned = new ArrayList<>();
        for (var item : dynamo.queryPaginator(b -> b.tableName(tickets).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TicketItems.partitionKeyName()))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketItems.partition(drawId, shard))))).items()) {
            owned.add(new OwnedTicket(TicketItems.leaf(item), item.get(TicketItems.OWNER).s()));
        }
        return owned;
    }

    /** A ticket and who holds it. */
    public record OwnedTicket(TicketLeaf leaf, String owner) {
    }

    private static String partKey(int part) {
        return String.format("part#%02d", part);
    }

    private static Map<String, AttributeValue> key(String drawId, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(drawId), SK, AttributeValue.fromS(sortKey));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void stamp(Map<String, AttributeValue> item, AuditStamp stamp) {
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
    }
}
