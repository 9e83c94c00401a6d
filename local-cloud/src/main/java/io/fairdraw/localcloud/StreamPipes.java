package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.EventPatterns;
import io.fairdraw.testsupport.StreamRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * EventBridge Pipes from table streams to the bus: each streamed table of the topology's
 * {@code pipes} is polled ({@link StreamPoller}), every record is matched against each pipe's
 * filter and rendered through its input template, exactly as the tests apply them, and put on
 * the {@link EventBus}. A restart goes on where it stopped (a record delivered twice is
 * harmless: every consumer is idempotent).
 */
final class StreamPipes implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamPipes.class);

    private record Pipe(String name, String source, String detailType, JsonNode filter, String template) {
    }

    private final EventBus bus;
    private final Map<Table, List<Pipe>> pipes = new LinkedHashMap<>();
    private final StreamPoller poller;

    StreamPipes(JsonNode topology, DynamoDbClient dynamo, DynamoDbStreamsClient streams, EventBus bus, Path checkpoints) {
        this.bus = bus;
        for (JsonNode pipe : topology.get("pipes")) {
            Table table = table(pipe.get("table").asText());
            pipes.computeIfAbsent(table, t -> new ArrayList<>()).add(new Pipe(pipe.get("name").asText(), pipe.get("source").asText(),
                    pipe.get("detailType").asText(), pipe.get("filter"), pipe.get("inputTemplate").asText()));
        }
        this.poller = new StreamPoller("stream-pipes", pipes.keySet(), dynamo, streams, checkpoints, (table, arn, records) -> {
            records.forEach(record -> publish(table, StreamRecords.shape(record, arn)));
            return records.size();
        });
    }

    /** The platform table of a logical name the topology uses. */
    static Table table(String logicalName) {
        for (Table table : Table.values()) {
            if (table.logicalName().equals(logicalName)) {
                return table;
            }
        }
        throw new IllegalArgumentException("the topology names " + logicalName + ", which is no table of the platform");
    }

    void start() {
        poller.start();
    }

    private void publish(Table table, JsonNode record) {
        for (Pipe pipe : pipes.get(table)) {
            if (EventPatterns.matches(pipe.filter(), record)) {
                try {
                    bus.put(pipe.source(), pipe.detailType(), EventPatterns.render(pipe.template(), record));
                } catch (IllegalArgumentException e) {
                    LOG.errorf("pipe %s cannot render a record of %s: %s", pipe.name(), table.defaultName(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        poller.close();
    }
}
