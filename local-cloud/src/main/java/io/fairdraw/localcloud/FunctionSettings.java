package io.fairdraw.localcloud;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration each function gets here: the production profile, as deployed, with what
 * Terraform gives it in AWS (infra-terraform/modules/stack/settings.tf) pointed at the local
 * services, and the one local overlay: the values that can only differ on a laptop, each named in
 * {@link #OVERLAY} with its reason (docs/architecture.md lists them). FunctionSettingsTest holds
 * every other setting to a name Terraform sets, so nothing else differs unnoticed.
 */
final class FunctionSettings {
    /** A laptop-only key for sealing seeds at rest; in AWS the draw seals them with KMS. */
    static final String LOCAL_SEED_KEY = "bG9jYWwtZHJhdy1zZWVkLWtleS0zMi1ieXRlcyEhISE=";

    /**
     * Every setting that exists only here, and why. Terraform gives none of them; the functions
     * run without them in AWS.
     */
    static final Map<String, String> OVERLAY = Map.ofEntries(
            Map.entry("quarkus.dynamodb.endpoint-override", "DynamoDB Local, through the function's own IAM-enforcing proxy"),
            Map.entry("quarkus.dynamodb.aws.region", "DynamoDB Local's region; AWS_REGION in Lambda"),
            Map.entry("quarkus.dynamodb.aws.credentials.type", "static credentials for DynamoDB Local; the execution role in Lambda"),
            Map.entry("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "as above"),
            Map.entry("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "as above"),
            Map.entry("fairdraw.local.create-tables", "local-cloud creates the tables before any function starts; Terraform in AWS"),
            Map.entry("fairdraw.games.catalogue-file", "the catalogue with draws every few minutes (compressed timing)"),
            Map.entry("fairdraw.config.secrets-endpoint", "local-cloud's Secrets Manager on the control port"),
            Map.entry("fairdraw.payments.sandbox.pay-url", "local-cloud's sandbox provider page"),
            Map.entry("fairdraw.payments.sandbox.api-url", "local-cloud's sandbox provider API"),
            Map.entry("fairdraw.payout.sqs-endpoint", "local-cloud's SQS on the control port"),
            Map.entry("fairdraw.draw.seed-key", "seeds sealed with a laptop key (fairdraw.draw.secrets=local); KMS in AWS"),
            Map.entry("fairdraw.draw.allow-local-beacon", "the local beacon instead of drand's relays, which a laptop may not reach"),
            Map.entry("quarkus.datasource.password", "the local PostgreSQL trusts this machine; an IAM token in AWS"));

    /** Settings Terraform also gives, here with the local value that stands in for AWS's. */
    static final Set<String> DEPLOYED_WITH_LOCAL_VALUES = Set.of("quarkus.oidc.auth-server-url", "quarkus.oidc.staff.auth-server-url",
            "fairdraw.identity.players.issuer", "fairdraw.identity.players.clients", "fairdraw.identity.players.scope",
            "fairdraw.identity.players.jwks-url", "fairdraw.identity.staff.issuer", "fairdraw.identity.staff.clients",
            "fairdraw.identity.staff.scope", "fairdraw.identity.staff.jwks-url", "fairdraw.config.secrets", "fairdraw.payments.return-url", "fairdraw.payout.parts-queue-url",
            "fairdraw.draw.secrets", "fairdraw.draw.beacon", "quarkus.datasource.reactive.url", "quarkus.datasource.username");

    /** The players' realm's clients and scope, as the players' pool's (local-cloud/realm). */
    static final String PLAYER_CLIENTS = "fairdraw-web,fairdraw-cli";
    static final String PLAYER_SCOPE = "fairdraw/play";
    /** The staff realm's client and scope, as the staff pool's. */
    static final String STAFF_CLIENTS = "fairdraw-back-office";
    static final String STAFF_SCOPE = "fairdraw/back-office";

    private FunctionSettings() {
    }

    /**
     * The pools each function trusts, as settings.tf gives them (players_http, players_and_staff_http,
     * staff_http, and the authorizer's both pools): the two realms stand for the two user pools.
     */
    static Map<String, String> identity(String function, Settings settings) {
        Map<String, String> players = Map.of("fairdraw.identity.players.issuer", settings.issuer(),
                "fairdraw.identity.players.clients", PLAYER_CLIENTS, "fairdraw.identity.players.scope", PLAYER_SCOPE);
        Map<String, String> staff = Map.of("fairdraw.identity.staff.issuer", settings.staffIssuer(),
                "fairdraw.identity.staff.clients", STAFF_CLIENTS, "fairdraw.identity.staff.scope", STAFF_SCOPE);
        Map<String, String> p = new LinkedHashMap<>();
        switch (function) {
            case "registration", "betting" -> {
                p.putAll(players);
                p.putAll(staff);
                p.put("quarkus.oidc.auth-server-url", settings.issuer());
                p.put("quarkus.oidc.staff.auth-server-url", settings.staffIssuer());
            }
            case "wallet" -> {
                p.putAll(players);
                p.put("quarkus.oidc.auth-server-url", settings.issuer());
            }
            case "backoffice-api" -> {
                p.putAll(staff);
                p.put("quarkus.oidc.auth-server-url", settings.staffIssuer());
            }
            case "compliance" -> {
                p.putAll(players);
                p.putAll(staff);
                p.put("fairdraw.identity.players.jwks-url", settings.issuer() + "/protocol/openid-connect/certs");
                p.put("fairdraw.identity.staff.jwks-url", settings.staffIssuer() + "/protocol/openid-connect/certs");
            }
            default -> {
            }
        }
        return p;
    }

    /**
     * A function's settings on this machine. {@code dynamo} is its own DynamoDB endpoint, for a
     * function whose topology entry grants it tables; a function without tables (the projector)
     * has no DynamoDB client and is given none of its settings, which it would ignore with a warning.
     */
    static Map<String, String> of(String function, Settings settings, Optional<String> dynamo, Path catalogue, String secretIds) {
        Map<String, String> p = new LinkedHashMap<>();
        dynamo.ifPresent(endpoint -> {
            p.put("quarkus.dynamodb.endpoint-override", endpoint);
            p.put("quarkus.dynamodb.aws.region", "us-east-1");
            p.put("quarkus.dynamodb.aws.credentials.type", "static");
            p.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
            p.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
            p.put("fairdraw.local.create-tables", "false");
        });
        p.put("fairdraw.games.catalogue-file", catalogue.toString());
        p.putAll(identity(function, settings));
        // Secrets come from Secrets Manager at start, as in AWS: local-cloud's, on the control port (LocalSecrets).
        p.put("fairdraw.config.secrets", secretIds);
        p.put("fairdraw.config.secrets-endpoint", "http://127.0.0.1:" + settings.controlPort());
        // The sandbox provider is local-cloud's (SandboxPage): it keeps the payments and payouts registered
        // at its API, serves the page the player pays on, and signs its notifications with this run's secret.
        p.put("fairdraw.payments.sandbox.pay-url", "http://localhost:" + settings.controlPort() + "/sandbox/pay/");
        p.put("fairdraw.payments.sandbox.api-url", "http://127.0.0.1:" + settings.controlPort() + "/sandbox");
        p.put("fairdraw.payments.return-url", "http://localhost:" + settings.apiPort() + "/wallet");
        switch (function) {
            case "payout" -> {
                String sqs = "http://127.0.0.1:" + settings.controlPort() + "/sqs";
                p.put("fairdraw.payout.sqs-endpoint", sqs);
                p.put("fairdraw.payout.parts-queue-url", sqs + "/000000000000/payout-settlements");
            }
            case "draw" -> {
                p.put("fairdraw.draw.secrets", "local");
                p.put("fairdraw.draw.seed-key", LOCAL_SEED_KEY);
                p.put("fairdraw.draw.beacon", "local");
                p.put("fairdraw.draw.allow-local-beacon", "true");
            }
            default -> {
            }
        }
        return p;
    }
}
