package io.fairdraw.wallet;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.fairdraw.testsupport.ThroughTheEdge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** DynamoDB Local, the WireMock OIDC server and the edge's origin secret, declared once so every test class shares one boot. */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ThroughTheEdge.class)
public final class TestResources {
    private TestResources() {
    }
}
