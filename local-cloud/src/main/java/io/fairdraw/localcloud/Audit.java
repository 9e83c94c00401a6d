package io.fairdraw.localcloud;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerItems;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.platform.tickets.TicketLeaves;
import io.fairdraw.platform.tickets.TicketResults;
import io.fairdraw.testsupport.TestTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The platform's invariants, checked over everything stored (full scans: a laptop and test
 * tool, never a request path). The ledger reconciles; a draw's sealed set is exactly its tickets
 * (count and Merkle root recomputed from the tickets table), so no ticket came after the close
 * and none was left out; every win recorded by a settlement was credited by exactly one
 * WINNINGS transfer of the same amount and no WINNINGS transfer lacks its win; a settled draw's
 * escrow is empty.
 */
final class Audit {
    private final DynamoDbClient dynamo;
    private final TableNames tables = TestTables.defaults();

    Audit(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** What was checked and every breach found; no breach means every invariant holds. */
    Map<String, Object> run() {
        List<String> breaches = new ArrayList<>();
        Transactions transactions = new Transactions(dynamo);
        LedgerReconciler reconciler = new LedgerReconciler(new Ledger(dynamo, transactions, tables));
        breaches.addAll(reconciler.breaches());
        Map<AccountId, Money> virtual = reconciler.virtualBalances();

        Draws draws = new Draws(dynamo, transactions, tables);
        TicketLeaves leaves = new TicketLeaves(dynamo, tables);
        Map<String, Integer> byStatus = new HashMap<>();
        int sealedTickets = 0;
        for (Map<String, AttributeValue> item : scan(tables.draws())) {
            Optional<Draw> found = draws.find(item.get(Table.Attributes.PARTITION_KEY).s());
            if (found.isEmpty()) {
                continue;
            }
            Draw draw = found.get();
            byStatus.merge(draw.status().name(), 1, Integer::sum);
            if (draw.seal().isPresent()) {
                List<TicketLeaf> tickets = leaves.leaves(draw.id());
                Draw.Seal seal = draw.seal().get();
                if (tickets.size() != seal.leafCount()) {
                    breaches.add(draw.id() + ": sealed " + seal.leafCount() + " tickets, the table holds " + tickets.size());
                }
                String root = HexFormat.of().formatHex(MerkleTree.root(tickets.stream().map(t -> MerkleTree.leafHash(t.bytes())).toList()));
                if (!tickets.isEmpty() && !root.equals(seal.root())) {
                    breaches.add(draw.id() + ": the tickets' Merkle root " + root + " is not the sealed " + seal.root());
                }
                sealedTickets += tickets.size();
            }
            if (draw.status() == DrawStatus.SETTLED) {
                Money escrow = virtual.getOrDefault(AccountId.of(AccountType.SALES_ESCROW, draw.id(), CurrencyCode.of(draw.currency())),
                        Money.zero(CurrencyCode.of(draw.currency())));
                if (escrow.amountMinor() != 0) {
                    breaches.add(draw.id() + ": settled with " + escrow.amountMinor() + " left in its escrow");
                }
            }
        }

        Map<String, Long> wins = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : scan(tables.settlements())) {
            TicketResults.marker(item).filter(marker -> marker.result().kind() == TicketResults.Kind.WIN)
                    .ifPresent(marker -> wins.put(marker.ticketId(), marker.result().amountMinor()));
        }
        Map<String, List<Long>> credits = new HashMap<>();
        for (Map<String, AttributeValue> item : scan(tables.transfers())) {
            Transfer transfer = LedgerItems.transfer(item);
            if (transfer.kind() == TransferKind.WINNINGS) {
                credits.computeIfAbsent(transfer.reference(), k -> new ArrayList<>()).add(transfer.amount().amountMinor());
            }
        }
        wins.forEach((ticket, amount) -> {
            List<Long> paid = credits.getOrDefault(ticket, List.of());
            if (paid.size() != 1 || !paid.getFirst().equals(amount)) {
                breaches.add(ticket + ": won " + amount + ", credited " + paid);
            }
        });
        credits.keySet().stream().filter(ticket -> !wins.containsKey(ticket))
                .forEach(ticket -> breaches.add(ticket + ": credited winnings " + credits.get(ticket) + " without a recorded win"));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("holds", breaches.isEmpty());
        report.put("breaches", breaches);
        report.put("draws", byStatus);
        report.put("sealedTickets", sealedTickets);
        report.put("winsPaid", wins.size());
        return report;
    }

    private Iterable<Map<String, AttributeValue>> scan(String table) {
        return dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items();
    }
}
