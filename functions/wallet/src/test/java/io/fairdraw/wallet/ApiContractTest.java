package io.fairdraw.wallet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.wallet.entry.PaymentWebhookResource;
import io.fairdraw.wallet.entry.WalletResource;
import io.fairdraw.testsupport.ApiDocuments;
import io.fairdraw.testsupport.RouteContract;
import io.fairdraw.testsupport.Topology;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest {
    private static final String FUNCTION = "wallet";

    @Test
    void theServedRoutesAreExactlyTheTopologysRoutes() {
        String openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(Topology.servedRoutes(openApi)).isEqualTo(Topology.load().routesOf(FUNCTION));
    }

    @Test
    void everyRouteAdmitsExactlyTheRolesTheTopologyNames() {
        RouteContract.assertRolesMatchTopology(FUNCTION, List.of(WalletResource.class, PaymentWebhookResource.class));
    }

    @Test
    void theCommittedOpenApiDocumentIsCurrent() {
        ApiDocuments.assertCommittedDocumentIsCurrent(FUNCTION);
    }
}
