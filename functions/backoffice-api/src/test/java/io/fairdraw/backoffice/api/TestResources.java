package io.fairdraw.backoffice.api;

import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.fairdraw.testsupport.ThroughTheEdge;
import io.fairdraw.testsupport.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** DynamoDB Local, PostgreSQL and the WireMock OIDC server, declared once so every test class shares one boot. */
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ThroughTheEdge.class)
@QuarkusTestResource(LocalPostgres.class)
public final class TestResources {
    private TestResources() {
    }
}
