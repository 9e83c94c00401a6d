package io.fairdraw.platform.ledger;

import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.Reconciliation;
import io.fairdraw.model.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Proves the ledger's invariants over the stored tables: reads every account and every posting
 * (a full, paginated scan: an offline check for tests and the back office, never a request
 * path) and reports every breach. Virtual accounts (a draw's escrow) have no balance item:
 * their balances come from the transfers journal.
 */
@ApplicationScoped
public class LedgerReconciler {
    private final Ledger ledger;

    public LedgerReconciler(Ledger ledger) {
        this.ledger = ledger;
    }

    public List<String> breaches() {
        return breaches(virtualBalances());
    }

    /**
     * What every virtual account holds, from the journal: the sum of the transfers into it less
     * those out of it (a draw's escrow: its stakes less its move to the house and its refunds).
     */
    public Map<AccountId, Money> virtualBalances() {
        Map<AccountId, Money> balances = new HashMap<>();
        for (Map<String, AttributeValue> item : ledger.dynamo().scanPaginator(b -> b.tableName(ledger.transfersTable()).consistentRead(true)).items()) {
            Transfer transfer = LedgerItems.transfer(item);
            if (transfer.credit().type().isVirtual()) {
                balances.merge(transfer.credit(), transfer.amount(), Money::plus);
            }
            if (transfer.debit().type().isVirtual()) {
                balances.merge(transfer.debit(), transfer.amount().negate(), Money::plus);
            }
        }
        return balances;
    }

    private List<String> breaches(Map<AccountId, Money> virtualBalances) {
        Map<AccountId, Money> balances = new HashMap<>(virtualBalances);
        for (Map<String, AttributeValue> item : ledger.dynamo().scanPaginator(b -> b.tableName(ledger.accountsTable()).consistentRead(true)).items()) {
            AccountId account = new AccountId(item.get(LedgerItems.PK).s());
            balances.put(account, new Money(Long.parseLong(item.get(LedgerItems.BALANCE).n()), account.currency()));
        }
        List<Reconciliation.Posting> postings = new ArrayList<>();
        for (Map<String, AttributeValue> item : ledger.dynamo().scanPaginator(b -> b.tableName(ledger.postingsTable()).consistentRead(true)).items()) {
            Posting posting = LedgerItems.posting(item);
            postings.add(new Reconciliation.Posting(posting.account(), posting.amount()));
        }
        return Reconciliation.breaches(balances, postings);
    }
}
