package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A captured {@code TransactWriteItems} body (DynamoDB's JSON wire format) as the SDK request that
 * produces it, so that the baseline can make the same call through the SDK. Only what a
 * transaction carries is read; the {@code ClientRequestToken} is left for the SDK to fill, as it
 * does for every call without one.
 */
final class WireRequests {
    private WireRequests() {
    }

    static TransactWriteItemsRequest transaction(String body) throws Exception {
        JsonNode tree = Results.JSON.readTree(body);
        List<TransactWriteItem> items = new ArrayList<>();
        for (JsonNode item : tree.path("TransactItems")) {
            TransactWriteItem.Builder builder = TransactWriteItem.builder();
            if (item.has("Put")) {
                JsonNode put = item.get("Put");
                builder.put(Put.builder().tableName(put.get("TableName").asText()).item(attributes(put.get("Item")))
                        .conditionExpression(text(put, "ConditionExpression")).expressionAttributeNames(names(put))
                        .expressionAttributeValues(values(put)).returnValuesOnConditionCheckFailure(text(put, "ReturnValuesOnConditionCheckFailure"))
                        .build());
            } else if (item.has("Update")) {
                JsonNode update = item.get("Update");
                builder.update(Update.builder().tableName(update.get("TableName").asText()).key(attributes(update.get("Key")))
                        .updateExpression(text(update, "UpdateExpression")).conditionExpression(text(update, "ConditionExpression"))
                        .expressionAttributeNames(names(update)).expressionAttributeValues(values(update))
                        .returnValuesOnConditionCheckFailure(text(update, "ReturnValuesOnConditionCheckFailure")).build());
            } else if (item.has("Delete")) {
                JsonNode delete = item.get("Delete");
                builder.delete(Delete.builder().tableName(delete.get("TableName").asText()).key(attributes(delete.get("Key")))
                        .conditionExpression(text(delete, "ConditionExpression")).expressionAttributeNames(names(delete))
                        .expressionAttributeValues(values(delete))
                        .returnValuesOnConditionCheckFailure(text(delete, "ReturnValuesOnConditionCheckFailure")).build());
            } else if (item.has("ConditionCheck")) {
                JsonNode check = item.get("ConditionCheck");
                builder.conditionCheck(ConditionCheck.builder().tableName(check.get("TableName").asText()).key(attributes(check.get("Key")))
                        .conditionExpression(text(check, "ConditionExpression")).expressionAttributeNames(names(check))
                        .expressionAttributeValues(values(check))
                        .returnValuesOnConditionCheckFailure(text(check, "ReturnValuesOnConditionCheckFailure")).build());
            } else {
                throw new IllegalArgumentException("a transaction item of no known kind: " + item);
            }
            items.add(builder.build());
        }
        return TransactWriteItemsRequest.builder().transactItems(items).returnConsumedCapacity(text(tree, "ReturnConsumedCapacity"))
                .returnItemCollectionMetrics(text(tree, "ReturnItemCollectionMetrics")).build();
    }

    /**
     * One action of a captured transaction: Put, Update, Delete or ConditionCheck, its table, the
     * table's name without the deployment's prefix ({@code fairdraw-tickets} is {@code tickets}),
     * and the action's JSON.
     */
    record Action(String action, String table, String kind, JsonNode request) {
        /** The item a Put writes, or the key the other actions name. */
        JsonNode itemOrKey() {
            return action.equals("Put") ? request.path("Item") : request.path("Key");
        }
    }

    /** The actions of a captured {@code TransactWriteItems} body, in order. */
    static List<Action> actions(String body) throws Exception {
        List<Action> actions = new ArrayList<>();
        for (JsonNode item : Results.JSON.readTree(body).path("TransactItems")) {
            String action = item.fieldNames().next();
            JsonNode request = item.get(action);
            String table = request.path("TableName").asText();
            actions.add(new Action(action, table, table.substring(table.indexOf('-') + 1), request));
        }
        return actions;
    }

    private static String text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText).orElse(null);
    }

    private static Map<String, String> names(JsonNode node) {
        JsonNode names = node.get("ExpressionAttributeNames");
        if (names == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        names.properties().forEach(entry -> out.put(entry.getKey(), entry.getValue().asText()));
        return out;
    }

    private static Map<String, AttributeValue> values(JsonNode node) {
        JsonNode values = node.get("ExpressionAttributeValues");
        return values == null ? null : attributes(values);
    }

    static Map<String, AttributeValue> attributes(JsonNode map) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        map.properties().forEach(entry -> out.put(entry.getKey(), value(entry.getValue())));
        return out;
    }

    /** One attribute value in DynamoDB's JSON: a single field naming its type. */
    static AttributeValue value(JsonNode node) {
        var field = node.properties().iterator().next();
        JsonNode value = field.getValue();
        return switch (field.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(attributes(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(strings(value));
            case "NS" -> AttributeValue.fromNs(strings(value));
            case "BS" -> AttributeValue.fromBs(strings(value).stream()
                    .map(text -> SdkBytes.fromByteArray(Base64.getDecoder().decode(text))).toList());
            default -> throw new IllegalArgumentException("an attribute value of unknown type " + field.getKey());
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(element -> out.add(element.asText()));
        return out;
    }
}
