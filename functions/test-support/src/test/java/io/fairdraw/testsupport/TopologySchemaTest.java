package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The topology conforms to its schema, and the schema refuses what would be a hole in the cloud. */
class TopologySchemaTest {

    @Test
    void theCommittedTopologyConforms() {
        Topology topology = Topology.load();
        assertThat(topology.functionNames()).contains("registration");
    }

    @Test
    void everyRouteNamesAFunctionThatExists() {
        Topology topology = Topology.load();
        topology.document().get("routes").forEach(route ->
                assertThat(topology.functionNames()).contains(route.get("function").asText()));
    }

    @Test
    void theBusCarriesExactlyTheEventTypesTheModelNames() {
        java.util.Set<String> inTopology = new java.util.TreeSet<>();
        Topology.load().document().findValues("detailType").forEach(type -> inTopology.add(type.asText()));
        assertThat(inTopology).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(io.fairdraw.model.event.EventType.values())
                .map(io.fairdraw.model.event.EventType::detailType).toList());
    }

    @Test
    void aTokenRouteWithoutRolesIsRefused() {
        ObjectNode document = Topology.load().document().deepCopy();
        ((ObjectNode) document.get("routes").get(0)).remove("roles");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
    }

    @Test
    void aPublicRouteWithRolesAndAnUnknownAuthAreRefused() {
        ObjectNode document = Topology.load().document().deepCopy();
        ((ObjectNode) document.get("routes").get(0)).put("auth", "public");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
        ((ObjectNode) document.get("routes").get(0)).put("auth", "none");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
    }

    @Test
    void anUnknownRoleOrMethodIsRefused() {
        ObjectNode document = Topology.load().document().deepCopy();
        ((ArrayNode) document.get("routes").get(0).get("roles")).add("admin");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
        document = Topology.load().document().deepCopy();
        ((ObjectNode) document.get("routes").get(0)).put("method", "TRACE");
        assertThat(Topology.schemaProblems(document)).isNotEmpty();
    }
}
