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

    /** Records the provider's id of a pending deposit (a repeat with the same id changes nothing). */
    public void attachPayment(String depositId, String providerPaymentId) {
        dynamo.updateItem(b -> b.tableName(deposits).key(WalletItems.key(depositId))
                .updateExpression("SET #paymentId = :paymentId")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#paymentId", WalletItems.PROVIDER_PAYMENT_ID, "#pk", WalletItems.PK))
                .expressionAttributeValues(Map.of(":paymentId", AttributeValue.fromS(providerPaymentId))));
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

    /** Marks a deposit credited, in the transaction of the credit itself (which happens once). */
    public TransactWriteItem markCredited(String depositId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(deposits).key(WalletItems.key(depositId))
                .updateExpression("SET #status = :credited")
                .expressionAttributeNames(Map.of("#status", WalletItems.STATUS))
                .expressionAttributeValues(Map.of(":credited", AttributeValue.fromS(Deposit.Status.CREDITED.name())))
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
