package io.fairdraw.model.ledger;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's invariants, checked over what is stored: per currency the balances sum to zero
 * (money is neither made nor lost), every balance equals the sum of its account's postings
 * (a virtual account has none: its balance is given by the records it stands for), and no
 * account that may not go negative is negative. Returns every breach found, not just the first.
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** One signed posting: an account's balance moved by {@code amount} (negative for a debit). */
    public record Posting(AccountId account, Money amount) {
    }

    public static List<String> breaches(Map<AccountId, Money> balances, List<Posting> postings) {
        List<String> breaches = new ArrayList<>();
        Map<CurrencyCode, Money> sums = new HashMap<>();
        Map<AccountId, Money> posted = new HashMap<>();
        for (Posting posting : postings) {
            posted.merge(posting.account(), posting.amount(), Money::plus);
        }
        balances.forEach((account, balance) -> {
            sums.merge(balance.currency(), balance, Money::plus);
            Money expected = posted.getOrDefault(account, Money.zero(balance.currency()));
            if (!account.type().isVirtual() && !expected.equals(balance)) {
                breaches.add(account + " holds " + balance.amountMinor() + " but its postings sum to " + expected.amountMinor());
            }
            if (balance.isNegative() && !account.type().mayGoNegative()) {
                breaches.add(account + " is negative: " + balance.amountMinor());
            }
        });
        posted.forEach((account, sum) -> {
            if (!balances.containsKey(account) && !sum.isZero()) {
                breaches.add(account + " has postings summing to " + sum.amountMinor() + " but no balance");
            }
        });
        sums.forEach((currency, sum) -> {
            if (!sum.isZero()) {
                breaches.add("balances in " + currency + " sum to " + sum.amountMinor() + ", not zero");
            }
        });
        return breaches;
    }
}
