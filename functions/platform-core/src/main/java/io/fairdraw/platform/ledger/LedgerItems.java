package io.fairdraw.platform.ledger;

import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferId;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place the attribute names of accounts, postings and transfers appear. */
public final class LedgerItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String SK = Table.Attributes.SORT_KEY;
    static final String BALANCE = "balanceMinor";
    static final String CURRENCY = "currency";
    static final String TYPE = "type";
    static final String VERSION = "version";
    static final String AMOUNT = "amountMinor";
    static final String DEBIT = "debit";
    static final String CREDIT = "credit";
    static final String KIND = "kind";
    static final String REFERENCE = "reference";
    static final String AT = "at";
    static final String TRANSFER = "transferId";
    static final String COUNTERPARTY = "counterparty";
    /** Sort keys start with the time in epoch milliseconds, zero-padded so text order is time order. */
    private static final String MILLIS_FORMAT = "%015d";

    private LedgerItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> transferItem(Transfer transfer, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(transfer.id().value()));
        item.put(DEBIT, AttributeValue.fromS(transfer.debit().value()));
        item.put(CREDIT, AttributeValue.fromS(transfer.credit().value()));
        item.put(AMOUNT, number(transfer.amount().amountMinor()));
        item.put(CURRENCY, AttributeValue.fromS(transfer.amount().currency().code()));
        item.put(KIND, AttributeValue.fromS(transfer.kind().name()));
        item.put(REFERENCE, AttributeValue.fromS(transfer.reference()));
        item.put(AT, AttributeValue.fromS(transfer.at().toString()));
        stamp(item, stamp);
        return item;
    }

    public static Transfer transfer(Map<String, AttributeValue> item) {
        String currency = item.get(CURRENCY).s();
        Transfer transfer = new Transfer(new TransferId(item.get(PK).s()), new AccountId(item.get(DEBIT).s()),
                new AccountId(item.get(CREDIT).s()), Money.of(Long.parseLong(item.get(AMOUNT).n()), currency),
                TransferKind.valueOf(item.get(KIND).s()), item.get(REFERENCE).s(), Instant.parse(item.get(AT).s()));
        return transfer;
    }

    /** A posting: the account's balance moved by {@code signed} because of the transfer. */
    static Map<String, AttributeValue> postingItem(Transfer transfer, AccountId account, long signed, AccountId counterparty,
            AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(account.value()));
        item.put(SK, AttributeValue.fromS(sortKey(transfer.at(), transfer.id())));
        item.put(AMOUNT, number(signed));
        item.put(CURRENCY, AttributeValue.fromS(account.currency().code()));
        item.put(TRANSFER, AttributeValue.fromS(transfer.id().value()));
        item.put(KIND, AttributeValue.fromS(transfer.kind().name()));
        item.put(REFERENCE, AttributeValue.fromS(transfer.reference()));
        item.put(COUNTERPARTY, AttributeValue.fromS(counterparty.value()));
        item.put(AT, AttributeValue.fromS(transfer.at().toString()));
        stamp(item, stamp);
        return item;
    }

    static Posting posting(Map<String, AttributeValue> item) {
        return new Posting(new AccountId(item.get(PK).s()), new TransferId(item.get(TRANSFER).s()),
                TransferKind.valueOf(item.get(KIND).s()),
                Money.of(Long.parseLong(item.get(AMOUNT).n()), item.get(CURRENCY).s()),
                new AccountId(item.get(COUNTERPARTY).s()), item.get(REFERENCE).s(), Instant.parse(item.get(AT).s()));
    }

    static String sortKey(Instant at, TransferId id) {
        return String.format(MILLIS_FORMAT, at.toEpochMilli()) + "#" + id.value();
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void stamp(Map<String, AttributeValue> item, AuditStamp stamp) {
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
    }
}
