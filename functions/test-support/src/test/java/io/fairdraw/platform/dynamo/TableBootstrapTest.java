package io.fairdraw.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.LocalDynamo;
import java.util.Collection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/** Local tables kept from an older run gain the indexes added to their definition since. */
class TableBootstrapTest {
    @Test
    void aTableCreatedBeforeItsIndexExistedGainsIt() {
        var dynamo = LocalDynamo.shared().client();
        String old = "old-draws-" + UUID.randomUUID();
        CreateTableRequest current = Table.DRAWS.createRequest(old);
        dynamo.createTable(current.toBuilder().globalSecondaryIndexes((Collection<GlobalSecondaryIndex>) null)
                .attributeDefinitions(current.attributeDefinitions().subList(0, 1)).build());
        assertThat(dynamo.describeTable(b -> b.tableName(old)).table().hasGlobalSecondaryIndexes()).isFalse();

        TableBootstrap.createMissing(dynamo, table -> table == Table.DRAWS ? old : table.defaultName());

        assertThat(dynamo.describeTable(b -> b.tableName(old)).table().globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("by-game");
    }
}
