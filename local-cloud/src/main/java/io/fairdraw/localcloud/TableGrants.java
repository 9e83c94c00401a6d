package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.platform.dynamo.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One function's DynamoDB permissions as its IAM role has them in AWS, built from the same source
 * as that role: the tables of the function in topology.json, each with a level of access whose
 * actions the topology's {@code tableAccess} lists (modules/function/iam.tf takes them from there
 * too). A request is allowed only if every action it needs is granted on every table it names,
 * the way IAM authorises DynamoDB: a transaction per action it contains, a batch per table.
 * What was used and what was refused is kept, so a run can say which grants no call needed.
 */
final class TableGrants {
    /** The levels from least to most, each holding the one before it (a policy test checks). */
    static final List<String> LEVELS = List.of("read", "append", "update", "write");

    private static final Map<String, String> BY_PHYSICAL_NAME = physicalNames();

    private final String function;
    private final Map<String, String> levelByTable;
    private final Map<String, Set<String>> actionsByLevel;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final List<Map<String, String>> denied = new CopyOnWriteArrayList<>();

    /** An action on a table: what IAM evaluates. */
    record Need(String action, String table) {
    }

    private TableGrants(String function, Map<String, String> levelByTable, Map<String, Set<String>> actionsByLevel) {
        this.function = function;
        this.levelByTable = levelByTable;
        this.actionsByLevel = actionsByLevel;
    }

    static TableGrants of(JsonNode topology, String function) {
        JsonNode node = topology.get("functions").get(function);
        if (node == null) {
            throw new IllegalArgumentException("no function " + function + " in the topology");
        }
        Map<String, String> levels = new TreeMap<>();
        node.path("tables").fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asText()));
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        for (String level : LEVELS) {
            Set<String> set = new TreeSet<>();
            topology.get("tableAccess").get(level).forEach(a -> set.add(a.asText()));
            actions.put(level, set);
        }
        return new TableGrants(function, levels, actions);
    }

    String function() {
        return function;
    }

    /**
     * The actions a DynamoDB request needs and the logical tables it names; a table not of the
     * platform keeps its own name, which no function is granted.
     */
    static List<Need> needs(String operation, JsonNode body) {
        List<Need> needs = new ArrayList<>();
        switch (operation) {
            case "TransactWriteItems" -> body.path("TransactItems").forEach(item -> item.fields().forEachRemaining(e -> {
                String action = switch (e.getKey()) {
                    case "ConditionCheck" -> "ConditionCheckItem";
                    default -> e.getKey() + "Item";
                };
                needs.add(new Need("dynamodb:" + action, logical(e.getValue().path("TableName").asText())));
            }));
            case "TransactGetItems" -> body.path("TransactItems").forEach(
                    item -> needs.add(new Need("dynamodb:GetItem", logical(item.path("Get").path("TableName").asText()))));
            case "BatchGetItem", "BatchWriteItem" -> body.path("RequestItems").fieldNames()
                    .forEachRemaining(table -> needs.add(new Need("dynamodb:" + operation, logical(table))));
            default -> needs.add(new Need("dynamodb:" + operation, body.has("TableName") ? logical(body.get("TableName").asText()) : "*"));
        }
        return needs;
    }

    /** The first need no grant allows, recording it, or empty after recording every need as used. */
    Optional<Need> authorize(String operation, JsonNode body) {
        List<Need> needs = needs(operation, body);
        for (Need need : needs) {
            String level = levelByTable.get(need.table());
            if (level == null || !actionsByLevel.get(level).contains(need.action())) {
                denied.add(Map.of("operation", operation, "action", need.action(), "table", need.table()));
                return Optional.of(need);
            }
        }
        needs.forEach(need -> used.add(need.table() + " " + need.action()));
        return Optional.empty();
    }

    /** What AWS says of a refused call, naming the role Terraform gives this function. */
    String denialMessage(Need need) {
        String resource = need.table().equals("*") ? "*" : "arn:aws:dynamodb:us-east-1:000000000000:table/fairdraw-" + need.table();
        return "User: arn:aws:sts::000000000000:assumed-role/fairdraw-" + function + "-fn/fairdraw-" + function
                + " is not authorized to perform: " + need.action() + " on resource: " + resource
                + " because no identity-based policy allows the " + need.action() + " action";
    }

    /**
     * This run so far: the refused calls, and each granted table whose access is more than its
     * calls needed (never touched, or a lower level would do) — candidates for removal, if the
     * run exercised the function's paths that use them.
     */
    Map<String, Object> report() {
        List<Map<String, Object>> wider = new ArrayList<>();
        levelByTable.forEach((table, granted) -> {
            Set<String> actions = new TreeSet<>();
            used.stream().filter(u -> u.startsWith(table + " ")).forEach(u -> actions.add(u.substring(table.length() + 1)));
            String needed = actions.isEmpty() ? "none" : LEVELS.stream()
                    .filter(level -> actionsByLevel.get(level).containsAll(actions)).findFirst().orElse(granted);
            if (!needed.equals(granted)) {
                wider.add(Map.of("table", table, "granted", granted, "needed", needed, "used", List.copyOf(actions)));
            }
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("denied", List.copyOf(denied));
        report.put("widerThanUsed", wider);
        return report;
    }

    private static String logical(String physical) {
        return BY_PHYSICAL_NAME.getOrDefault(physical, physical);
    }

    private static Map<String, String> physicalNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            names.put(table.defaultName(), table.logicalName());
        }
        return names;
    }
}
