package io.fairdraw.platform.ledger;

import io.fairdraw.model.ledger.AccountId;
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
 * path) and reports every breach. Virtual escrow balances (a draw's tickets) are passed in by
 * the caller that knows them.
 */
@ApplicationScoped
public class LedgerReconciler {
    private final Ledger ledger;

    public LedgerReconciler(Ledger ledger) {
        this.ledger = ledger;
    }

    public List<String> breaches() {
        return breaches(Map.of());
    }

    public List<String> breaches(Map<AccountId, Money> virtualBalances) {
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
