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
    /** The sort-key prefix of a ticket's marker beside the draw's plan. */
    public static final String MARKER_PREFIX = "ticket#";

    /** Why a settled ticket was credited. */
    public enum Kind { WIN, REFUND }

    /** What a ticket came to. */
    public record Result(Kind kind, long amountMinor) {
    }

    /** A ticket's marker as read from the settlements table. */
    public record Marker(String ticketId, Result result) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public TicketResults(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.settlements();
    }

    public static Map<String, AttributeValue> key(String drawId, String ticketId) {
        return Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(drawId),
                Table.Attributes.SORT_KEY, AttributeValue.fromS(MARKER_PREFIX + ticketId));
    }

    public Optional<Result> of(String drawId, String ticketId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(drawId, ticketId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : marker(item).map(Marker::result);
    }

    /** The ticket and its result, when the settlements item is a ticket's marker (not a draw's plan). */
    public static Optional<Marker> marker(Map<String, AttributeValue> item) {
        String sortKey = item.get(Table.Attributes.SORT_KEY).s();
        if (!sortKey.startsWith(MARKER_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new Marker(sortKey.substring(MARKER_PREFIX.length()),
                new Result(Kind.valueOf(item.get(KIND).s()), Long.parseLong(item.get(AMOUNT).n()))));
    }
}
