package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scenario's figures, kept as JSON under {@code bench/target/results} until the report reads them. */
final class Results {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** DynamoDB's wire JSON: no indentation, as the SDK writes it. */
    static final ObjectMapper WIRE = new ObjectMapper();

    private Results() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static void write(Path folder, String scenario, JsonNode figures) throws IOException {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve(scenario + ".json").toFile(), figures);
    }

    static JsonNode read(Path folder, String scenario) throws IOException {
        Path file = folder.resolve(scenario + ".json");
        return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    }
}
