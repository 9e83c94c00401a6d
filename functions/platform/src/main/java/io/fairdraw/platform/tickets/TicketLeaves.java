package io.fairdraw.platform.tickets;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
