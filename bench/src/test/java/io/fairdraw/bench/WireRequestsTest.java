package io.fairdraw.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.testsupport.LocalDynamo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

class WireRequestsTest {
    /** Stops a call once the SDK has marshalled and signed it, keeping its body. */
    private static final class Intercepted extends RuntimeException {
        Intercepted() {
            super("stopped before sending", null, false, false);
        }
    }

    @Test
    void theSdkSendsWhatWasCapturedAgain() throws Exception {
        AttributeValue everyType = AttributeValue.fromM(Map.of("s", AttributeValue.fromS("text"), "n", AttributeValue.fromN("-12.5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})), "bool", AttributeValue.fromBool(false),
                "null", AttributeValue.fromNul(true), "l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))),
                "ss", AttributeValue.fromSs(List.of("x", "y")), "ns", AttributeValue.fromNs(List.of("1", "2")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {7})))));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("ticket#1"), "sk", AttributeValue.fromS("meta"));
        TransactWriteItemsRequest original = TransactWriteItemsRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName("tickets").item(Map.of("pk", AttributeValue.fromS("t"),
                                "all", everyType)).conditionExpression("attribute_not_exists(pk)").build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName("ledger").key(key)
                                .updateExpression("SET #b = #b - :p").conditionExpression("#b >= :p")
                                .expressionAttributeNames(Map.of("#b", "balance")).expressionAttributeValues(Map.of(":p", AttributeValue.fromN("500")))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("draws").key(key)
                                .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":open", AttributeValue.fromS("OPEN"))).build()).build(),
                        TransactWriteItem.builder().delete(Delete.builder().tableName("claims").key(key).build()).build())
                .build();

        String wire = marshalled(original);
        TransactWriteItemsRequest again = WireRequests.transaction(wire);

        assertThat(Results.JSON.readTree(wire).hasNonNull("ClientRequestToken")).as("the SDK fills in a token").isTrue();
        assertThat(again).as("the same request, its token left for the SDK to fill").isEqualTo(original);
        var first = (com.fasterxml.jackson.databind.node.ObjectNode) Results.JSON.readTree(wire);
        var second = (com.fasterxml.jackson.databind.node.ObjectNode) Results.JSON.readTree(marshalled(again));
        first.remove("ClientRequestToken");
        second.remove("ClientRequestToken");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> WireRequests.transaction("{\"TransactItems\":[{\"Get\":{}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no known kind");
        assertThatThrownBy(() -> WireRequests.value(Results.JSON.readTree("{\"X\":\"1\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown type X");
    }

    /** The JSON body the SDK would send for {@code request}. */
    private static String marshalled(TransactWriteItemsRequest request) {
        AtomicReference<String> body = new AtomicReference<>();
        ExecutionInterceptor keep = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                try (var in = context.requestBody().orElseThrow().contentStreamProvider().newStream()) {
                    body.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new Intercepted();
            }
        };
        try (DynamoDbClient client = LocalDynamo.clientOf(URI.create("http://127.0.0.1:9"), keep)) {
            client.transactWriteItems(request);
        } catch (RuntimeException stopped) {
            // Intercepted, possibly wrapped by the SDK: the body is what counts.
        }
        assertThat(body.get()).as("the SDK marshalled the request").isNotNull();
        return body.get();
    }
}
