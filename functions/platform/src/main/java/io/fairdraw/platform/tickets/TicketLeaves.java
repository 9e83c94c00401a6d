package io.fairdraw.platform.tickets;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public List<TicketLeaf> leaves(String drawId) {
        List<TicketLeaf> leaves = new ArrayList<>();
        for (int shard = 0; shard < TicketItems.SHARDS; shard++) {
            String partition = TicketItems.partition(drawId, shard);
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TicketItems.partitionKeyName()))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                    .consistentRead(true)).items()) {
                leaves.add(TicketItems.leaf(item));
            }
        }
        return leaves;
    }
}
