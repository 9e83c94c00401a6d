package io.fairdraw.platform.players;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.PlayerLimit;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.compliance.TimeOut;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.testsupport.LocalDynamo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import org.junit.jupiter.api.Test;

/**
 * The guard inside real transactions on DynamoDB Local. A "bet" here is a scratch item written
 * in the same transaction as the guard's actions, standing in for the wallet and ticket items
 * the real callers write.
 */
class ComplianceGuardTest {
    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");
    static final Jurisdiction INDONESIA = JurisdictionFiles.sample().of(new CountryCode("ID")).orElseThrow();
    static final LimitKey DEPOSIT_DAY = new LimitKey(LimitKind.DEPOSIT, LimitWindow.DAY);

    final DynamoDbClient dynamo = LocalDynamo.shared().client();
    final ComplianceGuard guard = new ComplianceGuard(dynamo, Table.PLAYERS.defaultName(), Table.LIMIT_COUNTERS.defaultName(),
            Table.PLAYER_SAFETY.defaultName());
    final Transactions transactions = new Transactions(dynamo);

    static Player registered() {
        return registered(LocalDate.of(1990, 5, 17));
    }

    static Player registered(LocalDate born) {
        PlayerId id = PlayerId.derive("https://issuer.test", "guard-" + UUID.randomUUID());
        return Player.register(id, new Registration(new DateOfBirth(born),
                new Residence(new CountryCode("ID"), Optional.empty()), DisplayName.of("Guarded"), ContactPreferences.NONE),
                NOW.minus(Duration.ofDays(30)));
    }

    static Player verified() {
        return StandingChanges.recordIdentityCheck(registered(), KycOutcome.APPROVE, NOW.minus(Duration.ofDays(29)));
    }

