package io.fairdraw.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fairdraw.platform.dynamo.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The events a table's stream publishes through the topology's pipes: every stream record so
 * far, filtered and rendered as EventBridge Pipes would, with each detail's schema check.
 */
public final class PipeEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipeEvents() {
    }

    /** An event as it would reach the bus, and the stream record it came from. */
    public record Published(String source, String detailType, JsonNode detail, JsonNode record) {
    }

    public static List<Published> from(Table table) {
        List<JsonNode> pipes = new ArrayList<>();
        Topology.load().document().get("pipes").forEach(pipe -> {
            if (pipe.get("table").asText().equals(table.logicalName())) {
                pipes.add(pipe);
            }
        });
        List<Published> published = new ArrayList<>();
        for (JsonNode record : StreamRecords.all(table.defaultName())) {
            for (JsonNode pipe : pipes) {
                if (EventPatterns.matches(pipe.get("filter"), record)) {
                    published.add(new Published(pipe.get("source").asText(), pipe.get("detailType").asText(),
                            EventPatterns.render(pipe.get("inputTemplate").asText(), record), record));
                }
            }
        }
        return published;
    }

    /** What docs/events/&lt;detailType&gt;.v1.schema.json finds wrong with a detail (nothing when it is valid). */
    public static Set<ValidationMessage> schemaProblems(String detailType, JsonNode detail) {
        try {
            JsonNode schema = JSON.readTree(Files.readString(RepositoryFiles.resolve("docs/events/" + detailType + ".v1.schema.json")));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(detail);
        } catch (IOException e) {
            throw new IllegalStateException("no schema for " + detailType + " in docs/events/", e);
        }
    }
}
