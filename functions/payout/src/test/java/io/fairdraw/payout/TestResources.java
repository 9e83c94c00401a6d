package io.fairdraw.payout;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.quarkus.test.common.QuarkusTestResource;

/** DynamoDB Local and Adyen on WireMock, declared once so every test class shares one boot. */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(AdyenOnWireMock.class)
public final class TestResources {
    private TestResources() {
    }
}
