package io.fairdraw.model.ledger;

import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable movement of money: {@code amount} leaves the debit account and arrives in the
 * credit account. Both accounts hold the amount's currency and differ; the amount is positive.
 * A mistake is never edited: a correcting transfer moves money back.
 */
public record Transfer(TransferId id, AccountId debit, AccountId credit, Money amount, TransferKind kind, String reference,
        Instant at) {

    public static final int MAX_REFERENCE_LENGTH = 200;

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debit, "debit");
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(at, "at");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a transfer moves a positive amount, not " + amount);
        }
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("a transfer moves money between two accounts, not within " + debit);
        }
        if (!debit.currency().equals(amount.currency()) || !credit.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("both accounts of a transfer hold its currency " + amount.currency());
        }
        if (reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("a reference is 1.." + MAX_REFERENCE_LENGTH + " characters");
        }
        if (!id.equals(TransferId.of(kind, reference))) {
            throw new IllegalArgumentException("a transfer's id is derived from its kind and reference");
        }
    }

    /** The transfer for a cause: its id follows from the kind and the reference. */
    public static Transfer of(TransferKind kind, String reference, AccountId debit, AccountId credit, Money amount, Instant at) {
        return new Transfer(TransferId.of(kind, reference), debit, credit, amount, kind, reference, at);
    }
}
