package io.fairdraw.localcloud;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration each function gets here: what Terraform gives it in AWS, pointed at the
 * local services. The functions run their {@code dev} profile, whose values are the laptop ones
 * (local beacon allowed, local seed key); tables are created by
 * local-cloud itself before any function starts.
 */
final class FunctionSettings {
    private FunctionSettings() {
    }

    static Map<String, String> of(String function, Settings settings, String dynamoEndpoint, Path catalogue, String secretIds) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.profile", "dev");
        p.put("quarkus.dynamodb.endpoint-override", dynamoEndpoint);
        p.put("quarkus.dynamodb.aws.region", "us-east-1");
        p.put("quarkus.dynamodb.aws.credentials.type", "static");
        p.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
        p.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        p.put("fairdraw.local.create-tables", "false");
        p.put("fairdraw.games.catalogue-file", catalogue.toString());
        p.put("quarkus.oidc.auth-server-url", settings.issuer());
        p.put("fairdraw.identity.issuer", settings.issuer());
        p.put("fairdraw.identity.audience", settings.audience());
        // Secrets come from Secrets Manager at start, as in AWS: local-cloud's, on the control port (LocalSecrets).
        p.put("fairdraw.config.secrets", secretIds);
        p.put("fairdraw.config.secrets-endpoint", "http://127.0.0.1:" + settings.controlPort());
        // The sandbox provider is local-cloud's (SandboxPage): it keeps the payments and payouts registered
        // at its API, serves the page the player pays on, and signs its notifications with this run's secret.
        p.put("fairdraw.payments.sandbox.pay-url", "http://localhost:" + settings.controlPort() + "/sandbox/pay/");
        p.put("fairdraw.payments.sandbox.api-url", "http://127.0.0.1:" + settings.controlPort() + "/sandbox");
        p.put("fairdraw.payments.return-url", "http://localhost:" + settings.apiPort() + "/wallet");
        // As in AWS, the authorizer and every HTTP function refuse a request without the edge's secret.
        p.put("fairdraw.edge.origin-secret-required", "true");
        switch (function) {
            case "payout" -> {
                String sqs = "http://127.0.0.1:" + settings.controlPort() + "/sqs";
                p.put("fairdraw.payout.sqs-endpoint", sqs);
                p.put("fairdraw.payout.parts-queue-url", sqs + "/000000000000/payout-settlements");
            }
            default -> {
            }
        }
        return p;
    }
}
