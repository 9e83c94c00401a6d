package io.fairdraw.platform.draws;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.draw.VoidReason;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.tickets.TicketItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The draws and their sales gates. Each write moves a draw from one status to the next under a
 * condition on the status it expects, so it happens once however often it is attempted. Only
 * the draw function writes; betting reads draws and condition-checks a gate shard per ticket.
 */
@ApplicationScoped
public class Draws {
    /** Gate shards per draw, one per ticket shard: a ticket checks its own shard's gate, so no gate item is hot. */
    public static final int GATE_SHARDS = TicketItems.SHARDS;
    private static final String BY_GAME = Table.DRAWS.index("by-game").name();

    /** A step found the draw already past the status it expects: nothing was written. */
    public static final class AlreadyMoved extends DomainException {
        AlreadyMoved() {
            super(ErrorType.CONCURRENT_UPDATE, "the draw already moved past this step");
        }
    }

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String draws;
    private final String gates;

    @Inject
    public Draws(DynamoDbClient dynamo, Transactions transactions, TableNames tables) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.draws = tables.draws();
        this.gates = tables.drawGates();
    }

    public Optional<Draw> find(String drawId) {
        var item = item(drawId);
        return item.isEmpty() ? Optional.empty() : Optional.of(DrawItems.draw(item));
    }

    /**
     * A game's draws, latest draw time first, optionally only those in one status; at most
     * {@code limit}. Reads the {@code by-game} index (eventually consistent: a draw moved a
     * moment ago may show its previous status; {@link #find} reads the draw itself).
     */
    public List<Draw> ofGame(String gameId, Optional<DrawStatus> status, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#game", DrawItems.GAME));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":game", AttributeValue.fromS(gameId)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(draws).indexName(BY_GAME)
                .keyConditionExpression("#game = :game").scanIndexForward(false);
        status.ifPresent(s -> {
            names.put("#status", DrawItems.STATUS);
            values.put(":status", AttributeValue.fromS(s.name()));
            query.filterExpression("#status = :status");
        });
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        List<Draw> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query.build()).items()) {
            found.add(DrawItems.draw(item));
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    /**
     * The ConditionCheck a ticket puts in its transaction: its gate shard is OPEN and the cut-off
     * is after {@code now}. Closing flips every shard in one transaction, so no ticket commits
     * after a close, and none after the cut-off even if the close fires late.
     */
    public TransactWriteItem gateOpen(String drawId, int shard, Instant now) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(gates)
                .key(DrawItems.gateKey(drawId, shard))
                .conditionExpression("#status = :open AND #cutOff > :now")
                .expressionAttributeNames(Map.of("#status", DrawItems.STATUS, "#cutOff", DrawItems.CUT_OFF_MILLIS))
                .expressionAttributeValues(Map.of(":open", AttributeValue.fromS(DrawStatus.OPEN.name()),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .build()).build();
    }

    public byte[] sealedSeed(String drawId) {
        return item(drawId).get(DrawItems.SEALED_SEED).b().asByteArray();
    }

    /** The draw and its open gates, written only if the draw does not exist yet. */
    public void open(Draw draw, byte[] sealedSeed) {
        Transaction opening = Transaction.of("new draw", TransactWriteItem.builder().put(Put.builder().tableName(draws)
                .item(DrawItems.opened(draw, sealedSeed))
                .conditionExpression("attribute_not_exists(" + DrawItems.PK + ")").build()).build(), AlreadyMoved::new);
        for (int shard = 0; shard < GATE_SHARDS; shard++) {
            opening.add("open gate " + shard, TransactWriteItem.builder().put(Put.builder().tableName(gates)
                    .item(DrawItems.openGate(draw, shard)).build()).build());
        }
        transactions.write(opening);
    }

    /** Closes the draw and flips every gate, in one transaction: after it no ticket can be accepted. */
    public void close(String drawId) {
        Transaction closing = Transaction.of("draw OPEN to CLOSED", move(drawId, DrawStatus.OPEN, DrawStatus.CLOSED, Map.of()), AlreadyMoved::new);
        for (int shard = 0; shard < GATE_SHARDS; shard++) {
            closing.add("close gate " + shard, TransactWriteItem.builder().update(Update.builder().tableName(gates).key(DrawItems.gateKey(drawId, shard))
                    .updateExpression("SET #status = :closed")
                    .expressionAttributeNames(Map.of("#status", DrawItems.STATUS))
                    .expressionAttributeValues(Map.of(":closed", AttributeValue.fromS(DrawStatus.CLOSED.name())))
                    .build()).build());
        }
        transactions.write(closing);
    }

    public void seal(String drawId, Draw.Seal seal) {
        transactions.write(moved(drawId, DrawStatus.CLOSED, DrawStatus.SEALED, Map.of(
                DrawItems.LEAF_COUNT, AttributeValue.fromN(Long.toString(seal.leafCount())),
                DrawItems.TOTAL_STAKE, AttributeValue.fromN(Long.toString(seal.totalStakeMinor())),
                DrawItems.ROOT, AttributeValue.fromS(seal.root()),
                DrawItems.HEADER_HASH, AttributeValue.fromS(seal.headerHash()))));
    }

    /** Marks a completed draw settled with its totals; the last settlement part to finish calls it, once. */
    public void settle(String drawId, long salesMinor, long payoutsMinor) {
        transactions.write(moved(drawId, DrawStatus.COMPLETED, DrawStatus.SETTLED, Map.of(
                DrawItems.SALES, AttributeValue.fromN(Long.toString(salesMinor)),
                DrawItems.PAYOUTS, AttributeValue.fromN(Long.toString(payoutsMinor)),
                DrawItems.GGR, AttributeValue.fromN(Long.toString(salesMinor - payoutsMinor)))));
    }

    /** Voids the draw by rule, recording which rule; only from {@code from}, so a race changes nothing twice. */
    public void voidDraw(String drawId, DrawStatus from, VoidReason reason) {
        transactions.write(moved(drawId, from, DrawStatus.VOIDED, Map.of(DrawItems.VOID_REASON, AttributeValue.fromS(reason.name()))));
    }


    public void complete(String drawId, Draw.Outcome outcome) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                DrawItems.SEED, AttributeValue.fromS(outcome.seed()),
                DrawItems.SIGNATURE, AttributeValue.fromS(outcome.beaconSignature()),
                DrawItems.RANDOMNESS, AttributeValue.fromS(outcome.beaconRandomness()),
                DrawItems.NUMBERS, AttributeValue.fromL(DrawItems.numbers(outcome.numbers()))));
        if (outcome.beaconPreviousSignature() != null) {
            values.put(DrawItems.PREVIOUS_SIGNATURE, AttributeValue.fromS(outcome.beaconPreviousSignature()));
        }
        transactions.write(moved(drawId, DrawStatus.SEALED, DrawStatus.COMPLETED, values));
    }

    /** A draw's move from one status to the next, alone: if the draw is not in {@code from}, it moved already. */
    private Transaction moved(String drawId, DrawStatus from, DrawStatus to, Map<String, AttributeValue> set) {
        return Transaction.of("draw " + from + " to " + to, move(drawId, from, to, set), AlreadyMoved::new);
    }

    private TransactWriteItem move(String drawId, DrawStatus from, DrawStatus to, Map<String, AttributeValue> set) {
        Map<String, String> names = new HashMap<>(Map.of("#status", DrawItems.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(from.name()),
                ":to", AttributeValue.fromS(to.name())));
        StringBuilder expression = new StringBuilder("SET #status = :to");
        int i = 0;
        for (var attribute : set.entrySet()) {
            names.put("#a" + i, attribute.getKey());
            values.put(":a" + i, attribute.getValue());
            expression.append(", #a").append(i).append(" = :a").append(i);
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(draws).key(DrawItems.key(drawId))
                .updateExpression(expression.toString())
                .conditionExpression("#status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    private Map<String, AttributeValue> item(String drawId) {
        var item = dynamo.getItem(b -> b.tableName(draws).key(DrawItems.key(drawId)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }
}
