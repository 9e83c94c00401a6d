package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzz target for the topology file that Terraform, local-cloud and the contract tests build
 * from. Any JSON document is refused with its schema violations or duplicate routes, or it is a topology whose
 * every function and route can be read, each route saying exactly the auth it declares. A normal
 * test run replays the corpus under src/test/resources/io/fairdraw/testsupport/TopologyFuzzTestInputs.
 */
class TopologyFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "110s")
    void anyTopologyTheSchemaAcceptsCanBeRead(FuzzedDataProvider data) {
        JsonNode document;
        try {
            document = JSON.readTree(data.consumeRemainingAsString());
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (document == null) {
            return;
        }
        Topology topology;
        try {
            topology = Topology.of(document);
        } catch (IllegalStateException refused) {
            assertThat(refused).hasMessageStartingWith("topology.json ");
            return;
        }
        for (String function : topology.functionNames()) {
            assertThat(topology.routesOf(function)).isNotNull();
        }
        for (JsonNode route : document.get("routes")) {
            String method = route.get("method").asText();
            String path = route.get("path").asText();
            assertThat(topology.authOf(method, path)).as("%s %s", method, path).isEqualTo(route.get("auth").asText());
            assertThat(topology.rolesOf(method, path)).isNotNull();
        }
    }
}
