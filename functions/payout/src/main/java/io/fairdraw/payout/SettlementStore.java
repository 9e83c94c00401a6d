package io.fairdraw.payout;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
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
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
    private static final String SALES = "salesMinor";
    private static final String SHARES = "sharePerWinner";
    private static final String CARRY = "jackpotCarryMinor";
    private static final String ROLLOVER = "rolloverMinor";
    private static final String DONE_PARTS = "doneParts";
    private static final String PART_PAID = "paidMinor#";
    private static final String PART_TICKETS = "tickets#";
    private static final String GAME = "gameId";
    private static final String CURRENCY = "currency";
    private static final String NUMBERS = "numbers";
    private static final String TERMS_VERSION = "termsVersion";
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

    /**
     * Where a draw's settlement stands, from one read of its plan item: the plan, the draw as
     * planned (absent on plans stored before it was kept there), the parts done and what they paid.
     */
    public record Progress(Plan plan, Optional<Drawn> drawn, Set<Integer> doneParts, long paidMinor) {
        public Progress {
            doneParts = Set.copyOf(doneParts);
        }

        public boolean done(int part) {
            return doneParts.contains(part);
        }
    }

    /** What a part needs of its draw, kept on the plan so that no part reads the draw again. */
    /** What settlement keeps of a drawn draw; {@code termsVersion} is the game catalogue version it opened under. */
    public record Drawn(String drawId, String gameId, String currency, List<Integer> numbers, int termsVersion) {
        public Drawn {
            numbers = List.copyOf(numbers);
        }
    }

    public Optional<Plan> plan(String drawId) {
        return progress(drawId).map(Progress::plan);
    }

    public Optional<Progress> progress(String drawId) {
        var item = dynamo.getItem(b -> b.tableName(settlements).consistentRead(true).key(key(drawId, PLAN))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(progress(drawId, item));
    }

    private static Progress progress(String drawId, Map<String, AttributeValue> item) {
        Map<Integer, Long> shares = new HashMap<>();
        item.get(SHARES).m().forEach((tier, share) -> shares.put(Integer.parseInt(tier), Long.parseLong(share.n())));
        Plan plan = new Plan(drawId, Plan.Kind.valueOf(item.get(KIND).s()), Integer.parseInt(item.get(PARTS).n()),
                Long.parseLong(item.get(SALES).n()), shares, Long.parseLong(item.get(CARRY).n()), Long.parseLong(item.get(ROLLOVER).n()));
        Optional<Drawn> drawn = item.containsKey(GAME)
                ? Optional.of(new Drawn(drawId, item.get(GAME).s(), item.get(CURRENCY).s(),
                        item.get(NUMBERS).l().stream().map(n -> Integer.valueOf(n.n())).toList(),
                        Optional.ofNullable(item.get(TERMS_VERSION)).map(v -> Integer.parseInt(v.n())).orElse(0)))
                : Optional.empty();
        Set<Integer> done = new TreeSet<>();
        if (item.containsKey(DONE_PARTS)) {
            item.get(DONE_PARTS).ns().forEach(part -> done.add(Integer.valueOf(part)));
        }
        long paid = 0;
        for (var attribute : item.entrySet()) {
            if (attribute.getKey().startsWith(PART_PAID)) {
                paid += Long.parseLong(attribute.getValue().n());
            }
        }
        return new Progress(plan, drawn, done, paid);
    }

    /** Stores the plan unless one is stored already; either way returns the stored one. */
    public Plan savePlan(Plan plan, Drawn drawn, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(key(plan.drawId(), PLAN));
        item.put(GAME, AttributeValue.fromS(drawn.gameId()));
        item.put(CURRENCY, AttributeValue.fromS(drawn.currency()));
        item.put(NUMBERS, AttributeValue.fromL(drawn.numbers().stream().map(n -> number(n)).toList()));
        item.put(TERMS_VERSION, number(drawn.termsVersion()));
        item.put(KIND, AttributeValue.fromS(plan.kind().name()));
        item.put(PARTS, number(plan.parts()));
        item.put(SALES, number(plan.salesMinor()));
        Map<String, AttributeValue> shares = new HashMap<>();
        plan.sharePerWinner().forEach((tier, share) -> shares.put(Integer.toString(tier), number(share)));
        item.put(SHARES, AttributeValue.fromM(shares));
        item.put(CARRY, number(plan.jackpotCarryMinor()));
        item.put(ROLLOVER, number(plan.rolloverMinor()));
        stamp(item, stamp);
        try {
            transactions.write(Transaction.of("settlement plan", TransactWriteItem.builder().put(Put.builder().tableName(settlements).item(item)
                    .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(),
                    () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "planned already")));
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
        item.put(TicketResults.KIND, AttributeValue.fromS((kind == Plan.Kind.REFUND ? TicketResults.Kind.REFUND : TicketResults.Kind.WIN).name()));
        item.put(TicketResults.AMOUNT, number(amountMinor));
        stamp(item, stamp);
        return TransactWriteItem.builder().put(Put.builder().tableName(settlements).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build();
    }

    /**
     * Records a part done with what it paid and how many tickets it credited, on the plan item,
     * and returns the progress after it: one write that is its own read. Repeats change nothing
     * (the part joins a set; its figures are set, not added), so a part retried after a crash,
     * or delivered twice, counts once.
     */
    public Progress completePart(String drawId, int part, long paidMinor, int ticketCount) {
        var updated = dynamo.updateItem(b -> b.tableName(settlements).key(key(drawId, PLAN))
                .updateExpression("ADD #done :part SET #paid = :paid, #tickets = :tickets")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#done", DONE_PARTS, "#paid", PART_PAID + partKey(part), "#tickets",
                        PART_TICKETS + partKey(part), "#pk", PK))
                .expressionAttributeValues(Map.of(":part", AttributeValue.fromNs(List.of(Integer.toString(part))), ":paid", number(paidMinor),
                        ":tickets", number(ticketCount)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return progress(drawId, updated);
    }

    /** What every part paid, summed: the draw's payouts. */
    public long paid(String drawId) {
        return progress(drawId).map(Progress::paidMinor).orElse(0L);
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
            owned.add(new OwnedTicket(TicketItems.leaf(item), TicketItems.owner(item).value()));
        }
        return owned;
    }

    /** A ticket and who holds it. */
    public record OwnedTicket(TicketLeaf leaf, String owner) {
    }

    private static String partKey(int part) {
        return String.format("%02d", part);
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
