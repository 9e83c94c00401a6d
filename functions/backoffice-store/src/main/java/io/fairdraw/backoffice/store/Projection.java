package io.fairdraw.backoffice.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one stream record to the reporting store, inside the caller's transaction. Safe to
 * replay and to receive out of order: the audit entry is keyed by the record's event id (a
 * record seen before changes nothing), transfers are immutable (the first record is kept), and a
 * draw, player, withdrawal, deposit, instrument or exposure row keeps the change with the highest sequence number of that item, removals
 * included (a tombstone), so an older record arriving late is ignored.
 */
@ApplicationScoped
public class Projection {
    /** Attributes that are personal data: never copied into the audit trail or the report rows. */
    static final Set<String> PERSONAL = Set.of("displayName", "dateOfBirth", "marketingEmail", "marketingSms");

    private final PersonalData personalData;

    public Projection(PersonalData personalData) {
        this.personalData = personalData;
    }

    /**
     * Applies the record; true when it was new (always for a liability budget record, which is
     * kept only as its shard's latest counter, by sequence number). Call inside a transaction.
     */
    public Uni<Boolean> apply(ChangeRecord record) {
        if (is(record.table(), "liability")) {
            // Budget counters follow from the ticket purchases, which are audited; they only feed the exposures report.
            return exposure(record).replaceWith(true);
        }
        return AuditEntry.<AuditEntry>findById(record.eventId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(false);
            }
            return audit(record).persist().chain(() -> project(record)).replaceWith(true);
        });
    }

    private Uni<Void> project(ChangeRecord record) {
        if (is(record.table(), "transfers")) {
            return transfer(record);
        }
        if (is(record.table(), "draws")) {
            return draw(record);
        }
        if (is(record.table(), "players")) {
            return player(record);
        }
        if (is(record.table(), "withdrawals")) {
            return withdrawal(record);
        }
        if (is(record.table(), "payment-instruments")) {
            return instrument(record);
        }
        if (is(record.table(), "deposits")) {
            return deposit(record);
        }
        return Uni.createFrom().voidItem();
    }

    /** Physical names carry an environment prefix ({@code fairdraw-dev-transfers}); the suffix says which table. */
    static boolean is(String table, String logical) {
        return table.equals(logical) || table.endsWith("-" + logical);
    }

    private Uni<Void> transfer(ChangeRecord record) {
        if (record.removal()) {
            return Uni.createFrom().voidItem();
        }
        return TransferRow.<TransferRow>findById(record.partitionKey()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            try {
                return transferRow(record).persist().replaceWithVoid();
            } catch (java.time.format.DateTimeParseException | io.fairdraw.model.error.ValidationException malformed) {
                // A record no retry can mend must not hold its shard back for good.
                throw new ChangeRecord.Unreadable("a transfer with a malformed time or account: " + malformed.getMessage());
            }
        });
    }

    private static TransferRow transferRow(ChangeRecord record) {
        TransferRow row = new TransferRow();
        row.id = record.partitionKey();
        row.debit = required(record, "debit");
        row.credit = required(record, "credit");
        row.amountMinor = record.number("amountMinor").orElseThrow(() -> new ChangeRecord.Unreadable("no amountMinor"));
        row.currency = required(record, "currency");
        row.kind = required(record, "kind");
        row.reference = required(record, "reference");
        row.at = Instant.parse(required(record, "at"));
        row.day = row.at.atOffset(ZoneOffset.UTC).toLocalDate();
        row.actor = record.string("actor").orElse(null);
        row.requestId = record.string("requestId").orElse(null);
        row.drawId = ownerOf(row, AccountType.SALES_ESCROW).orElse(null);
        row.playerId = ownerOf(row, AccountType.PLAYER_WALLET).or(() -> ownerOf(row, AccountType.PENDING_WITHDRAWAL)).orElse(null);
        row.sequence = record.sequence();
        return row;
    }

    private static Optional<String> ownerOf(TransferRow row, AccountType type) {
        for (String account : new String[] {row.debit, row.credit}) {
            AccountId id = new AccountId(account);
            if (id.type() == type) {
                return Optional.of(id.owner());
            }
        }
        return Optional.empty();
    }

    private Uni<Void> draw(ChangeRecord record) {
        return DrawRow.<DrawRow>findById(record.partitionKey()).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            DrawRow row = existing == null ? new DrawRow() : existing;
            row.id = record.partitionKey();
            row.removed = record.removal();
            row.gameId = record.string("gameId").orElse(row.gameId);
            row.status = record.string("status").orElse(row.status);
            row.drawTime = record.string("drawTime").orElse(row.drawTime);
            row.currency = record.string("currency").orElse(row.currency);
            row.salesMinor = record.number("salesMinor").orElse(null);
            row.payoutsMinor = record.number("payoutsMinor").orElse(null);
            row.ggrMinor = record.number("ggrMinor").orElse(null);
            row.sequence = record.sequence();
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> withdrawal(ChangeRecord record) {
        return WithdrawalRow.<WithdrawalRow>findById(record.partitionKey()).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            WithdrawalRow row = existing == null ? new WithdrawalRow() : existing;
            row.id = record.partitionKey();
            row.removed = record.removal();
            row.playerId = record.string("playerId").orElse(row.playerId);
            row.amountMinor = record.number("amountMinor").orElse(row.amountMinor);
            row.currency = record.string("currency").orElse(row.currency);
            row.provider = record.string("provider").orElse(row.provider);
            row.status = record.string("status").orElse(row.status);
            row.reason = record.string("reason").orElse(null);
            row.createdAt = record.string("createdAt").orElse(row.createdAt);
            row.sequence = record.sequence();
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> deposit(ChangeRecord record) {
        return DepositRow.<DepositRow>findById(record.partitionKey()).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            DepositRow row = existing == null ? new DepositRow() : existing;
            row.id = record.partitionKey();
            row.removed = record.removal();
            row.playerId = record.string("playerId").orElse(row.playerId);
            row.amountMinor = record.number("amountMinor").orElse(row.amountMinor);
            row.currency = record.string("currency").orElse(row.currency);
            row.provider = record.string("provider").orElse(row.provider);
            row.status = record.string("status").orElse(row.status);
            row.startedAs = record.string("providerPaymentId").orElse(row.startedAs);
            row.creditedPaymentId = record.string("creditedPaymentId").orElse(row.creditedPaymentId);
            row.createdAt = record.string("createdAt").orElse(row.createdAt);
            row.sequence = record.sequence();
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> exposure(ChangeRecord record) {
        String id = record.partitionKey();
        String[] parts = id.split("#");
        if (parts.length != 4) {
            throw new ChangeRecord.Unreadable("a liability key that is not draw#betType#selection#shard");
        }
        return ExposureRow.<ExposureRow>findById(id).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            ExposureRow row = existing == null ? new ExposureRow() : existing;
            row.id = id;
            row.drawId = parts[0];
            row.betType = parts[1];
            row.selection = parts[2];
            row.exposureMinor = record.removal() ? 0 : record.number("exposureMinor").orElse(0L);
            row.limitMinor = record.number("limitMinor").orElse(row.limitMinor);
            row.sequence = record.sequence();
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> instrument(ChangeRecord record) {
        String id = record.partitionKey() + "|" + record.sortKey();
        return InstrumentRow.<InstrumentRow>findById(id).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            InstrumentRow row = existing == null ? new InstrumentRow() : existing;
            row.id = id;
            row.playerId = record.partitionKey();
            row.removed = record.removal();
            row.provider = record.string("provider").orElse(row.provider);
            row.reference = record.string("instrument").orElse(row.reference);
            row.lastUsedAt = record.string("lastUsedAt").orElse(row.lastUsedAt);
            row.sequence = record.sequence();
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> player(ChangeRecord record) {
        String playerId = record.partitionKey();
        return PlayerRow.<PlayerRow>findById(playerId).chain(existing -> {
            if (existing != null && existing.sequence.compareTo(record.sequence()) >= 0) {
                return Uni.createFrom().voidItem();
            }
            PlayerRow row = existing == null ? new PlayerRow() : existing;
            row.id = playerId;
            row.removed = record.removal();
            row.status = record.string("status").orElse(row.status);
            row.kyc = record.string("kyc").orElse(row.kyc);
            row.country = record.string("country").orElse(row.country);
            row.subdivision = record.string("subdivision").orElse(row.subdivision);
            row.registeredAt = record.string("registeredAt").orElse(row.registeredAt);
            row.updatedAt = record.string("updatedAt").orElse(row.updatedAt);
            row.sequence = record.sequence();
            return row.persist().chain(() -> personal(record, playerId)).replaceWithVoid();
        });
    }

    /** Seals the name and date of birth under the player's key, unless the player was erased. */
    private Uni<Void> personal(ChangeRecord record, String playerId) {
        Optional<String> name = record.string("displayName");
        Optional<String> born = record.string("dateOfBirth");
        if (record.removal() || (name.isEmpty() && born.isEmpty())) {
            return Uni.createFrom().voidItem();
        }
        return PlayerKey.<PlayerKey>findById(playerId).chain(key -> {
            if (key != null && key.wrappedKey == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<PlayerKey> keyed;
            if (key == null) {
                PlayerKey created = new PlayerKey();
                created.playerId = playerId;
                created.wrappedKey = personalData.newWrappedKey(playerId);
                created.createdAt = Instant.now();
                keyed = created.persist().replaceWith(created);
            } else {
                keyed = Uni.createFrom().item(key);
            }
            return keyed.chain(k -> PersonalRecord.<PersonalRecord>findById(playerId).chain(existing -> {
                PersonalRecord sealed = existing == null ? new PersonalRecord() : existing;
                sealed.playerId = playerId;
                sealed.sealed = personalData.seal(playerId, k.wrappedKey,
                        new PersonalData.Personal(name.orElse(null), born.orElse(null)));
                sealed.sequence = record.sequence();
                return sealed.persist().replaceWithVoid();
            }));
        });
    }

    private static AuditEntry audit(ChangeRecord record) {
        AuditEntry entry = new AuditEntry();
        entry.eventId = record.eventId();
        entry.tableName = record.table();
        entry.eventName = record.eventName();
        entry.itemKey = truncate(record.keys().toString(), 1024);
        entry.at = record.approximateTime();
        entry.sequence = record.sequence();
        entry.actor = record.string("actor").orElse(null);
        entry.requestId = record.string("requestId").orElse(null);
        entry.playerId = playerOf(record).orElse(null);
        entry.drawId = drawOf(record).orElse(null);
        entry.detail = record.latest().map(image -> {
            ObjectNode copy = ((ObjectNode) image).deepCopy();
            copy.remove(PERSONAL);
            return copy.toString();
        }).orElse(null);
        return entry;
    }

    private static Optional<String> playerOf(ChangeRecord record) {
        if (is(record.table(), "players")) {
            return Optional.of(record.partitionKey());
        }
        Optional<String> named = record.string("owner").or(() -> record.string("playerId"));
        if (named.isPresent()) {
            return named;
        }
        for (String attribute : new String[] {"debit", "credit", "pk"}) {
            Optional<String> owner = record.string(attribute).flatMap(Projection::playerAccountOwner);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> drawOf(ChangeRecord record) {
        if (is(record.table(), "draws")) {
            return Optional.of(record.partitionKey());
        }
        Optional<String> named = record.string("drawId");
        if (named.isPresent()) {
            return named;
        }
        for (String attribute : new String[] {"debit", "credit"}) {
            Optional<String> escrow = record.string(attribute).flatMap(account -> accountOwner(account, AccountType.SALES_ESCROW));
            if (escrow.isPresent()) {
                return escrow;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> playerAccountOwner(String account) {
        return accountOwner(account, AccountType.PLAYER_WALLET).or(() -> accountOwner(account, AccountType.PENDING_WITHDRAWAL));
    }

    private static Optional<String> accountOwner(String account, AccountType type) {
        try {
            AccountId id = new AccountId(account);
            return id.type() == type ? Optional.of(id.owner()) : Optional.empty();
        } catch (RuntimeException notAnAccount) {
            return Optional.empty();
        }
    }

    private static String required(ChangeRecord record, String attribute) {
        return record.string(attribute).orElseThrow(() -> new ChangeRecord.Unreadable("no " + attribute));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
