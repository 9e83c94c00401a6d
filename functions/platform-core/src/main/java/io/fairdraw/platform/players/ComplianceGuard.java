package io.fairdraw.platform.players;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Eligibility;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.Limits;
import io.fairdraw.model.compliance.Refusals;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.compliance.Standings;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The compliance pieces a deposit, a bet or a win puts into its own transaction, so the rule is
 * checked at the instant of the write and not a moment before: a player who self-excludes
 * while a bet is in flight can never have that bet commit after the exclusion did (DynamoDB
 * transactions on one item are serialised). Limit counters ({@link LimitCounters}) are raised
 * with a condition that each window's total stays within its limit.
 */
@ApplicationScoped
public class ComplianceGuard {
    private final DynamoDbClient dynamo;
    private final String players;
    private final LimitCounters counters;
    private final String safety;

    @Inject
    public ComplianceGuard(DynamoDbClient dynamo, TableNames tables) {
        this(dynamo, tables.players(), tables.limitCounters(), tables.playerSafety());
    }

    public ComplianceGuard(DynamoDbClient dynamo, String playersTable, String countersTable, String safetyTable) {
        this.dynamo = dynamo;
        this.players = playersTable;
        this.counters = new LimitCounters(dynamo, countersTable);
        this.safety = safetyTable;
    }

    /** The player's responsible-gambling settings as stored now (defaults when none are). */
    public SafetySettings settings(PlayerId player) {
        return SafetyItems.fromItem(dynamo.getItem(b -> b.tableName(safety).key(SafetyItems.key(player)).consistentRead(true)).item());
    }

    /**
     * A ConditionCheck that the settings a request read its limits from are still the stored
     * ones: a limit lowered while the request ran makes it fail and be retried under the new limit.
     */
    public TransactWriteItem settingsUnchanged(PlayerId player, SafetySettings read) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(safety).key(SafetyItems.key(player));
        if (read.version() == 0) {
            check.conditionExpression(SafetyItems.notYetStored());
        } else {
            check.conditionExpression(SafetyItems.versionIs(":version"))
                    .expressionAttributeNames(SafetyItems.versionNames())
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(read.version()))));
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    /**
     * A ConditionCheck that the player is verified, of age under {@code age} and neither
     * suspended, closed, excluded nor timed out at {@code now}: the rules of
     * {@code Eligibility.account} and {@link AgeRule#check}, as a condition. The age is compared as
     * the latest date of birth that is old enough, so a minor's deposit or stake fails inside its
     * own transaction whatever was decided before it.
     */
    public TransactWriteItem playerMayPlay(PlayerId player, AgeRule age, Instant now) {
        LocalDate latestBirth = age.latestBirthDate(now);
        ConditionCheck check = ConditionCheck.builder()
                .tableName(players)
                .key(PlayerItems.key(player))
                .conditionExpression("#kyc = :approved"
                        + " AND (#status = :verified OR (#status = :excluded AND #excludedUntil <= :now))"
                        + " AND (attribute_not_exists(#timedOutUntil) OR #timedOutUntil <= :now)"
                        + " AND #dateOfBirth <= :latestBirth")
                .expressionAttributeNames(Map.of(
                        "#kyc", PlayerItems.KYC,
                        "#status", PlayerItems.STATUS,
                        "#excludedUntil", PlayerItems.EXCLUDED_UNTIL,
                        "#timedOutUntil", PlayerItems.TIMED_OUT_UNTIL,
                        "#dateOfBirth", PlayerItems.DATE_OF_BIRTH))
                .expressionAttributeValues(Map.of(
                        ":approved", AttributeValue.fromS(KycState.APPROVED.name()),
                        ":verified", AttributeValue.fromS(PlayerStatus.VERIFIED.name()),
                        ":excluded", AttributeValue.fromS(PlayerStatus.SELF_EXCLUDED.name()),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                        ":latestBirth", AttributeValue.fromS(latestBirth.toString())))
                .build();
        return TransactWriteItem.builder().conditionCheck(check).build();
    }

    /**
     * Raising the player's counters of {@code kind} by {@code amount} within the limits
     * {@code settings} and the jurisdiction put in force: the update for the transaction and the
     * refusal when it fails. An amount that alone exceeds a limit is refused before any write.
     */
    public LimitCounters.Raise raise(PlayerId player, LimitKind kind, SafetySettings settings, Jurisdiction jurisdiction, Instant now,
            Money amount) {
        return counters.raise(player, kind, settings, jurisdiction, now, amount);
    }

    /** Lowers the net-loss counters by a win, in the transaction that credits the win. */
    public TransactWriteItem credit(PlayerId player, Jurisdiction jurisdiction, Instant now, Money win) {
        return counters.credit(player, jurisdiction, now, win);
    }

    /** The window's total so far, zero when nothing was counted. */
    public Money total(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now) {
        return counters.total(player, key, jurisdiction, now);
    }

    /**
     * Why {@link #playerMayPlay} failed, read again after the refusal. If the player may play
     * again by now (a time-out just ended), the refusal is a concurrent change to retry.
     */
    public DomainException refusalFor(PlayerId player, AgeRule age, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(players).consistentRead(true)
                .key(PlayerItems.key(player))).item();
        if (item == null || item.isEmpty()) {
            return new DomainException(ErrorType.PLAYER_NOT_REGISTERED, "register with POST /v1/players first");
        }
        Player stored = PlayerItems.fromItem(item);
        Decision decision = Eligibility.account(Standings.of(stored), now);
        if (decision.allowed()) {
            decision = age.check(stored.dateOfBirth(), now);
        }
        if (decision instanceof Decision.Deny deny) {
            return Refusals.of(deny);
        }
        return new DomainException(ErrorType.CONCURRENT_UPDATE, "the player's standing changed during the request; retry");
    }
}