    void store(Player player) {
        dynamo.putItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .item(PlayerItems.toItem(player, new AuditStamp("test", new RequestId("guard-test")))));
    }

    TransactWriteItem bet(String betId) {
        return TransactWriteItem.builder().put(Put.builder().tableName(Table.IDEMPOTENCY.defaultName())
                .item(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(betId))).build()).build();
    }

    boolean exists(String betId) {
        var item = dynamo.getItem(b -> b.tableName(Table.IDEMPOTENCY.defaultName()).consistentRead(true)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(betId)))).item();
        return item != null && !item.isEmpty();
    }

    /** A guarded bet: the player check first, the bet second; refusal explained by the guard. */
    void placeBet(PlayerId player, String betId, Instant at) {
        transactions.write(Transaction.of("player may play", guard.playerMayPlay(player, AgeRule.of(INDONESIA), at),
                () -> guard.refusalFor(player, AgeRule.of(INDONESIA), at)).add("bet", bet(betId)));
    }

    ErrorType refusal(Player player, Instant at) {
        String betId = "bet#" + UUID.randomUUID();
        try {
            placeBet(player.id(), betId, at);
        } catch (DomainException e) {
            assertThat(exists(betId)).isFalse();
            return e.type();
        }
        assertThat(exists(betId)).isTrue();
        return null;
    }

    @Test
    void aVerifiedPlayerMayBet() {
        Player player = verified();
        store(player);
        assertThat(refusal(player, NOW)).isNull();
    }

    @Test
    void aVerifiedMinorIsRefusedInsideTheTransactionUntilTheirBirthdayOnTheJurisdictionsCalendar() {
        int minimumAge = INDONESIA.minimumAge();
        // NOW is 12:00 in Jakarta on 23 November: a player born on 24 November is a day short.
        Player dayShort = StandingChanges.recordIdentityCheck(registered(LocalDate.of(2026 - minimumAge, 11, 24)), KycOutcome.APPROVE,
                NOW.minus(Duration.ofDays(1)));
        store(dayShort);
        assertThat(refusal(dayShort, NOW)).isEqualTo(ErrorType.UNDERAGE);
        // At midnight in Jakarta (17:00 UTC) they come of age, though it is still the 23rd in UTC.
        assertThat(refusal(dayShort, Instant.parse("2026-11-23T16:59:59Z"))).isEqualTo(ErrorType.UNDERAGE);
        assertThat(refusal(dayShort, Instant.parse("2026-11-23T17:00:00Z"))).isNull();

        Player eleven = StandingChanges.recordIdentityCheck(registered(LocalDate.of(2015, 3, 1)), KycOutcome.APPROVE, NOW);
        store(eleven);
        assertThat(refusal(eleven, NOW)).isEqualTo(ErrorType.UNDERAGE);
    }

    @Test
    void everyUnfitStandingIsRefusedWithItsReasonAndWritesNothing() {
        Player pending = registered();
        store(pending);
        assertThat(refusal(pending, NOW)).isEqualTo(ErrorType.NOT_VERIFIED);

        Player referred = StandingChanges.recordIdentityCheck(registered(), KycOutcome.REFER, NOW);
        store(referred);
        assertThat(refusal(referred, NOW)).isEqualTo(ErrorType.KYC_REFERRED);

        Player timedOut = StandingChanges.takeTimeOut(verified(), TimeOut.HOURS_24, NOW.minusSeconds(60));
        store(timedOut);
        assertThat(refusal(timedOut, NOW)).isEqualTo(ErrorType.TIMED_OUT);
        assertThat(refusal(timedOut, NOW.plus(Duration.ofHours(24)))).isNull();

        Player excluded = StandingChanges.selfExclude(verified(), ExclusionPeriod.MONTHS_6, NOW.minusSeconds(60));
        store(excluded);
        assertThat(refusal(excluded, NOW)).isEqualTo(ErrorType.SELF_EXCLUDED);
        assertThat(refusal(excluded, NOW.plus(Duration.ofDays(200)))).isNull();

        Player permanent = StandingChanges.selfExclude(verified(), ExclusionPeriod.PERMANENT, NOW.minusSeconds(60));
        store(permanent);
        assertThat(refusal(permanent, NOW.plus(Duration.ofDays(365 * 50)))).isEqualTo(ErrorType.SELF_EXCLUDED);

        Player closed = StandingChanges.close(verified(), NOW);
        store(closed);
        assertThat(refusal(closed, NOW)).isEqualTo(ErrorType.CLOSED);

        Player unknown = verified();
        assertThat(refusal(unknown, NOW)).isEqualTo(ErrorType.PLAYER_NOT_REGISTERED);
    }

    @Test
    void aCounterStopsExactlyAtTheLimitAndARefusedAmountIsNotCounted() {
        Player player = verified();
        store(player);
        Optional<Money> limit = Optional.of(Money.of(100_000, "IDR"));

        deposit(player, 60_000, limit, NOW);
        deposit(player, 40_000, limit, NOW.plusSeconds(1));
        assertThatThrownBy(() -> deposit(player, 1, limit, NOW.plusSeconds(2)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DEPOSIT_LIMIT_REACHED));
        assertThatThrownBy(() -> deposit(player, 100_001, limit, NOW.plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DEPOSIT_LIMIT_REACHED));
        assertThat(guard.total(player.id(), DEPOSIT_DAY, INDONESIA, NOW)).isEqualTo(Money.of(100_000, "IDR"));

        // 17:00 UTC is midnight in Jakarta: a new day, a new window.
        deposit(player, 100_000, limit, Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(guard.total(player.id(), DEPOSIT_DAY, INDONESIA, Instant.parse("2026-11-23T17:00:00Z")))
                .isEqualTo(Money.of(100_000, "IDR"));
    }

    @Test
    void aWinLowersTheNetLossCounter() {
        Player player = verified();
        store(player);
        LimitKey lossDay = new LimitKey(LimitKind.NET_LOSS, LimitWindow.DAY);
        SafetySettings limited = limitedTo(lossDay, 50_000);
        loss(player, limited, 50_000);
        transactions.write(Transaction.of("win credited", guard.credit(player.id(), INDONESIA, NOW, Money.of(20_000, "IDR"))));
        loss(player, limited, 20_000);
        assertThat(guard.total(player.id(), lossDay, INDONESIA, NOW)).isEqualTo(Money.of(50_000, "IDR"));
        assertThatThrownBy(() -> loss(player, limited, 1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e).hasMessage("this ticket would exceed your daily net-loss limit"));
    }

    @Test
    void everyWindowIsCountedInOneItemAndEachLimitHolds() {
        Player player = verified();
        store(player);
        LimitKey lossWeek = new LimitKey(LimitKind.NET_LOSS, LimitWindow.WEEK);
        SafetySettings weekly = limitedTo(lossWeek, 70_000);
        // Monday to Wednesday of one Jakarta week: three days, one week, one month.
        Instant monday = Instant.parse("2026-11-23T03:00:00Z");
        for (int day = 0; day < 3; day++) {
            Instant at = monday.plus(Duration.ofDays(day));
            transactions.write(Transaction.of("net-loss counters", guard.raise(player.id(), LimitKind.NET_LOSS, weekly, INDONESIA, at,
                    Money.of(20_000, "IDR")).update()));
        }
        Instant wednesday = monday.plus(Duration.ofDays(2));
        assertThat(guard.total(player.id(), new LimitKey(LimitKind.NET_LOSS, LimitWindow.DAY), INDONESIA, wednesday))
                .isEqualTo(Money.of(20_000, "IDR"));
        assertThat(guard.total(player.id(), lossWeek, INDONESIA, wednesday)).isEqualTo(Money.of(60_000, "IDR"));
        assertThat(guard.total(player.id(), new LimitKey(LimitKind.NET_LOSS, LimitWindow.MONTH), INDONESIA, wednesday))
                .isEqualTo(Money.of(60_000, "IDR"));

        LimitCounters.Raise over = guard.raise(player.id(), LimitKind.NET_LOSS, weekly, INDONESIA, wednesday, Money.of(10_001, "IDR"));
        assertThatThrownBy(() -> transactions.write(Transaction.of("net-loss counters", over.update(), over::refusal)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.LOSS_LIMIT_REACHED);
                    assertThat(e).hasMessage("this ticket would exceed your weekly net-loss limit");
                });
        assertThat(guard.total(player.id(), lossWeek, INDONESIA, wednesday)).isEqualTo(Money.of(60_000, "IDR"));

        // The next Monday: the new week starts from nothing, and the days before are gone from the item.
        Instant nextMonday = monday.plus(Duration.ofDays(7));
        transactions.write(Transaction.of("net-loss counters", guard.raise(player.id(), LimitKind.NET_LOSS, weekly, INDONESIA, nextMonday,
                Money.of(70_000, "IDR")).update()));
        assertThat(guard.total(player.id(), lossWeek, INDONESIA, nextMonday)).isEqualTo(Money.of(70_000, "IDR"));
        var item = LocalDynamo.shared().client().getItem(b -> b.tableName(Table.LIMIT_COUNTERS.defaultName()).consistentRead(true)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(player.id().value()),
                        Table.Attributes.SORT_KEY, AttributeValue.fromS("NET_LOSS")))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder(Table.Attributes.PARTITION_KEY, Table.Attributes.SORT_KEY, "currency",
                Table.Attributes.EXPIRES_AT, "DAY#2026-11-30", "WEEK#2026-11-30", "MONTH#2026-11-01");
    }

    @Test
    void countersRefuseAnotherCurrency() {
        Player player = verified();
        assertThatThrownBy(() -> guard.raise(player.id(), LimitKind.DEPOSIT, SafetySettings.none(), INDONESIA, NOW, Money.of(1, "GBP")).update())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.CURRENCY_MISMATCH));
    }

    private void loss(Player player, SafetySettings settings, long amount) {
        LimitCounters.Raise raise = guard.raise(player.id(), LimitKind.NET_LOSS, settings, INDONESIA, NOW, Money.of(amount, "IDR"));
        transactions.write(Transaction.of("net-loss counters", raise.update(), raise::refusal));
    }

    /** Settings with one limit of the player's own, in force. */
    private static SafetySettings limitedTo(LimitKey key, long amountMinor) {
        return new SafetySettings(Map.of(key, new PlayerLimit(key, Optional.of(Money.of(amountMinor, "IDR")), Optional.empty())),
                Optional.empty(), Optional.empty(), 1);
    }

    private void deposit(Player player, long amount, Optional<Money> limit, Instant at) {
        String depositId = "deposit#" + UUID.randomUUID();
        SafetySettings settings = limit.map(l -> limitedTo(DEPOSIT_DAY, l.amountMinor())).orElse(SafetySettings.none());
        LimitCounters.Raise raise = guard.raise(player.id(), LimitKind.DEPOSIT, settings, INDONESIA, at, Money.of(amount, "IDR"));
        transactions.write(Transaction.of("player may play", guard.playerMayPlay(player.id(), AgeRule.of(INDONESIA), at),
                        () -> guard.refusalFor(player.id(), AgeRule.of(INDONESIA), at))
                .add("deposit counters", raise.update(), raise::refusal)
                .add("deposit", bet(depositId)));
    }
}
