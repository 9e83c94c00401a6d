package io.fairdraw.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of an HTTP function with the rest of the platform: the routes it serves are the
 * topology's routes, each names the roles the topology gives it, and its committed OpenAPI
 * document is current. A function's test extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class FunctionContract {
    /** The function's name in the topology and in docs/api/. */
    protected abstract String function();

    /** The function's JAX-RS resource classes. */
    protected abstract List<Class<?>> resources();

    @Test
    void theServedRoutesAreExactlyTheTopologysRoutes() {
        String openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(Topology.servedRoutes(openApi)).isEqualTo(Topology.load().routesOf(function()));
    }

    @Test
    void everyRouteAdmitsExactlyWhatTheTopologyNames() {
        RouteContract.assertRolesMatchTopology(function(), resources());
    }

    @Test
    void everyRouteRefusesBadTokensAndAdmitsOnlyItsRoles() {
        assertThat(AuthorizationMatrix.violations(function())).isEmpty();
    }

    @Test
    void theCommittedOpenApiDocumentIsCurrent() {
        ApiDocuments.assertCommittedDocumentIsCurrent(function());
    }
}
