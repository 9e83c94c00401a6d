package io.fairdraw.registration;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.LocalDynamo;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the players table directly, so tests can prove what was (and was not) written. */
final class PlayerTable {
    private PlayerTable() {
    }

    static Optional<Map<String, AttributeValue>> item(PlayerId id) {
        var response = LocalDynamo.shared().client().getItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(id.value())))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static int count() {
        return LocalDynamo.shared().client().scan(b -> b.tableName(Table.PLAYERS.defaultName()).consistentRead(true)).count();
    }
}
