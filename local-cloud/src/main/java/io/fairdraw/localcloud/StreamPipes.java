package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.EventPatterns;
import io.fairdraw.testsupport.StreamRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * EventBridge Pipes from table streams to the bus: each streamed table of the topology's
 * {@code pipes} is polled, every record is matched against each pipe's filter and rendered
 * through its input template, exactly as the tests apply them, and put on the {@link EventBus}.
 * The last sequence number of each shard is kept in a file, so a restart goes on where it
 * stopped (a record delivered twice is harmless: every consumer is idempotent).
 */
final class StreamPipes implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamPipes.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private record Pipe(String name, String source, String detailType, JsonNode filter, String template) {
    }

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final EventBus bus;
    private final Path checkpoints;
    private final Map<Table, List<Pipe>> pipes = new LinkedHashMap<>();
    private final Map<String, String> lastSequence = new HashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private volatile boolean closing;

    StreamPipes(JsonNode topology, DynamoDbClient dynamo, DynamoDbStreamsClient streams, EventBus bus, Path checkpoints) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.bus = bus;
        this.checkpoints = checkpoints;
        for (JsonNode pipe : topology.get("pipes")) {
            Table table = table(pipe.get("table").asText());
            pipes.computeIfAbsent(table, t -> new ArrayList<>()).add(new Pipe(pipe.get("name").asText(), pipe.get("source").asText(),
                    pipe.get("detailType").asText(), pipe.get("filter"), pipe.get("inputTemplate").asText()));
        }
        load();
    }

    private static Table table(String logicalName) {
        for (Table table : Table.values()) {
            if (table.logicalName().equals(logicalName)) {
                return table;
            }
        }
        throw new IllegalArgumentException("the topology pipes from " + logicalName + ", which is no table of the platform");
    }

    void start() {
        Thread.ofPlatform().daemon().name("stream-pipes").start(() -> {
            while (!closing) {
                for (Table table : pipes.keySet()) {
                    try {
                        pollTable(table);
                    } catch (ResourceNotFoundException notYet) {
                        LOG.debugf("%s has no stream yet", table.defaultName());
                    } catch (RuntimeException e) {
                        LOG.warnf("polling the stream of %s failed: %s", table.defaultName(), e.toString());
                        iterators.clear();
                    }
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void pollTable(Table table) {
        String arn = dynamo.describeTable(b -> b.tableName(table.defaultName())).table().latestStreamArn();
        if (arn == null) {
            return;
        }
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String key = arn + "|" + shard.shardId();
            String iterator = iterators.get(key);
            if (iterator == null) {
                if (iterators.containsKey(key)) {
                    continue; // a closed shard, read to its end
                }
                iterator = firstIterator(arn, shard.shardId(), Optional.ofNullable(lastSequence.get(key)));
            }
            boolean moved = false;
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                for (Record record : page.records()) {
                    publish(table, StreamRecords.shape(record));
                    lastSequence.put(key, record.dynamodb().sequenceNumber());
                    moved = true;
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            iterators.put(key, iterator);
            if (moved) {
                save();
            }
        }
    }

    private String firstIterator(String arn, String shardId, Optional<String> after) {
        return streams.getShardIterator(b -> {
            b.streamArn(arn).shardId(shardId);
            after.ifPresentOrElse(sequence -> b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(sequence),
                    () -> b.shardIteratorType(ShardIteratorType.TRIM_HORIZON));
        }).shardIterator();
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

    private void load() {
        if (!Files.isRegularFile(checkpoints)) {
            return;
        }
        try {
            Json.parse(Files.readAllBytes(checkpoints)).fields().forEachRemaining(e -> lastSequence.put(e.getKey(), e.getValue().asText()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("ignoring unreadable stream checkpoints %s: %s", checkpoints, e.getMessage());
        }
    }

    private void save() {
        try {
            Path temporary = checkpoints.resolveSibling(checkpoints.getFileName() + ".tmp");
            Files.write(temporary, Json.bytes(lastSequence));
            Files.move(temporary, checkpoints, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("cannot save stream checkpoints: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
    }
}
