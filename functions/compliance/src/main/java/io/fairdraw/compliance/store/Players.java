package io.fairdraw.compliance.store;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.Player;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.players.PlayerItems;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads players for the authorizer. The read is strongly consistent so that a suspension, an
 * exclusion or a time-out applies to the very next request, not after replication catches up.
 */
@ApplicationScoped
public class Players {
    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public Players(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** The registered player, or empty for an identity that has not registered yet. */
    public Optional<Player> find(PlayerId id) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tables.players())
                .key(PlayerItems.key(id))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PlayerItems.fromItem(response.item()));
    }
}
