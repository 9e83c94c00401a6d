package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.StreamRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's event source mappings from table streams to functions (the topology's
 * {@code streamConsumers}): each hosted consumer gets its tables' records in batches of its
 * batch size, as {@code {"Records": [...]}}, and answers with a partial batch response; the
 * records from the first failed one on are delivered again on the next poll, as Lambda does.
 */
final class StreamConsumers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamConsumers.class);
    private static final long INVOCATION_LIMIT_SECONDS = 120;

    private final List<StreamPoller> pollers = new ArrayList<>();

    StreamConsumers(JsonNode topology, Map<String, FunctionHost> functions, DynamoDbClient dynamo, DynamoDbStreamsClient streams,
            Path data) {
        Map<String, Set<Table>> tables = new LinkedHashMap<>();
        Map<String, Integer> batchSizes = new LinkedHashMap<>();
        for (JsonNode consumer : topology.path("streamConsumers")) {
            String function = consumer.get("function").asText();
            if (functions.containsKey(function)) {
                tables.computeIfAbsent(function, f -> new LinkedHashSet<>()).add(StreamPipes.table(consumer.get("table").asText()));
                batchSizes.merge(function, consumer.get("batchSize").asInt(), Math::min);
            }
        }
        tables.forEach((function, consumed) -> {
            FunctionHost host = functions.get(function);
            int batchSize = batchSizes.get(function);
            pollers.add(new StreamPoller("stream-" + function, consumed, dynamo, streams, data.resolve("stream-" + function + ".json"),
                    (table, arn, records) -> deliver(host, batchSize, arn, records)));
        });
    }

    void start() {
        pollers.forEach(StreamPoller::start);
    }

    /** Invokes the function batch by batch; answers how many leading records it applied. */
    static int deliver(FunctionHost host, int batchSize, String streamArn, List<Record> records) {
        int consumed = 0;
        for (int from = 0; from < records.size(); from += batchSize) {
            List<Record> batch = records.subList(from, Math.min(records.size(), from + batchSize));
            ObjectNode event = Json.MAPPER.createObjectNode();
            ArrayNode list = event.putArray("Records");
            batch.forEach(record -> list.add(StreamRecords.shape(record, streamArn)));
            String failedAt;
            try {
                Invocation.Result result = host.invoke(Json.bytes(event)).get(INVOCATION_LIMIT_SECONDS, TimeUnit.SECONDS);
                if (result.failed()) {
                    LOG.warnf("%s failed a stream batch (%s); it will be delivered again", host.name(), result.errorType());
                    return consumed;
                }
                JsonNode failures = Json.parse(result.body()).path("batchItemFailures");
                failedAt = failures.isEmpty() ? null : failures.get(0).path("itemIdentifier").asText();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                LOG.warnf("%s did not take a stream batch (%s); it will be delivered again", host.name(), e.toString());
                return consumed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return consumed;
            }
            for (Record record : batch) {
                if (record.dynamodb().sequenceNumber().equals(failedAt)) {
                    return consumed;
                }
                consumed++;
            }
        }
        return consumed;
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
    }
}
