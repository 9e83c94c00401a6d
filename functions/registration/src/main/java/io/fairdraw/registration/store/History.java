package io.fairdraw.registration.store;

import io.fairdraw.model.compliance.ComplianceEvent;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The player-history table: one immutable item per change of standing or settings, written in
 * the same transaction as the change. Its attribute names live only here.
 */
@ApplicationScoped
public class History {
    /** The most events one read returns; the history of a player is short, but bounded all the same. */
    public static final int MAX_EVENTS = 200;

    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String KIND = "kind";
    private static final String AT = "at";
    private static final String REASON = "reason";
    private static final String DETAILS = "details";

    private final DynamoDbClient dynamo;
    private final String table;

    public History(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.playerHistory();
    }

    /** The put of one event, never overwriting another. */
    TransactWriteItem record(PlayerId player, ComplianceEvent event, AuditStamp stamp) {
        Map<String, AttributeValue> details = new HashMap<>();
        event.details().forEach((k, v) -> details.put(k, AttributeValue.fromS(v)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(player.value()));
        // Sorted by time; the random suffix keeps two events of one millisecond apart.
        item.put(SK, AttributeValue.fromS(event.at().toString() + "#" + UUID.randomUUID()));
        item.put(KIND, AttributeValue.fromS(event.kind().name()));
        item.put(AT, AttributeValue.fromS(event.at().toString()));
        item.put(REASON, AttributeValue.fromS(event.reason()));
        item.put(DETAILS, AttributeValue.fromM(details));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(event.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + SK + ")").build()).build();
    }

    /** The player's events, newest first. */
    public List<ComplianceEvent> of(PlayerId player) {
        return dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(player.value())))
                        .scanIndexForward(false)
                        .limit(MAX_EVENTS)
                        .consistentRead(true))
                .items().stream()
                .map(History::event)
                .toList();
    }

    private static ComplianceEvent event(Map<String, AttributeValue> item) {
        Map<String, String> details = new HashMap<>();
        item.getOrDefault(DETAILS, AttributeValue.fromM(Map.of())).m().forEach((k, v) -> details.put(k, v.s()));
        return new ComplianceEvent(Instant.parse(item.get(AT).s()), ComplianceEvent.Kind.valueOf(item.get(KIND).s()),
                item.get(AuditStamp.ACTOR_ATTRIBUTE).s(), item.get(REASON).s(), details);
    }
}
