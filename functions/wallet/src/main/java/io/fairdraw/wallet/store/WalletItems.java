package io.fairdraw.wallet.store;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.wallet.Deposit;
import io.fairdraw.model.wallet.Instrument;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place the attribute names of deposit and instrument items appear (withdrawals: platform's {@code Withdrawals}). */
final class WalletItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String SK = Table.Attributes.SORT_KEY;
    static final String STATUS = "status";
    static final String PROVIDER_PAYMENT_ID = "providerPaymentId";
    static final String CREDITED_PAYMENT_ID = "creditedPaymentId";
    private static final String PLAYER = "playerId";
    private static final String AMOUNT = "amountMinor";
    private static final String CURRENCY = "currency";
    private static final String PROVIDER = "provider";
    private static final String INSTRUMENT = "instrument";
    private static final String CREATED_AT = "createdAt";
    private static final String LAST_USED_AT = "lastUsedAt";

    private WalletItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> deposit(Deposit deposit, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(deposit.id()));
        item.put(PLAYER, AttributeValue.fromS(deposit.player().value()));
        money(item, deposit.amount());
        item.put(PROVIDER, AttributeValue.fromS(deposit.provider()));
        deposit.providerPaymentId().ifPresent(id -> item.put(PROVIDER_PAYMENT_ID, AttributeValue.fromS(id)));
        deposit.creditedPaymentId().ifPresent(id -> item.put(CREDITED_PAYMENT_ID, AttributeValue.fromS(id)));
        item.put(STATUS, AttributeValue.fromS(deposit.status().name()));
        item.put(CREATED_AT, AttributeValue.fromS(deposit.createdAt().toString()));
        stamp(item, stamp);
        return item;
    }

    static Deposit deposit(Map<String, AttributeValue> item) {
        return new Deposit(item.get(PK).s(), new PlayerId(item.get(PLAYER).s()), money(item), item.get(PROVIDER).s(),
                Optional.ofNullable(item.get(PROVIDER_PAYMENT_ID)).map(AttributeValue::s),
                Deposit.Status.valueOf(item.get(STATUS).s()), Instant.parse(item.get(CREATED_AT).s()),
                Optional.ofNullable(item.get(CREDITED_PAYMENT_ID)).map(AttributeValue::s));
    }

    static Map<String, AttributeValue> instrument(PlayerId player, Instrument instrument, Instant usedAt, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(player.value()));
        item.put(SK, AttributeValue.fromS(instrument.id()));
        item.put(PROVIDER, AttributeValue.fromS(instrument.provider()));
        item.put(INSTRUMENT, AttributeValue.fromS(instrument.reference()));
        item.put(LAST_USED_AT, AttributeValue.fromS(usedAt.toString()));
        stamp(item, stamp);
        return item;
    }

    static Instrument instrument(Map<String, AttributeValue> item) {
        return new Instrument(item.get(PROVIDER).s(), item.get(INSTRUMENT).s());
    }

    static Instant lastUsed(Map<String, AttributeValue> item) {
        return Instant.parse(item.get(LAST_USED_AT).s());
    }

    private static void money(Map<String, AttributeValue> item, Money amount) {
        item.put(AMOUNT, AttributeValue.fromN(Long.toString(amount.amountMinor())));
        item.put(CURRENCY, AttributeValue.fromS(amount.currency().code()));
    }

    private static Money money(Map<String, AttributeValue> item) {
        return Money.of(Long.parseLong(item.get(AMOUNT).n()), item.get(CURRENCY).s());
    }

    private static void stamp(Map<String, AttributeValue> item, AuditStamp stamp) {
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
    }
}
