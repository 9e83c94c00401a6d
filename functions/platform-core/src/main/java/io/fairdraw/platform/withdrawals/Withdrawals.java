package io.fairdraw.platform.withdrawals;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Withdrawals: the only place their attribute names appear, and every move of their status. */
@ApplicationScoped
public class Withdrawals {
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String STATUS = "status";
    private static final String PLAYER = "playerId";
    private static final String AMOUNT = "amountMinor";
    private static final String CURRENCY = "currency";
    private static final String PROVIDER = "provider";
    private static final String INSTRUMENT = "instrument";
    private static final String CREATED_AT = "createdAt";
    private static final String PAYOUT_ID = "providerPayoutId";
    private static final String REASON = "reason";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final Ledger ledger;
    private final String table;

    @Inject
    public Withdrawals(DynamoDbClient dynamo, Transactions transactions, Ledger ledger, TableNames tables) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.ledger = ledger;
        this.table = tables.withdrawals();
    }

    public Optional<Withdrawal> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Withdrawal(item.get(PK).s(), new PlayerId(item.get(PLAYER).s()),
                Money.of(Long.parseLong(item.get(AMOUNT).n()), item.get(CURRENCY).s()),
                new Instrument(item.get(PROVIDER).s(), item.get(INSTRUMENT).s()),
                Withdrawal.Status.valueOf(item.get(STATUS).s()), Instant.parse(item.get(CREATED_AT).s())));
    }

    /** The new withdrawal's item, written only if its id is new (wallet puts it in the transaction that moves the money). */
    public TransactWriteItem newWithdrawal(Withdrawal withdrawal, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>(key(withdrawal.id()));
        item.put(PLAYER, AttributeValue.fromS(withdrawal.player().value()));
        item.put(AMOUNT, AttributeValue.fromN(Long.toString(withdrawal.amount().amountMinor())));
        item.put(CURRENCY, AttributeValue.fromS(withdrawal.amount().currency().code()));
        item.put(PROVIDER, AttributeValue.fromS(withdrawal.instrument().provider()));
        item.put(INSTRUMENT, AttributeValue.fromS(withdrawal.instrument().reference()));
        item.put(STATUS, AttributeValue.fromS(withdrawal.status().name()));
        item.put(CREATED_AT, AttributeValue.fromS(withdrawal.requestedAt().toString()));
        stamp(item, stamp);
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + PK + ")").build()).build();
    }

    /**
     * Moves the withdrawal from one of {@code from} to {@code to} with no money moving (SENT,
     * REVIEW, back to REQUESTED); false when it had already moved elsewhere.
     */
    public boolean mark(String id, Set<Withdrawal.Status> from, Withdrawal.Status to, Optional<String> note, AuditStamp stamp) {
        try {
            transactions.write(Transaction.of("withdrawal to " + to, move(id, from, to, note, stamp), Moved::new));
            return true;
        } catch (Moved moved) {
            return false;
        }
    }

    /**
     * The withdrawal's final state with its money, in one transaction, once: PAID moves the
     * amount from pending to the provider's clearing; RETURNED moves it back to the wallet.
     * False when it was settled before.
     */
    public boolean settle(Withdrawal withdrawal, boolean paid, Optional<String> note, Instant at, AuditStamp stamp) {
        AccountId pending = AccountId.pendingWithdrawal(withdrawal.player(), withdrawal.amount().currency());
        Transfer transfer = paid
                ? Transfer.of(TransferKind.WITHDRAWAL_PAID, withdrawal.id(), pending,
                        AccountId.clearing(withdrawal.instrument().provider(), withdrawal.amount().currency()), withdrawal.amount(), at)
                : Transfer.of(TransferKind.WITHDRAWAL_RETURNED, withdrawal.id(), pending,
                        AccountId.wallet(withdrawal.player(), withdrawal.amount().currency()), withdrawal.amount(), at);
        Withdrawal.Status to = paid ? Withdrawal.Status.PAID : Withdrawal.Status.RETURNED;
        Set<Withdrawal.Status> from = paid ? Set.of(Withdrawal.Status.REQUESTED, Withdrawal.Status.SENT)
                : Set.of(Withdrawal.Status.REQUESTED, Withdrawal.Status.SENT, Withdrawal.Status.REVIEW, Withdrawal.Status.APPROVED);
        try {
            Ledger.Outcome outcome = ledger.apply(transfer,
                    Transaction.of("withdrawal to " + to, move(withdrawal.id(), from, to, note, stamp), Moved::new), stamp);
            return outcome instanceof Ledger.Applied;
        } catch (Moved moved) {
            return false;
        }
    }

    private TransactWriteItem move(String id, Set<Withdrawal.Status> from, Withdrawal.Status to, Optional<String> note, AuditStamp stamp) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#actor", AuditStamp.ACTOR_ATTRIBUTE,
                "#request", AuditStamp.REQUEST_ID_ATTRIBUTE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", AttributeValue.fromS(to.name()),
                ":actor", AttributeValue.fromS(stamp.actor()), ":request", AttributeValue.fromS(stamp.requestId().value())));
        StringBuilder condition = new StringBuilder("#status IN (");
        int i = 0;
        for (Withdrawal.Status status : from) {
            values.put(":from" + i, AttributeValue.fromS(status.name()));
            condition.append(i == 0 ? "" : ", ").append(":from").append(i);
            i++;
        }
        condition.append(")");
        String update = "SET #status = :to, #actor = :actor, #request = :request";
        if (note.isPresent()) {
            names.put("#note", to == Withdrawal.Status.SENT ? PAYOUT_ID : REASON);
            values.put(":note", AttributeValue.fromS(note.get()));
            update += ", #note = :note";
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(id))
                .updateExpression(update).conditionExpression(condition.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, AttributeValue.fromS(id));
    }

    private static void stamp(Map<String, AttributeValue> item, AuditStamp stamp) {
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
    }

    /** A status move found the withdrawal already elsewhere. */
    private static final class Moved extends DomainException {
        Moved() {
            super(ErrorType.CONCURRENT_UPDATE, "the withdrawal already moved");
        }
    }
}
