package io.fairdraw.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a function under test at the shared {@link LocalDynamo}. */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalDynamo dynamo = LocalDynamo.shared();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString(),
                "quarkus.dynamodb.aws.region", LocalDynamo.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", LocalDynamo.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", LocalDynamo.SECRET_KEY);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; LocalDynamo stops it when the JVM exits.
    }
}
