package io.fairdraw.platform.ledger;

import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.TransferId;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import java.time.Instant;

/** One line of an account's statement: the balance moved by {@code amount} (negative when debited). */
public record Posting(AccountId account, TransferId transfer, TransferKind kind, Money amount, AccountId counterparty,
        String reference, Instant at) {
}
