package io.fairdraw.localcloud;

import io.fairdraw.platform.dynamo.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the streams of some tables, shard by shard in order, and hands each page of records to
 * a {@link Handler}, which answers how many of them it consumed. The last consumed sequence
 * number of each shard is kept in a file, so a restart goes on where it stopped; a page not
 * consumed whole is read again from the first record not consumed, on the next poll (as Lambda
 * retries a stream batch from the record a partial batch response names).
 */
final class StreamPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamPoller.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Takes a shard's records in order; answers how many leading records it consumed. */
    interface Handler {
        int accept(Table table, String streamArn, List<Record> records);
    }

    private final String name;
    private final Set<Table> tables;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final Path checkpoints;
    private final Handler handler;
    private final Map<String, String> lastSequence = new HashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private volatile boolean closing;

    StreamPoller(String name, Set<Table> tables, DynamoDbClient dynamo, DynamoDbStreamsClient streams, Path checkpoints, Handler handler) {
        this.name = name;
        this.tables = tables;
        this.dynamo = dynamo;
        this.streams = streams;
        this.checkpoints = checkpoints;
        this.handler = handler;
        load();
    }

    void start() {
        Thread.ofPlatform().daemon().name(name).start(() -> {
            while (!closing) {
                for (Table table : tables) {
                    try {
                        pollTable(table);
                    } catch (ResourceNotFoundException notYet) {
                        LOG.debugf("%s has no stream yet", table.defaultName());
                    } catch (TrimmedDataAccessException trimmed) {
                        // DynamoDB Local answers this to the first read of a stream made moments ago; the next
                        // poll reads it from its start. Only a resumed position that fell out of the stream's
                        // retention is worth a warning: records were lost to this consumer.
                        boolean resumed = lastSequence.keySet().stream().anyMatch(key -> key.contains("/" + table.defaultName() + "/"));
                        if (resumed) {
                            LOG.warnf("%s: the stream of %s no longer holds the saved position: %s", name, table.defaultName(),
                                    trimmed.getMessage());
                        } else {
                            LOG.debugf("%s: the new stream of %s is not readable yet", name, table.defaultName());
                        }
                        iterators.clear();
                    } catch (RuntimeException e) {
                        LOG.warnf("%s: polling the stream of %s failed: %s", name, table.defaultName(), e.toString());
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
            boolean stopped = false;
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                List<Record> records = page.records();
                int consumed = records.isEmpty() ? 0 : handler.accept(table, arn, records);
                if (consumed > 0) {
                    lastSequence.put(key, records.get(consumed - 1).dynamodb().sequenceNumber());
                    moved = true;
                }
                if (consumed < records.size()) {
                    stopped = true;
                    break;
                }
                iterator = page.nextShardIterator();
                if (records.isEmpty()) {
                    break;
                }
            }
            if (stopped) {
                iterators.remove(key); // read again from the checkpoint next time
            } else {
                iterators.put(key, iterator);
            }
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
            Files.move(temporary, checkpoints, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("cannot save stream checkpoints: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
    }
}
