package io.fairdraw.backoffice.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One DynamoDB stream record as Lambda (and EventBridge Pipes) delivers it: which table, what
 * happened, the item's key and images in DynamoDB JSON, and the stream sequence number. Records
 * of one item share a shard and their sequence numbers grow, so the number orders the changes of
 * an item; across items it orders nothing.
 */
public record ChangeRecord(String eventId, String table, String eventName, BigDecimal sequence, Instant approximateTime,
        JsonNode keys, Optional<JsonNode> newImage, Optional<JsonNode> oldImage) {

    /** Reads a record; anything that is not a readable stream record is {@link Unreadable}. */
    public static ChangeRecord of(JsonNode record) {
        String eventId = text(record, "eventID");
        String eventName = text(record, "eventName");
        if (!eventName.equals("INSERT") && !eventName.equals("MODIFY") && !eventName.equals("REMOVE")) {
            throw new Unreadable("unknown eventName " + eventName);
        }
        JsonNode dynamodb = record.path("dynamodb");
        String sequenceText = text(dynamodb, "SequenceNumber");
        if (!sequenceText.matches("[0-9]{1,40}")) {
            throw new Unreadable("the sequence number is not a number of at most 40 digits");
        }
        JsonNode keys = dynamodb.path("Keys");
        if (!keys.isObject() || keys.isEmpty()) {
            throw new Unreadable("no Keys");
        }
        Instant at = dynamodb.path("ApproximateCreationDateTime").isNumber()
                ? Instant.ofEpochMilli((long) (dynamodb.get("ApproximateCreationDateTime").asDouble() * 1000))
                : Instant.now();
        return new ChangeRecord(eventId, tableOf(text(record, "eventSourceARN")), eventName, new BigDecimal(sequenceText), at, keys,
                image(dynamodb, "NewImage"), image(dynamodb, "OldImage"));
    }

    /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>} gives {@code <name>}. */
    static String tableOf(String arn) {
        int start = arn.indexOf(":table/");
        if (start < 0) {
            throw new Unreadable("eventSourceARN names no table");
        }
        int end = arn.indexOf('/', start + 7);
        return arn.substring(start + 7, end < 0 ? arn.length() : end);
    }

    /** The latest image: the new one, or for a removal the old one. */
    public Optional<JsonNode> latest() {
        return newImage.isPresent() ? newImage : oldImage;
    }

    public boolean removal() {
        return eventName.equals("REMOVE");
    }

    /** A string attribute of the latest image ({@code {"S": ...}}). */
    public Optional<String> string(String attribute) {
        return latest().map(image -> image.path(attribute).path("S")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** A number attribute of the latest image ({@code {"N": ...}}) that fits a long. */
    public Optional<Long> number(String attribute) {
        return latest().map(image -> image.path(attribute).path("N")).filter(JsonNode::isTextual).flatMap(n -> {
            try {
                return Optional.of(Long.parseLong(n.asText()));
            } catch (NumberFormatException notALong) {
                return Optional.empty();
            }
        });
    }

    /** The partition key's text ({@code pk}). */
    public String partitionKey() {
        JsonNode pk = keys.path("pk").path("S");
        if (!pk.isTextual()) {
            throw new Unreadable("no string pk in Keys");
        }
        return pk.asText();
    }

    /** The sort key's text ({@code sk}), for tables that have one. */
    public String sortKey() {
        JsonNode sk = keys.path("sk").path("S");
        if (!sk.isTextual()) {
            throw new Unreadable("no string sk in Keys");
        }
        return sk.asText();
    }

    private static Optional<JsonNode> image(JsonNode dynamodb, String name) {
        JsonNode image = dynamodb.get(name);
        return image instanceof ObjectNode ? Optional.of(image) : Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > 2048) {
            throw new Unreadable("no " + field);
        }
        return value.asText();
    }

    /** A record no retry can mend. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
