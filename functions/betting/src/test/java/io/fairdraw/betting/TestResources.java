package io.fairdraw.betting;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** DynamoDB Local and the WireMock OIDC server, declared once so every test class shares one boot. */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
