package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.testsupport.LocalSecretsManager;
import io.fairdraw.testsupport.Topology;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets Manager and SQS on the control port hold each function to its IAM policy as Terraform
 * builds it from topology.json: a function reads only its own secrets and sends only to the
 * queues it is a sender of; anything else is AWS's AccessDenied, changes nothing, and is reported.
 */
class ServiceGrantsTest {
    @TempDir
    Path data;

    private static String signedBy(String function) {
        return "AWS4-HMAC-SHA256 Credential=" + ServiceGrants.accessKeyOf(function)
                + "/20261206/us-east-1/secretsmanager/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    }

    @Test
    void eachFunctionReadsItsOwnSecretsAndSendsToItsOwnQueuesOnly() throws Exception {
        JsonNode topology = Topology.load().document();
        LocalSecrets secrets = new LocalSecrets(data, "origin-secret-0123456789abcdef0123456789", "webhook-secret-0123456789abcdef01");
        Map<String, ServiceGrants> grants = new LinkedHashMap<>();
        topology.get("functions").fields().forEachRemaining(f -> grants.put(f.getKey(),
                ServiceGrants.of(topology, f.getKey(), secrets.idsOf(f.getValue()))));
        LocalQueue settlements = new LocalQueue("payout-settlements", null, Duration.ofMinutes(30), 5);
        Chaos chaos = new Chaos();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ControlApi control = new ControlApi(Map.of(), Map.of("payout-settlements", settlements),
                new EventBus(Json.parse("{\"eventRules\":[]}".getBytes()), Map.of(), data.resolve("events.log"), chaos), null,
                new SandboxPage("secret-0123456789abcdef0123456789ab", 1, new SandboxRecords(data.resolve("sandbox.jsonl"))), null, chaos,
                secrets.store(), Map.of(), grants);
        control.start(port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String screeningKey = "{\"SecretId\":\"" + LocalSecretsManager.arnOf("fairdraw-local/screening-key") + "\"}";
            String send = "{\"QueueUrl\":\"http://127.0.0.1/sqs/000000000000/payout-settlements\",\"MessageBody\":\"{}\"}";

            // registration screens names: its secret. The wallet does not: the same call is refused.
            assertThat(call(http, port, "/", "secretsmanager.GetSecretValue", "registration", screeningKey).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = call(http, port, "/", "secretsmanager.GetSecretValue", "wallet", screeningKey);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("AccessDeniedException", "fairdraw-wallet", "secretsmanager:GetSecretValue");
            // An unsigned request, or one signed with a key no function holds, is no function's.
            assertThat(call(http, port, "/", "secretsmanager.GetSecretValue", null, screeningKey).statusCode()).isEqualTo(400);

            // payout sends its settlement parts; the betting function may not.
            assertThat(call(http, port, "/sqs", "AmazonSQS.SendMessage", "payout", send).statusCode()).isEqualTo(200);
            HttpResponse<String> notASender = call(http, port, "/sqs", "AmazonSQS.SendMessage", "betting", send);
            assertThat(notASender.statusCode()).isEqualTo(400);
            assertThat(notASender.body()).contains("AccessDenied", "fairdraw-betting", "sqs:SendMessage");
            assertThat(settlements.status().get("visible")).as("only payout's message is on the queue").isEqualTo(1L);

            JsonNode report = Json.parse(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/iam")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            assertThat(report.get("wallet").get("denied").toString()).contains("secretsmanager:GetSecretValue");
            assertThat(report.get("betting").get("denied").toString()).contains("sqs:SendMessage", "payout-settlements");
            assertThat(report.get("payout").get("denied")).isEmpty();
            // Grants the calls above never used are listed as candidates for removal.
            assertThat(report.get("wallet").get("unused").toString()).contains("fairdraw-local/payment-providers");
            assertThat(report.get("registration").get("unused").toString()).doesNotContain("screening-key");
        } finally {
            control.close();
        }
    }

    @Test
    void theCallerIsTheAccessKeyOfTheSignature() {
        assertThat(ServiceGrants.accessKeyIn(
                "AWS4-HMAC-SHA256 Credential=LOCALPAYOUT/20261206/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=ab"))
                .contains("LOCALPAYOUT");
        assertThat(ServiceGrants.accessKeyIn(null)).isEmpty();
        assertThat(ServiceGrants.accessKeyIn("Bearer something")).isEmpty();
        assertThat(List.of("backoffice-api", "payout").stream().map(ServiceGrants::accessKeyOf).distinct()).hasSize(2);
    }

    private static HttpResponse<String> call(HttpClient http, int port, String path, String target, String function, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (function != null) {
            request.header("Authorization", signedBy(function));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
