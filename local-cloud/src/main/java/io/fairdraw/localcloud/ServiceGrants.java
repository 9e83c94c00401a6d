package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.testsupport.LocalSecretsManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function's Secrets Manager and SQS permissions as its IAM role has them in AWS, from the
 * same source as that role: the secrets of its topology.json roles (settings.tf's
 * function_secret_statements) and the queues topology.json names it a sender of
 * (queue_send_statements). A function is known by the access key its environment holds, as a
 * Lambda's requests are signed with its execution role's; local-cloud gives each its own
 * ({@link #accessKeyOf}). What was used and what was refused is kept for the run's report.
 */
final class ServiceGrants {
    private static final String ACCESS_KEY_PREFIX = "LOCAL";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    private final String function;
    private final Set<String> secrets;
    private final Set<String> sendQueues;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final List<Map<String, String>> denied = new CopyOnWriteArrayList<>();

    private ServiceGrants(String function, Set<String> secrets, Set<String> sendQueues) {
        this.function = function;
        this.secrets = secrets;
        this.sendQueues = sendQueues;
    }

    /** {@code secretIds}: the ARNs of the function's secrets, comma-separated as LocalSecrets gives them. */
    static ServiceGrants of(JsonNode topology, String function, String secretIds) {
        Set<String> secrets = new TreeSet<>();
        for (String id : secretIds.split(",")) {
            if (!id.isBlank()) {
                // By name: a request may name a secret by its ARN or its name.
                secrets.add(LocalSecretsManager.nameOf(id));
            }
        }
        Set<String> queues = new TreeSet<>();
        for (JsonNode queue : topology.path("queues")) {
            for (JsonNode sender : queue.path("senders")) {
                if (sender.asText().equals(function)) {
                    queues.add(queue.get("name").asText());
                }
            }
        }
        return new ServiceGrants(function, secrets, queues);
    }

    /** The access key id a function's process signs with: its own, so each call names its caller. */
    static String accessKeyOf(String function) {
        return ACCESS_KEY_PREFIX + function.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The caller's access key id from a SigV4 {@code Authorization} header, if it has one. */
    static Optional<String> accessKeyIn(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Empty when allowed (and recorded as used), else the message AWS would give. */
    Optional<String> getSecretValue(String secretId) {
        return authorize("secretsmanager:GetSecretValue", secretId, secrets.contains(secretId),
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + secretId);
    }

    /** Empty when allowed (and recorded as used), else the message AWS would give. */
    Optional<String> sendMessage(String queue) {
        return authorize("sqs:SendMessage", queue, sendQueues.contains(queue), "arn:aws:sqs:us-east-1:000000000000:" + queue);
    }

    private Optional<String> authorize(String action, String resource, boolean allowed, String arn) {
        if (allowed) {
            used.add(action + " " + resource);
            return Optional.empty();
        }
        denied.add(Map.of("action", action, "resource", resource));
        return Optional.of(denial(function, action, arn));
    }

    /** What AWS says of a refused call, naming the role Terraform gives this function. */
    static String denial(String function, String action, String arn) {
        return "User: arn:aws:sts::000000000000:assumed-role/fairdraw-" + function + "-fn/fairdraw-" + function
                + " is not authorized to perform: " + action + " on resource: " + arn
                + " because no identity-based policy allows the " + action + " action";
    }

    /** The refused calls, and the grants no call used: candidates for removal if the run took every path. */
    Map<String, Object> report() {
        List<String> unused = new ArrayList<>();
        secrets.stream().filter(s -> !used.contains("secretsmanager:GetSecretValue " + s))
                .forEach(s -> unused.add("secretsmanager:GetSecretValue " + s));
        sendQueues.stream().filter(q -> !used.contains("sqs:SendMessage " + q)).forEach(q -> unused.add("sqs:SendMessage " + q));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("denied", List.copyOf(denied));
        report.put("unused", unused);
        return report;
    }
}
