package io.fairdraw.platform.dynamo;

import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the tables of {@link Table} where they are missing: for tests and local runs only. In
 * AWS, Terraform owns the tables and no function may create one (its IAM role cannot).
 */
public final class TableBootstrap {
    private TableBootstrap() {
    }

    /** Creates every table under the name {@code names} gives it; existing tables are left alone. */
    public static void createMissing(DynamoDbClient dynamo, Function<Table, String> names) {
        for (Table table : Table.values()) {
            String name = names.apply(table);
            try {
                dynamo.createTable(table.createRequest(name));
            } catch (ResourceInUseException alreadyThere) {
                addMissingIndexes(dynamo, table, name);
                continue;
            }
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            table.ttlAttribute().ifPresent(attribute -> dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                    .tableName(name)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true).attributeName(attribute).build())
                    .build()));
        }
    }

    /** A table kept from an older local run gains the indexes added since (DynamoDB adds them to a live table). */
    private static void addMissingIndexes(DynamoDbClient dynamo, Table table, String name) {
        var existing = dynamo.describeTable(b -> b.tableName(name)).table();
        var request = table.createRequest(name);
        for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
            boolean present = existing.hasGlobalSecondaryIndexes()
                    && existing.globalSecondaryIndexes().stream().anyMatch(i -> i.indexName().equals(index.indexName()));
            if (!present) {
                dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(request.attributeDefinitions())
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build()).build()));
            }
        }
    }

    public static void createMissingWithDefaultNames(DynamoDbClient dynamo) {
        createMissing(dynamo, Table::defaultName);
    }
}
