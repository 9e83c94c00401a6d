package io.fairdraw.platform.ledger;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferId;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Applies transfers exactly once. A transfer is recorded under its deterministic id only if the
 * id is new; applying the same cause twice finds the first transfer and changes nothing. A debit
 * of an account that may not go negative is conditioned on the balance covering it, inside the
 * same transaction, so concurrent debits can never overdraw it.
 */
@ApplicationScoped
public class Ledger {
    /** What applying a transfer did. */
    public sealed interface Outcome permits Applied, AlreadyApplied {
        Transfer transfer();
    }

    public record Applied(Transfer transfer) implements Outcome {
    }

    /** The same cause was applied before: nothing was written this time. */
    public record AlreadyApplied(Transfer transfer) implements Outcome {
    }

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String accounts;
    private final String postings;
    private final String transfers;

    @Inject
    public Ledger(DynamoDbClient dynamo, Transactions transactions, TableNames tables) {
        this(dynamo, transactions, tables.accounts(), tables.postings(), tables.transfers());
    }

    public Ledger(DynamoDbClient dynamo, Transactions transactions, String accounts, String postings, String transfers) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.accounts = accounts;
        this.postings = postings;
        this.transfers = transfers;
    }

    public Outcome apply(Transfer transfer, AuditStamp stamp) {
        return apply(transfer, Transaction.empty(), stamp);
    }

    /**
     * Applies the transfer together with the caller's own actions, all or nothing. The ledger's
     * actions come first: the transfer record and, for each real (not virtual) side, its balance
     * and its posting. A stake into a draw's virtual escrow touches only the wallet, so no bet
     * writes a shared item.
     */
    public Outcome apply(Transfer transfer, Transaction alongside, AuditStamp stamp) {
        AlreadyRecorded duplicate = new AlreadyRecorded();
        Transaction transaction = Transaction.of("transfer " + transfer.id().value(), recordTransfer(transfer, stamp), duplicate);
        boolean debitReal = !transfer.debit().type().isVirtual();
        boolean creditReal = !transfer.credit().type().isVirtual();
        if (debitReal) {
            transaction.add("debit " + transfer.debit().value(), debit(transfer), () -> new DomainException(ErrorType.INSUFFICIENT_FUNDS,
                    transfer.debit().type() + " does not cover " + transfer.amount().amountMinor() + " " + transfer.amount().currency()));
        }
        if (creditReal) {
            transaction.add("credit " + transfer.credit().value(), credit(transfer));
        }
        if (debitReal) {
            transaction.add("posting on " + transfer.debit().value(),
                    post(transfer, transfer.debit(), transfer.amount().negate().amountMinor(), transfer.credit(), stamp));
        }
        if (creditReal) {
            transaction.add("posting on " + transfer.credit().value(),
                    post(transfer, transfer.credit(), transfer.amount().amountMinor(), transfer.debit(), stamp));
        }
        if (transaction.size() + alongside.size() > Transactions.MAX_ACTIONS) {
            throw new IllegalArgumentException("at most " + (Transactions.MAX_ACTIONS - transaction.size()) + " actions fit beside this transfer");
        }
        try {
            transactions.write(transaction.addAll(alongside));
            return new Applied(transfer);
        } catch (AlreadyRecordedException recorded) {
            return new AlreadyApplied(sameAsRecorded(transfer));
        }
    }

    public Optional<Transfer> find(TransferId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(transfers).key(LedgerItems.key(id.value())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LedgerItems.transfer(item));
    }

    /** The account's balance, zero for an account that never moved. */
    public Money balance(AccountId account) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(accounts).key(LedgerItems.key(account.value())).consistentRead(true)).item();
        long balance = item == null || item.isEmpty() ? 0 : Long.parseLong(item.get(LedgerItems.BALANCE).n());
        return new Money(balance, account.currency());
    }

    String accountsTable() {
        return accounts;
    }

    String transfersTable() {
        return transfers;
    }

    String postingsTable() {
        return postings;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    private Transfer sameAsRecorded(Transfer transfer) {
        Transfer recorded = find(transfer.id()).orElseThrow(() -> new IllegalStateException("transfer " + transfer.id() + " vanished"));
        boolean same = recorded.debit().equals(transfer.debit()) && recorded.credit().equals(transfer.credit())
                && recorded.amount().equals(transfer.amount());
        if (!same) {
            throw new DomainException(ErrorType.TRANSFER_CONFLICT,
                    "a different transfer was already recorded for " + transfer.kind() + " " + transfer.reference());
        }
        return recorded;
    }

    private TransactWriteItem recordTransfer(Transfer transfer, AuditStamp stamp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(transfers)
                .item(LedgerItems.transferItem(transfer, stamp))
                .conditionExpression("attribute_not_exists(" + LedgerItems.PK + ")").build()).build();
    }

    private TransactWriteItem debit(Transfer transfer) {
        Update.Builder update = accountUpdate(transfer.debit(), transfer.amount().negate().amountMinor());
        if (!transfer.debit().type().mayGoNegative()) {
            update.conditionExpression("#balance >= :amount");
            update.expressionAttributeValues(values(transfer.debit(), transfer.amount().negate().amountMinor(),
                    Map.of(":amount", LedgerItems.number(transfer.amount().amountMinor()))));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private TransactWriteItem credit(Transfer transfer) {
        return TransactWriteItem.builder().update(accountUpdate(transfer.credit(), transfer.amount().amountMinor()).build()).build();
    }

    private Update.Builder accountUpdate(AccountId account, long delta) {
        return Update.builder().tableName(accounts)
                .key(LedgerItems.key(account.value()))
                .updateExpression("SET #currency = :currency, #type = :type ADD #balance :delta, #version :one")
                .expressionAttributeNames(Map.of("#currency", LedgerItems.CURRENCY, "#type", LedgerItems.TYPE,
                        "#balance", LedgerItems.BALANCE, "#version", LedgerItems.VERSION))
                .expressionAttributeValues(values(account, delta, Map.of()));
    }

    private static Map<String, AttributeValue> values(AccountId account, long delta, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(more);
        values.put(":currency", AttributeValue.fromS(account.currency().code()));
        values.put(":type", AttributeValue.fromS(account.type().name()));
        values.put(":delta", LedgerItems.number(delta));
        values.put(":one", LedgerItems.number(1));
        return values;
    }

    private TransactWriteItem post(Transfer transfer, AccountId account, long signed, AccountId counterparty, AuditStamp stamp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(postings)
                .item(LedgerItems.postingItem(transfer, account, signed, counterparty, stamp)).build()).build();
    }

    /** The refusal raised when the transfer's id is taken; caught above and turned into AlreadyApplied. */
    private static final class AlreadyRecorded implements Supplier<DomainException> {
        @Override
        public DomainException get() {
            return new AlreadyRecordedException();
        }
    }

    private static final class AlreadyRecordedException extends DomainException {
        AlreadyRecordedException() {
            super(ErrorType.TRANSFER_CONFLICT, "the transfer was already recorded");
        }
    }
}
