package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.Topology;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The chaos proxy against DynamoDB Local, with the SDK's retries off so each fault is seen: a
 * write failed before applying leaves nothing, one failed after applying is stored although the
 * caller was told it failed, a throttled one is refused; reads pass untouched; off means
 * nothing is touched. Held to a function's IAM policy, the proxy refuses what the role would not
 * allow, as AWS does, and lets nothing of a refused transaction through.
 */
class DynamoProxyTest {
    @Test
    void aFunctionIsDeniedWhatItsRoleDoesNotGrant() throws Exception {
        DynamoDbClient direct = LocalDynamo.shared().client();
        var topology = Topology.load().document();
        TableGrants walletGrants = TableGrants.of(topology, "wallet");
        try (DynamoProxy compliance = new DynamoProxy(LocalDynamo.shared().endpoint(), new Chaos(), TableGrants.of(topology, "compliance"));
                DynamoProxy wallet = new DynamoProxy(LocalDynamo.shared().endpoint(), new Chaos(), walletGrants)) {
            DynamoDbClient asCompliance = clientOf(compliance.start());
            DynamoDbClient asWallet = clientOf(wallet.start());
            Map<String, AttributeValue> player = Map.of("pk", AttributeValue.fromS("iam-test-player"));

            // The authorizer reads players; it may not write them, nor read the ledger.
            assertThat(asCompliance.getItem(b -> b.tableName("fairdraw-players").key(player)).hasItem()).isFalse();
            assertThatThrownBy(() -> asCompliance.putItem(b -> b.tableName("fairdraw-players").item(player)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.getMessage()).contains("fairdraw-compliance-fn", "dynamodb:PutItem", "table/fairdraw-players");
                    });
            assertThatThrownBy(() -> asCompliance.getItem(b -> b.tableName("fairdraw-accounts").key(Map.of("pk", AttributeValue.fromS("x")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThat(direct.getItem(b -> b.tableName("fairdraw-players").key(player)).hasItem()).as("nothing refused is written").isFalse();

            // The wallet appends postings but may not rewrite one, even inside a transaction whose other
            // action it may take: the whole transaction is refused and nothing of it applies.
            Map<String, AttributeValue> posting = Map.of("pk", AttributeValue.fromS("iam-test-account"), "sk", AttributeValue.fromS("0001"));
            assertThatThrownBy(() -> asWallet.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("fairdraw-deposits").item(Map.of("pk", AttributeValue.fromS("iam-test-deposit")))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName("fairdraw-postings").key(posting).updateExpression("SET amount = :a")
                            .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("1")))).build())))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.getMessage()).contains("dynamodb:UpdateItem", "table/fairdraw-postings"));
            assertThat(direct.getItem(b -> b.tableName("fairdraw-deposits").key(Map.of("pk", AttributeValue.fromS("iam-test-deposit")))).hasItem()).isFalse();
            asWallet.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("fairdraw-postings").item(posting)).build()));
            assertThat(direct.getItem(b -> b.tableName("fairdraw-postings").key(posting)).hasItem()).isTrue();
            direct.deleteItem(b -> b.tableName("fairdraw-postings").key(posting));

            assertThat(walletGrants.report().get("denied")).asList().containsExactly(
                    Map.of("operation", "TransactWriteItems", "action", "dynamodb:UpdateItem", "table", "postings"));
        }
    }

    @Test
    void theReportNamesEveryRefusalAndEveryGrantWiderThanItsUse() {
        var grants = TableGrants.of(Topology.load().document(), "compliance");
        assertThat(grants.authorize("GetItem", Json.parse("{\"TableName\":\"fairdraw-players\"}".getBytes()))).isEmpty();
        assertThat(grants.authorize("Scan", Json.parse("{\"TableName\":\"fairdraw-players\"}".getBytes()))).isPresent();
        assertThat(grants.authorize("ListTables", Json.parse("{}".getBytes()))).hasValue(new TableGrants.Need("dynamodb:ListTables", "*"));
        Map<String, Object> report = grants.report();
        assertThat(report.get("denied")).asList().extracting("action").containsExactly("dynamodb:Scan", "dynamodb:ListTables");
        assertThat(report.get("widerThanUsed")).asList().containsExactly(
                Map.of("table", "config-versions", "granted", "read", "needed", "none", "used", List.of()));
    }

    @Test
    void transactionsAndBatchesNeedAnActionPerItemOrTable() {
        var needs = TableGrants.needs("TransactWriteItems", Json.parse(("{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"fairdraw-players\"}},"
                + "{\"Put\":{\"TableName\":\"fairdraw-postings\"}},{\"Update\":{\"TableName\":\"fairdraw-accounts\"}},"
                + "{\"Delete\":{\"TableName\":\"fairdraw-idempotency\"}}]}").getBytes()));
        assertThat(needs).containsExactly(new TableGrants.Need("dynamodb:ConditionCheckItem", "players"),
                new TableGrants.Need("dynamodb:PutItem", "postings"), new TableGrants.Need("dynamodb:UpdateItem", "accounts"),
                new TableGrants.Need("dynamodb:DeleteItem", "idempotency"));
        assertThat(TableGrants.needs("BatchGetItem", Json.parse("{\"RequestItems\":{\"fairdraw-draws\":{},\"other\":{}}}".getBytes())))
                .containsExactly(new TableGrants.Need("dynamodb:BatchGetItem", "draws"), new TableGrants.Need("dynamodb:BatchGetItem", "other"));
    }

    private static DynamoDbClient clientOf(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

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
