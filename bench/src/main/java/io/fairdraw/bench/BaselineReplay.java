package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.testsupport.TestPlayers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The function's captured writes made again for a baseline, against the baseline's own copy of
 * the tables (their names prefixed): the untimed writes the transactions depend on are sent at
 * once, the transactions are handed back per buyer, to be sent on the clock.
 */
final class BaselineReplay {
    private BaselineReplay() {
    }

    /**
     * Puts the round's writes other than its transactions (the idempotency claims they depend on)
     * into one baseline's tables, untimed; its transactions, renamed to those tables, per buyer.
     */
    static List<List<String>> replay(DynamoTap tap, List<DynamoTap.Captured> writes, String prefix,
            List<TestPlayers.TestPlayer> buyers) throws Exception {
        List<List<String>> transactions = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            transactions.add(new ArrayList<>());
        }
        for (DynamoTap.Captured write : writes) {
            String body = renameTables(write.body(), prefix);
            if (write.operation().equals("TransactWriteItems")) {
                transactions.get(owner(write.body(), buyers)).add(body);
            } else {
                tap.send(write.operation(), body);
            }
        }
        return transactions;
    }

    /** Which buyer a transaction belongs to: the one whose player id it names. */
    private static int owner(String body, List<TestPlayers.TestPlayer> buyers) {
        for (int i = 0; i < buyers.size(); i++) {
            if (body.contains(buyers.get(i).id().value())) {
                return i;
            }
        }
        throw new IllegalStateException("a captured transaction names none of the buyers");
    }

    /**
     * The body for a baseline's tables, as compact as the SDK writes it. A transaction's
     * ClientRequestToken (the SDK sets one on every TransactWriteItems) is replaced by a fresh one,
     * as the SDK would for a new request: DynamoDB refuses a token seen within ten minutes with
     * other parameters.
     */
    private static String renameTables(String body, String prefix) throws Exception {
        JsonNode tree = Results.JSON.readTree(body);
        rename(tree, prefix);
        if (tree instanceof ObjectNode object && object.has("ClientRequestToken")) {
            object.put("ClientRequestToken", UUID.randomUUID().toString());
        }
        return Results.WIRE.writeValueAsString(tree);
    }

    private static void rename(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            JsonNode name = object.get("TableName");
            if (name != null && name.isTextual()) {
                object.put("TableName", prefix + name.asText());
            }
            // BatchWriteItem names its tables as keys; none is captured here.
        }
        node.forEach(child -> rename(child, prefix));
    }
}
