package io.fairdraw.compliance;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The resources every test of this module runs against, declared once so all test classes share
 * one application boot: DynamoDB Local and the WireMock OIDC server, whose key set the
 * authorizer verifies tokens against.
 */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
