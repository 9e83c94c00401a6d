package io.fairdraw.draw.store;

import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a closed draw's tickets for the seal: every shard of the base table with ConsistentRead
 * (never an index, which can lag), each ticket as its Merkle leaf. Betting writes these items;
 * their leaf attributes are the contract between the two functions (docs/architecture.md).
 */
@ApplicationScoped
public class Tickets {
    /** Ticket shards per draw, the same number betting writes with. */
    public static final int SHARDS = 16;
    public static final String TICKET_ID = Table.Attributes.SORT_KEY;
    public static final String DRAW_ID = "drawId";
    public static final String CURRENCY = "currency";
    public static final String PRICE_PAID = "pricePaidMinor";
    public static final String LINES = "lines";
    public static final String BET_TYPE = "betType";
    public static final String SELECTION = "selection";
    public static final String STAKE = "stakeMinor";

    private final DynamoDbClient dynamo;
    private final String table;

    public Tickets(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.tickets();
    }

    public static String partition(String drawId, int shard) {
        return drawId + "#" + String.format("%02d", shard);
    }

    public List<TicketLeaf> leaves(String drawId) {
        List<TicketLeaf> leaves = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            String partition = partition(drawId, shard);
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Table.Attributes.PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                    .consistentRead(true)).items()) {
                leaves.add(leaf(item));
            }
        }
        return leaves;
    }

    private static TicketLeaf leaf(Map<String, AttributeValue> item) {
        List<TicketLeaf.Line> lines = item.get(LINES).l().stream().map(line -> new TicketLeaf.Line(line.m().get(BET_TYPE).s(),
                line.m().get(SELECTION).s(), Long.parseLong(line.m().get(STAKE).n()))).toList();
        return new TicketLeaf(item.get(TICKET_ID).s(), item.get(DRAW_ID).s(), item.get(CURRENCY).s(),
                Long.parseLong(item.get(PRICE_PAID).n()), lines);
    }
}
