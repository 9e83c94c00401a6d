package io.fairdraw.platform.players;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Eligibility;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.LimitKey;
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
 * transactions on one item are serialised). Limit counters are raised with a condition that
 * the window's total stays within the limit.
 */
@ApplicationScoped
public class ComplianceGuard {
    /** Counters outlive their window long enough for the statements and reports that read them. */
    static final Duration COUNTER_RETENTION = Duration.ofDays(400);

    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String TOTAL = "totalMinor";
    private static final String CURRENCY = "currency";

    private final DynamoDbClient dynamo;
    private final String players;
    private final String counters;
    private final String safety;

    @Inject
    public ComplianceGuard(DynamoDbClient dynamo, TableNames tables) {
        this(dynamo, tables.players(), tables.limitCounters(), tables.playerSafety());
    }

    public ComplianceGuard(DynamoDbClient dynamo, String playersTable, String countersTable, String safetyTable) {
        this.dynamo = dynamo;
        this.players = playersTable;
        this.counters = countersTable;
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
     * Adds {@code amount} to the player's counter for the window holding {@code now}, on
     * condition that the total stays within {@code limit} (no condition when there is none).
     * An amount that alone exceeds the limit is refused before any write.
     */
    public TransactWriteItem count(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now,
            Money amount, Optional<Money> limit) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a counted amount is positive; wins reduce the net loss through credit()");
        }
        Map<String, AttributeValue> values = counterValues(key, jurisdiction, now, amount);
        String condition = "(attribute_not_exists(#currency) OR #currency = :currency)";
        if (limit.isPresent()) {
            Money headroom = Limits.headroomBefore(limit.get(), amount).orElseThrow(() -> Refusals.of(
                    (Decision.Deny) Limits.fits(key.kind(), limit, Money.zero(amount.currency()), amount)));
            values.put(":headroom", AttributeValue.fromN(Long.toString(headroom.amountMinor())));
            condition += " AND (attribute_not_exists(#total) OR #total <= :headroom)";
        }
        return counterUpdate(player, key, jurisdiction, now, condition, values);
    }

    /** Lowers the net-loss counter by a win, in the transaction that credits the win. */
    public TransactWriteItem credit(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now, Money win) {
        if (!win.isPositive()) {
            throw new IllegalArgumentException("a credited win is positive");
        }
        Map<String, AttributeValue> values = counterValues(key, jurisdiction, now, win.negate());
        return counterUpdate(player, key, jurisdiction, now, "(attribute_not_exists(#currency) OR #currency = :currency)", values);
    }

    /** The window's total so far, zero when nothing was counted. */
    public Money total(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(counters).consistentRead(true)
                .key(counterKey(player, key, jurisdiction, now))).item();
        long total = item == null || !item.containsKey(TOTAL) ? 0 : Long.parseLong(item.get(TOTAL).n());
        return new Money(total, jurisdiction.currency());
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

    private Map<String, AttributeValue> counterValues(LimitKey key, Jurisdiction jurisdiction, Instant now, Money delta) {
        if (!delta.currency().equals(jurisdiction.currency())) {
            throw new DomainException(ErrorType.CURRENCY_MISMATCH,
                    "limits of " + jurisdiction.country() + " count in " + jurisdiction.currency());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":delta", AttributeValue.fromN(Long.toString(delta.amountMinor())));
        values.put(":currency", AttributeValue.fromS(jurisdiction.currency().code()));
        Instant expiry = key.window().end(now, jurisdiction.timeZone()).plus(COUNTER_RETENTION);
        values.put(":expiresAt", AttributeValue.fromN(Long.toString(expiry.getEpochSecond())));
        return values;
    }

    private TransactWriteItem counterUpdate(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now,
            String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#currency", CURRENCY, "#expiresAt", Table.Attributes.EXPIRES_AT));
        if (condition.contains("#total")) {
            names.put("#total", TOTAL);
        }
        Update update = Update.builder()
                .tableName(counters)
                .key(counterKey(player, key, jurisdiction, now))
                .updateExpression("SET #currency = :currency, #expiresAt = :expiresAt ADD " + TOTAL + " :delta")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return TransactWriteItem.builder().update(update).build();
    }

    private static Map<String, AttributeValue> counterKey(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now) {
        String sortKey = key.kind() + "#" + key.window() + "#" + key.window().startDate(now, jurisdiction.timeZone());
        return Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(player.value()), SK, AttributeValue.fromS(sortKey));
    }
}
