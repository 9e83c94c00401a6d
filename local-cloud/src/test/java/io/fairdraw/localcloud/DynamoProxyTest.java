package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.LocalDynamo;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The chaos proxy against DynamoDB Local, with the SDK's retries off so each fault is seen: a
 * write failed before applying leaves nothing, one failed after applying is stored although the
 * caller was told it failed, a throttled one is refused; reads pass untouched; off means
 * nothing is touched.
 */
class DynamoProxyTest {
    @Test
    void writesFailBeforeOrAfterApplyingAndReadsPass() throws Exception {
        DynamoDbClient direct = LocalDynamo.shared().client();
        String table = "chaos-proxy-test";
        direct.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        Chaos chaos = new Chaos();
        try (DynamoProxy proxy = new DynamoProxy(LocalDynamo.shared().endpoint(), chaos)) {
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(proxy.start())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();

            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("before-chaos"))));
            chaos.start(new Chaos.Settings(42, 0.5, 0, 0));
            int answeredOk = 0;
            int failedWith500 = 0;
            int throttled = 0;
            for (int i = 0; i < 200; i++) {
                String key = "k" + i;
                try {
                    client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key))));
                    answeredOk++;
                } catch (DynamoDbException e) {
                    if (e.statusCode() == 500) {
                        failedWith500++;
                    } else {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                        throttled++;
                    }
                }
                // Reads are never failed, whatever the rate.
                assertThat(client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("before-chaos")))).hasItem()).isTrue();
            }
            @SuppressWarnings("unchecked")
            Map<String, Long> dealt = (Map<String, Long>) chaos.status().get("dealt");
            long stored = direct.scan(b -> b.tableName(table)).count() - 1;
            assertThat(failedWith500).isEqualTo(dealt.get("failedBeforeApplying") + dealt.get("failedAfterApplying"));
            assertThat(throttled).isEqualTo(dealt.get("throttled").intValue());
            assertThat(stored).as("what answered OK and what applied before its answer was lost")
                    .isEqualTo(answeredOk + dealt.get("failedAfterApplying"));
            assertThat(dealt.get("failedAfterApplying")).isPositive();
            assertThat(dealt.get("failedBeforeApplying")).isPositive();

            chaos.stop();
            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("after-chaos"))));
        } finally {
            direct.deleteTable(b -> b.tableName(table));
        }
    }
}
