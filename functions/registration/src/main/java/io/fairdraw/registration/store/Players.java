package io.fairdraw.registration.store;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.Player;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.players.PlayerItems;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The players table. Each write is one conditional put, so no change is ever lost to a race. */
@ApplicationScoped
public class Players {
    private final DynamoDbClient dynamo;
    private final String table;

    public Players(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.players();
    }

    public Optional<Player> find(PlayerId id) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(PlayerItems.key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(PlayerItems.fromItem(response.item()))
                : Optional.empty();
    }

    /** Stores a new player; false when this id is already registered (nothing is changed then). */
    public boolean insert(Player player, AuditStamp stamp) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(PlayerItems.toItem(player, stamp))
                    .conditionExpression(PlayerItems.notYetStored()));
            return true;
        } catch (ConditionalCheckFailedException alreadyRegistered) {
            return false;
        }
    }

    /** Replaces the player if it is still at {@code expectedVersion}; false when someone changed it first. */
    public boolean replace(Player updated, long expectedVersion, AuditStamp stamp) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(PlayerItems.toItem(updated, stamp))
                    .conditionExpression(PlayerItems.versionIs(":expected"))
                    .expressionAttributeNames(PlayerItems.versionNames())
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }
}
