package io.fairdraw.registration;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.fairdraw.testsupport.ThroughTheEdge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The resources every test of this module runs against, declared once so all test classes share
 * one application boot: DynamoDB Local and the WireMock OIDC server.
 */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ThroughTheEdge.class)
public final class TestResources {
    private TestResources() {
    }
}
