package io.fairdraw.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's change records, read from DynamoDB Local's stream and shaped as a Lambda (and an
 * EventBridge Pipes source) receives them: {@code eventName}, and under {@code dynamodb} the
 * keys and the new and old images in DynamoDB JSON ({@code {"S": "..."}}).
 */
public final class StreamRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    /** Every record of the table's stream so far, oldest first. */
    public static List<ObjectNode> all(String table) {
        DynamoDbStreamsClient streams = LocalDynamo.shared().streams();
        String arn = LocalDynamo.shared().client().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<ObjectNode> records = new ArrayList<>();
        var shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                page.records().forEach(r -> records.add(shape(r, arn)));
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    /** One record in the shape Pipes and Lambda receive it (local-cloud's pipes use this too). */
    public static ObjectNode shape(Record record) {
        return shape(record, null);
    }

    /** One record of the stream {@code streamArn} as Lambda receives it, naming its source stream. */
    public static ObjectNode shape(Record record, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventID", record.eventID());
        if (streamArn != null) {
            event.put("eventSourceARN", streamArn);
        }
        event.put("eventName", record.eventNameAsString());
        event.put("eventVersion", "1.1");
        event.put("eventSource", "aws:dynamodb");
        event.put("awsRegion", "us-east-1");
        ObjectNode dynamodb = event.putObject("dynamodb");
        if (record.dynamodb().approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", image(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.set("NewImage", image(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.set("OldImage", image(record.dynamodb().oldImage()));
        }
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        return event;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = JSON.createObjectNode();
        item.forEach((name, value) -> image.set(name, value(value)));
        return image;
    }

    private static ObjectNode value(AttributeValue value) {
        ObjectNode typed = JSON.createObjectNode();
        switch (value.type()) {
            case S -> typed.put("S", value.s());
            case N -> typed.put("N", value.n());
            case BOOL -> typed.put("BOOL", value.bool());
            case NUL -> typed.put("NULL", true);
            case B -> typed.put("B", java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case L -> {
                ArrayNode list = typed.putArray("L");
                value.l().forEach(v -> list.add(value(v)));
            }
            case M -> typed.set("M", image(value.m()));
            case SS -> value.ss().forEach(typed.putArray("SS")::add);
            case NS -> value.ns().forEach(typed.putArray("NS")::add);
            default -> throw new IllegalArgumentException("unexpected attribute type " + value.type());
        }
        return typed;
    }
}
