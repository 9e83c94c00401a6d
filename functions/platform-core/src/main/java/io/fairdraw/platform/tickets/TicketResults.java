package io.fairdraw.platform.tickets;

import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract of a ticket's settlement marker between payout, which writes it once with the
 * credit, and betting, which shows it: in the settlements table under the draw, sort key
 * {@code ticket#<ticket id>}, with the kind (WIN or REFUND) and the amount. A ticket of a
 * settled draw without a marker lost.
 */
@ApplicationScoped
public class TicketResults {
    public static final String KIND = "kind";
    public static final String AMOUNT = "amountMinor";

    /** Why a settled ticket was credited. */
    public enum Kind { WIN, REFUND }

    /** What a ticket came to. */
    public record Result(Kind kind, long amountMinor) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public TicketResults(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.settlements();
    }

    public static Map<String, AttributeValue> key(String drawId, String ticketId) {
        return Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(drawId),
                Table.Attributes.SORT_KEY, AttributeValue.fromS("ticket#" + ticketId));
    }

    public Optional<Result> of(String drawId, String ticketId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(drawId, ticketId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Result(Kind.valueOf(item.get(KIND).s()), Long.parseLong(item.get(AMOUNT).n())));
    }
}
