package io.fairdraw.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.JurisdictionCatalogue;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.player.CountryCode;

/**
 * Fuzz target for the operator's jurisdiction catalogue: ages, caps and cool-offs that decide who
 * may play. Any JSON document is a catalogue that says exactly what the file says, or it stops
 * the function with an exception that names the problem (IllegalStateException,
 * IllegalArgumentException or the model's own refusal); never a stray runtime failure, and never
 * a number silently cut to fit. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/platform/compliance/JurisdictionFilesFuzzTestInputs.
 */
class JurisdictionFilesFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "110s")
    void anyJurisdictionCatalogueIsReadExactlyOrRefused(FuzzedDataProvider data) {
        JsonNode document;
        try {
            document = JSON.readTree(data.consumeRemainingAsString());
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (document == null) {
            return;
        }
        JurisdictionCatalogue catalogue;
        try {
            catalogue = JurisdictionFiles.parse(document);
        } catch (IllegalStateException | IllegalArgumentException | DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertExactly(document.get("version"), catalogue.version());
        assertThat(catalogue.jurisdictions()).hasSize(document.get("jurisdictions").size());
        for (JsonNode node : document.get("jurisdictions")) {
            Jurisdiction jurisdiction = catalogue.of(new CountryCode(node.get("country").asText())).orElseThrow();
            assertExactly(node.get("minimumAge"), jurisdiction.minimumAge());
            assertExactly(node.get("limitIncreaseCoolOffHours"), jurisdiction.limitIncreaseCoolOff().toHours());
        }
    }

    /** A number the model holds came from a JSON integer of the same value. */
    private static void assertExactly(JsonNode node, long value) {
        assertThat(node.isIntegralNumber() || node.canConvertToExactIntegral()).as("%s is a whole number", node).isTrue();
        assertThat(node.canConvertToLong() && node.longValue() == value).as("%s was read as %s", node, value).isTrue();
    }
}
