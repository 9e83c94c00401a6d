package io.fairdraw.wallet.store;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.withdrawals.Withdrawals;
import io.fairdraw.wallet.Deposit;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reads and the transaction actions of the wallet's tables. Writes are offered as actions so the
 * service can put them into the same transaction as the ledger transfer or the compliance guard.
 */
@ApplicationScoped
public class WalletStore {
    /** A player has few instruments; reading more than this would be a sign of abuse. */
    public static final int MAX_INSTRUMENTS = 50;

    private final DynamoDbClient dynamo;
    private final String deposits;
    private final Withdrawals withdrawalItems;
    private final String instruments;

    public WalletStore(DynamoDbClient dynamo, TableNames tables, Withdrawals withdrawals) {
        this.dynamo = dynamo;
        this.deposits = tables.deposits();
        this.withdrawalItems = withdrawals;
        this.instruments = tables.paymentInstruments();
    }

    public Optional<Deposit> deposit(String id) {
        var item = dynamo.getItem(b -> b.tableName(deposits).key(WalletItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WalletItems.deposit(item));
    }

    /** A new deposit, written only if its id is new. */
    public TransactWriteItem newDeposit(Deposit deposit, AuditStamp stamp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(deposits).item(WalletItems.deposit(deposit, stamp))
                .conditionExpression("attribute_not_exists(" + WalletItems.PK + ")").build()).build();
    }

    /**
     * Records the provider's id of a pending deposit. A repeat with the same id changes nothing;
     * another id is refused (a provider is asked idempotently by deposit id, so it always answers
     * with the same payment), so a deposit is bound to one payment for good.
     */
    public void attachPayment(String depositId, String providerPaymentId) {
        try {
            dynamo.updateItem(b -> b.tableName(deposits).key(WalletItems.key(depositId))
                    .updateExpression("SET #paymentId = :paymentId")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#paymentId) OR #paymentId = :paymentId)")
                    .expressionAttributeNames(Map.of("#paymentId", WalletItems.PROVIDER_PAYMENT_ID, "#pk", WalletItems.PK))
                    .expressionAttributeValues(Map.of(":paymentId", AttributeValue.fromS(providerPaymentId))));
        } catch (ConditionalCheckFailedException bound) {
            throw new IllegalStateException("deposit " + depositId + " is bound to another payment than " + providerPaymentId, bound);
        }
    }

    /** Moves a deposit to its final status; it never leaves CREDITED once there. */
    public TransactWriteItem settleDeposit(String depositId, Deposit.Status status) {
        return TransactWriteItem.builder().update(Update.builder().tableName(deposits).key(WalletItems.key(depositId))
                .updateExpression("SET #status = :status")
                .conditionExpression("#status <> :credited")
                .expressionAttributeNames(Map.of("#status", WalletItems.STATUS))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name()),
                        ":credited", AttributeValue.fromS(Deposit.Status.CREDITED.name())))
                .build()).build();
    }

    /**
     * Marks a deposit credited by {@code paymentId}, in the transaction of the credit itself, on
     * condition that it is not credited yet and that it started as {@code startedAs}: the payment
     * must be the one the deposit was bound to, whatever the notification claimed.
     */
    public TransactWriteItem markCredited(String depositId, String startedAs, String paymentId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(deposits).key(WalletItems.key(depositId))
                .updateExpression("SET #status = :credited, #credited = :paymentId")
                .conditionExpression("#status <> :credited AND #startedAs = :startedAs")
                .expressionAttributeNames(Map.of("#status", WalletItems.STATUS, "#credited", WalletItems.CREDITED_PAYMENT_ID,
                        "#startedAs", WalletItems.PROVIDER_PAYMENT_ID))
                .expressionAttributeValues(Map.of(":credited", AttributeValue.fromS(Deposit.Status.CREDITED.name()),
                        ":paymentId", AttributeValue.fromS(paymentId), ":startedAs", AttributeValue.fromS(startedAs)))
                .build()).build();
    }

    public TransactWriteItem rememberInstrument(PlayerId player, Instrument instrument, Instant usedAt, AuditStamp stamp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(instruments)
                .item(WalletItems.instrument(player, instrument, usedAt, stamp)).build()).build();
    }

    /** The player's instruments, most recently used first. */
    public List<Instrument> instruments(PlayerId player) {
        return dynamo.query(b -> b.tableName(instruments)
                        .keyConditionExpression("#pk = :player")
                        .expressionAttributeNames(Map.of("#pk", WalletItems.PK))
                        .expressionAttributeValues(Map.of(":player", AttributeValue.fromS(player.value())))
                        .consistentRead(true)
                        .limit(MAX_INSTRUMENTS))
                .items().stream()
                .sorted(Comparator.comparing(WalletItems::lastUsed).reversed())
                .map(WalletItems::instrument)
                .toList();
    }

    public Optional<Withdrawal> withdrawal(String id) {
        return withdrawalItems.find(id);
    }

    public TransactWriteItem newWithdrawal(Withdrawal withdrawal, AuditStamp stamp) {
        return withdrawalItems.newWithdrawal(withdrawal, stamp);
    }
}
