package io.fairdraw.platform.tickets;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a closed draw's tickets as Merkle leaves, for the seal and for inclusion proofs: every
 * shard of the base table with ConsistentRead (never an index, which can lag).
 */
@ApplicationScoped
public class TicketLeaves {
    private final DynamoDbClient dynamo;
    private final String table;

    public TicketLeaves(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.tickets();
    }

    /**
     * What every draw's virtual sales escrow holds before settlement: the prices of its tickets.
     * A full scan, for the reconciliation report and tests, never a request path.
     */
    public Map<AccountId, Money> escrowBalances() {
        Map<AccountId, Money> balances = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()) {
            TicketLeaf leaf = TicketItems.leaf(item);
            CurrencyCode currency = CurrencyCode.of(leaf.currency());
            balances.merge(AccountId.of(AccountType.SALES_ESCROW, leaf.drawId(), currency), new Money(leaf.pricePaidMinor(), currency),
                    Money::plus);
        }
        return balances;
    }

    /**
     * The draw's tickets as leaves in canonical order (SPEC §3), after {@code afterTicketId}
     * when given: each shard's partition is already sorted by ticket id (DynamoDB orders string
     * sort keys by their UTF-8 bytes, the canonical order), so the shards are merged as they are
     * read, a page at a time, and a seal can stop and resume at any ticket.
     */
    public Iterator<TicketLeaf> inCanonicalOrder(String drawId, Optional<String> afterTicketId) {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> TicketLeaf.CANONICAL_ORDER.compare(a.leaf, b.leaf));
        for (int shard = 0; shard < TicketItems.SHARDS; shard++) {
            String partition = TicketItems.partition(drawId, shard);
            Map<String, String> names = new HashMap<>(Map.of("#pk", TicketItems.partitionKeyName()));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(partition)));
            String condition = "#pk = :pk";
            if (afterTicketId.isPresent()) {
                names.put("#sk", Table.Attributes.SORT_KEY);
                values.put(":after", AttributeValue.fromS(afterTicketId.get()));
                condition += " AND #sk > :after";
            }
            String keyCondition = condition;
            Iterator<Map<String, AttributeValue>> items = dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .consistentRead(true)).items().iterator();
            if (items.hasNext()) {
                heads.add(new Head(TicketItems.leaf(items.next()), items));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public TicketLeaf next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.rest.hasNext()) {
                    heads.add(new Head(TicketItems.leaf(head.rest.next()), head.rest));
                }
                return head.leaf;
            }
        };
    }

    private record Head(TicketLeaf leaf, Iterator<Map<String, AttributeValue>> rest) {
    }

    /** Every ticket of the draw as a leaf, in canonical order. */
    public List<TicketLeaf> leaves(String drawId) {
        List<TicketLeaf> leaves = new ArrayList<>();
        inCanonicalOrder(drawId, Optional.empty()).forEachRemaining(leaves::add);
        return leaves;
    }
}
