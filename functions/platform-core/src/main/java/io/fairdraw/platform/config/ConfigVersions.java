package io.fairdraw.platform.config;

import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The config-versions table: the only place its attribute names appear. A version is written once
 * (a proposal never replaces another) and decided once, each step conditioned in DynamoDB: a
 * decision applies only to a proposal still open, and an approval only when the approver is not
 * the proposer, so two operators racing, or one approving their own change, cannot slip through.
 */
@ApplicationScoped
public class ConfigVersions {
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String STATUS = "status";
    private static final String EFFECTIVE_FROM = "effectiveFrom";
    private static final String DOCUMENT = "document";
    private static final String DIGEST = "digest";
    private static final String PROPOSED_BY = "proposedBy";
    private static final String PROPOSED_AT = "proposedAt";
    private static final String REASON = "reason";
    private static final String DECIDED_BY = "decidedBy";
    private static final String DECIDED_AT = "decidedAt";
    private static final String DECISION_REASON = "decisionReason";

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    public ConfigVersions(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.configVersions();
    }

    /** Every version of a kind, oldest first. */
    public List<ConfigVersion> all(ConfigKind kind) {
        List<ConfigVersion> versions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression(PK + " = :kind")
                    .expressionAttributeValues(Map.of(":kind", AttributeValue.fromS(kind.id())));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> versions.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return versions;
    }

    public Optional<ConfigVersion> find(ConfigKind kind, int version) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(kind, version)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Writes a new proposal; false when that version number is already taken. */
    public boolean propose(ConfigVersion proposal, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(key(proposal.kind(), proposal.version()));
        item.put(STATUS, AttributeValue.fromS(ConfigVersion.Status.PROPOSED.name()));
        item.put(EFFECTIVE_FROM, AttributeValue.fromS(proposal.effectiveFrom().toString()));
        item.put(DOCUMENT, AttributeValue.fromS(proposal.document()));
        item.put(DIGEST, AttributeValue.fromS(proposal.digest()));
        item.put(PROPOSED_BY, AttributeValue.fromS(proposal.proposedBy()));
        item.put(PROPOSED_AT, AttributeValue.fromS(proposal.proposedAt().toString()));
        item.put(REASON, AttributeValue.fromS(proposal.reason()));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Decides an open proposal: APPROVED (only by someone other than its proposer) or REJECTED.
     * False when it was not open any more, or the approver proposed it: the caller reads it again to say which.
     */
    public boolean decide(ConfigKind kind, int version, ConfigVersion.Status decision, String by, String reason, Instant at,
            AuditStamp stamp) {
        if (decision == ConfigVersion.Status.PROPOSED) {
            throw new IllegalArgumentException("a decision approves or rejects");
        }
        String condition = "#status = :open" + (decision == ConfigVersion.Status.APPROVED ? " AND " + PROPOSED_BY + " <> :by" : "");
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(kind, version))
                    .updateExpression("SET #status = :decision, " + DECIDED_BY + " = :by, " + DECIDED_AT + " = :at, "
                            + DECISION_REASON + " = :reason, #actor = :by, #request = :request")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", STATUS, "#actor", AuditStamp.ACTOR_ATTRIBUTE,
                            "#request", AuditStamp.REQUEST_ID_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":open", AttributeValue.fromS(ConfigVersion.Status.PROPOSED.name()),
                            ":decision", AttributeValue.fromS(decision.name()), ":by", AttributeValue.fromS(by),
                            ":at", AttributeValue.fromS(at.toString()), ":reason", AttributeValue.fromS(reason),
                            ":request", AttributeValue.fromS(stamp.requestId().value()))));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(ConfigKind kind, int version) {
        // Sort keys are strings in every table: zero-padded, so versions sort in number order.
        return Map.of(PK, AttributeValue.fromS(kind.id()), SK, AttributeValue.fromS(String.format("%010d", version)));
    }

    private static ConfigVersion fromItem(Map<String, AttributeValue> item) {
        return new ConfigVersion(
                ConfigKind.of(item.get(PK).s()).orElseThrow(() -> new IllegalStateException("unknown config kind " + item.get(PK).s())),
                Integer.parseInt(item.get(SK).s()),
                ConfigVersion.Status.valueOf(item.get(STATUS).s()),
                Instant.parse(item.get(EFFECTIVE_FROM).s()),
                item.get(DOCUMENT).s(),
                item.get(DIGEST).s(),
                item.get(PROPOSED_BY).s(),
                Instant.parse(item.get(PROPOSED_AT).s()),
                item.get(REASON).s(),
                Optional.ofNullable(item.get(DECIDED_BY)).map(AttributeValue::s),
                Optional.ofNullable(item.get(DECIDED_AT)).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get(DECISION_REASON)).map(AttributeValue::s));
    }
}
