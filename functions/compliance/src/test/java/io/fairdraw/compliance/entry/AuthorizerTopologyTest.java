package io.fairdraw.compliance.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.testsupport.AuthorizerEvents;
import io.fairdraw.testsupport.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topology Terraform and local-cloud build the gateway from agrees with this function: the
 * authorizer is this artifact, reads only the players table, and its result cache is keyed on
 * exactly the headers the handler reads, so no cached answer is reused for a request whose token,
 * origin or location differs.
 */
class AuthorizerTopologyTest {

    @Test
    void theAuthorizerIsThisFunctionAndOnlyReadsPlayersAndTheCatalogueVersions() {
        JsonNode topology = Topology.load().document();
        JsonNode function = topology.get("functions").get("compliance");

        assertThat(topology.get("authorizer").get("function").asText()).isEqualTo("compliance");
        assertThat(function.get("kind").asText()).isEqualTo("authorizer");
        assertThat(function.get("artifact").asText()).isEqualTo("functions/compliance/target/function.zip");
        assertThat(function.get("tables").properties()).hasSize(2);
        assertThat(function.get("tables").get("players").asText()).isEqualTo("read");
        assertThat(function.get("tables").get("config-versions").asText()).isEqualTo("read");
    }

    @Test
    void theResultCacheIsKeyedOnEveryHeaderTheHandlerReads() {
        List<String> identitySources = new ArrayList<>();
        Topology.load().document().get("authorizer").get("identitySources")
                .forEach(source -> identitySources.add(source.asText().replace("$request.header.", "")));

        assertThat(identitySources).containsExactlyInAnyOrder(GatewayRequests.AUTHORIZATION, GatewayRequests.ORIGIN_SECRET,
                GatewayRequests.VIEWER_COUNTRY, GatewayRequests.VIEWER_REGION);
        assertThat(identitySources).containsExactlyElementsOf(AuthorizerEvents.IDENTITY_SOURCE_HEADERS);
    }

    @Test
    void playerRoutesGoThroughTheAuthorizer() {
        JsonNode routes = Topology.load().document().get("routes");
        routes.forEach(route -> {
            List<String> roles = new ArrayList<>();
            route.path("roles").forEach(role -> roles.add(role.asText()));
            if (roles.contains("player")) {
                assertThat(route.get("auth").asText()).as(route.toString()).isEqualTo("authorizer");
            }
        });
    }

    @Test
    void theSchemaRefusesAuthorizerRoutesWithoutAnAuthorizer() {
        ObjectNode document = Topology.load().document().deepCopy();
        document.remove("authorizer");

        assertThat(Topology.schemaProblems(document)).isNotEmpty();
    }

    @Test
    void theSchemaRefusesAnotherPayloadFormatOrACacheBeyondAnHour() {
        ObjectNode document = Topology.load().document().deepCopy();
        ((ObjectNode) document.get("authorizer")).put("payloadFormatVersion", "1.0");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();

        document = Topology.load().document().deepCopy();
        ((ObjectNode) document.get("authorizer")).put("resultTtlSeconds", 3601);
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
    }
}
