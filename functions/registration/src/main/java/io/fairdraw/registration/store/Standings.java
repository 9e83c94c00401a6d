package io.fairdraw.registration.store;

import io.fairdraw.model.compliance.ComplianceEvent;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.Player;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.players.PlayerItems;
import io.fairdraw.platform.players.SafetyItems;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Changes of standing and of safety settings, each written together with its history event in
 * one transaction, conditioned on the version read: the change and its record exist together
 * or not at all, and a concurrent change is never overwritten unseen.
 */
@ApplicationScoped
public class Standings {
    /** Signals that the version read is stale; the service reads again and retries. */
    public static final class StaleVersion extends DomainException {
        StaleVersion() {
            super(ErrorType.CONCURRENT_UPDATE, "the player changed concurrently; retry the request");
        }
    }

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final History history;
    private final String players;
    private final String safety;

    public Standings(DynamoDbClient dynamo, Transactions transactions, History history, TableNames tables) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.history = history;
        this.players = tables.players();
        this.safety = tables.playerSafety();
    }

    public void replace(Player updated, long expectedVersion, ComplianceEvent event, AuditStamp stamp) {
        Put put = Put.builder().tableName(players)
                .item(PlayerItems.toItem(updated, stamp))
                .conditionExpression(PlayerItems.versionIs(":expected"))
                .expressionAttributeNames(PlayerItems.versionNames())
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                .build();
        write(put, updated.id(), event, stamp);
    }

    public SafetySettings safety(PlayerId player) {
        return SafetyItems.fromItem(dynamo.getItem(b -> b.tableName(safety).key(SafetyItems.key(player)).consistentRead(true)).item());
    }

    public void replace(PlayerId player, SafetySettings updated, long expectedVersion, ComplianceEvent event, AuditStamp stamp) {
        Put.Builder put = Put.builder().tableName(safety).item(SafetyItems.toItem(player, updated, stamp));
        if (expectedVersion == 0) {
            put.conditionExpression(SafetyItems.notYetStored());
        } else {
            put.conditionExpression(SafetyItems.versionIs(":expected"))
                    .expressionAttributeNames(SafetyItems.versionNames())
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        write(put.build(), player, event, stamp);
    }

    private void write(Put change, PlayerId player, ComplianceEvent event, AuditStamp stamp) {
        transactions.write(Transaction.of("safety settings", TransactWriteItem.builder().put(change).build(), StaleVersion::new)
                .add("standing history", history.record(player, event, stamp)));
    }
}
