package io.fairdraw.payout;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.quarkus.test.common.QuarkusTestResource;

/** DynamoDB Local, declared once so every test class shares one boot. */
@QuarkusTestResource(DynamoDbLocalResource.class)
public final class TestResources {
    private TestResources() {
    }
}
