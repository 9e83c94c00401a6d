package io.fairdraw.platform.players;

import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.Limits;
import io.fairdraw.model.compliance.Refusals;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The {@code limit-counters} table: how much a player has deposited, or lost, in the current day,
 * week and month of their jurisdiction. One item per player and kind ({@code pk} player id,
 * {@code sk} the kind), holding one total per window, named by the window and the local date it
 * began ({@code DAY#2026-12-07}, {@code WEEK#2026-12-07}, {@code MONTH#2026-12-01}): a new window
 * starts a new total without anyone having to notice the old one end.
 *
 * <p>One item, not one per window, because each write to it sits in a purchase's or a deposit's
 * transaction, where DynamoDB bills every item at least two write units: three windows in one
 * item of about 150 bytes cost two units instead of six. Each update also removes the totals of
 * the windows just before the current ones (the last {@value #DAYS_KEPT_CLEAN} days,
 * {@value #WEEKS_KEPT_CLEAN} weeks and {@value #MONTHS_KEPT_CLEAN} months), so the item stays small;
 * a total older than that is left only by a player away for longer, and the item's expiry
 * (the month's end plus {@code COUNTER_RETENTION}) ends those.
 */
public final class LimitCounters {
    /** Counters outlive their window long enough for the statements and reports that read them. */
    static final Duration COUNTER_RETENTION = Duration.ofDays(400);
    static final int DAYS_KEPT_CLEAN = 35;
    static final int WEEKS_KEPT_CLEAN = 5;
    static final int MONTHS_KEPT_CLEAN = 13;

    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String CURRENCY = "currency";
    private static final String SAME_CURRENCY = "(attribute_not_exists(#currency) OR #currency = :currency)";

    private final DynamoDbClient dynamo;
    private final String table;

    LimitCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Raising a player's counters of one kind by one amount, within every limit in force: the
     * update for a transaction, and the refusal to give when its condition fails.
     */
    public final class Raise {
        private final PlayerId player;
        private final LimitKind kind;
        private final Jurisdiction jurisdiction;
        private final Instant now;
        private final Money amount;
        private final Map<LimitWindow, Money> headroom;

        private Raise(PlayerId player, LimitKind kind, Jurisdiction jurisdiction, Instant now, Money amount, Map<LimitWindow, Money> headroom) {
            this.player = player;
            this.kind = kind;
            this.jurisdiction = jurisdiction;
            this.now = now;
            this.amount = amount;
            this.headroom = headroom;
        }

        /** Adds the amount to each window's total on condition that every limited total stays within its limit. */
        public TransactWriteItem update() {
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder condition = new StringBuilder(SAME_CURRENCY);
            Map<String, String> names = new HashMap<>();
            for (var limited : headroom.entrySet()) {
                String placeholder = ":headroom" + limited.getKey().ordinal();
                values.put(placeholder, number(limited.getValue().amountMinor()));
                String total = "#c" + limited.getKey().ordinal();
                condition.append(" AND (attribute_not_exists(").append(total).append(") OR ").append(total).append(" <= ").append(placeholder).append(")");
            }
            return LimitCounters.this.update(player, kind, jurisdiction, now, amount, condition.toString(), names, values);
        }

        /** Why the update's condition failed, read again: the first window whose limit the amount would pass. */
        public DomainException refusal() {
            Map<String, AttributeValue> item = read(player, kind);
            String currency = item.containsKey(CURRENCY) ? item.get(CURRENCY).s() : jurisdiction.currency().code();
            if (!currency.equals(jurisdiction.currency().code())) {
                return new DomainException(ErrorType.CURRENCY_MISMATCH, "the " + noun(kind) + " counters are kept in " + currency);
            }
            for (LimitWindow window : LimitWindow.values()) {
                Money room = headroom.get(window);
                if (room != null && total(item, window, jurisdiction, now) > room.amountMinor()) {
                    return new DomainException(kind == LimitKind.DEPOSIT ? ErrorType.DEPOSIT_LIMIT_REACHED : ErrorType.LOSS_LIMIT_REACHED,
                            "this " + (kind == LimitKind.DEPOSIT ? "deposit" : "ticket") + " would exceed your " + window.adjective() + " "
                                    + noun(kind) + " limit");
                }
            }
            return new DomainException(ErrorType.CONCURRENT_UPDATE, "the " + noun(kind) + " counters changed during the request; retry");
        }
    }

    /**
     * Raising {@code player}'s counters of {@code kind} by {@code amount} under the limits their
     * settings and their jurisdiction put in force at {@code now}. An amount that alone exceeds a
     * limit is refused here, before any write.
     */
    public Raise raise(PlayerId player, LimitKind kind, SafetySettings settings, Jurisdiction jurisdiction, Instant now, Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a counted amount is positive; wins reduce the net loss through credit()");
        }
        Map<LimitWindow, Money> headroom = new EnumMap<>(LimitWindow.class);
        for (LimitWindow window : LimitWindow.values()) {
            LimitKey key = new LimitKey(kind, window);
            Optional<Money> limit = Limits.applicable(settings.limit(key), jurisdiction, now);
            if (limit.isPresent()) {
                headroom.put(window, Limits.headroomBefore(limit.get(), amount).orElseThrow(() -> Refusals.of(
                        (Decision.Deny) Limits.fits(kind, limit, Money.zero(amount.currency()), amount))));
            }
        }
        return new Raise(player, kind, jurisdiction, now, amount, headroom);
    }

    /** Lowers the player's net-loss totals by a win, in the transaction that credits the win. */
    public TransactWriteItem credit(PlayerId player, Jurisdiction jurisdiction, Instant now, Money win) {
        if (!win.isPositive()) {
            throw new IllegalArgumentException("a credited win is positive");
        }
        return update(player, LimitKind.NET_LOSS, jurisdiction, now, win.negate(), SAME_CURRENCY, new HashMap<>(), new HashMap<>());
    }

    /** The window's total so far, zero when nothing was counted. */
    public Money total(PlayerId player, LimitKey key, Jurisdiction jurisdiction, Instant now) {
        return new Money(total(read(player, key.kind()), key.window(), jurisdiction, now), jurisdiction.currency());
    }

    private TransactWriteItem update(PlayerId player, LimitKind kind, Jurisdiction jurisdiction, Instant now, Money delta, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        if (!delta.currency().equals(jurisdiction.currency())) {
            throw new DomainException(ErrorType.CURRENCY_MISMATCH, "limits of " + jurisdiction.country() + " count in " + jurisdiction.currency());
        }
        names.put("#currency", CURRENCY);
        names.put("#expiresAt", Table.Attributes.EXPIRES_AT);
        values.put(":currency", AttributeValue.fromS(jurisdiction.currency().code()));
        values.put(":delta", number(delta.amountMinor()));
        Instant expiry = LimitWindow.MONTH.end(now, jurisdiction.timeZone()).plus(COUNTER_RETENTION);
        values.put(":expiresAt", number(expiry.getEpochSecond()));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (LimitWindow window : LimitWindow.values()) {
            LocalDate start = window.startDate(now, jurisdiction.timeZone());
            names.put("#c" + window.ordinal(), name(window, start));
            added.add("#c" + window.ordinal() + " :delta");
            for (LocalDate earlier : earlierStarts(window, start)) {
                String placeholder = "#r" + removed.size();
                names.put(placeholder, name(window, earlier));
                removed.add(placeholder);
            }
        }
        Update update = Update.builder()
                .tableName(table)
                .key(key(player, kind))
                .updateExpression("SET #currency = :currency, #expiresAt = :expiresAt ADD " + String.join(", ", added)
                        + " REMOVE " + String.join(", ", removed))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return TransactWriteItem.builder().update(update).build();
    }

    private Map<String, AttributeValue> read(PlayerId player, LimitKind kind) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(player, kind))).item();
        return item == null ? Map.of() : item;
    }

    private static long total(Map<String, AttributeValue> item, LimitWindow window, Jurisdiction jurisdiction, Instant now) {
        AttributeValue total = item.get(name(window, window.startDate(now, jurisdiction.timeZone())));
        return total == null ? 0 : Long.parseLong(total.n());
    }

    /** The starts of the windows just before the one starting {@code start} whose totals an update removes. */
    static List<LocalDate> earlierStarts(LimitWindow window, LocalDate start) {
        List<LocalDate> starts = new ArrayList<>();
        int count = switch (window) {
            case DAY -> DAYS_KEPT_CLEAN;
            case WEEK -> WEEKS_KEPT_CLEAN;
            case MONTH -> MONTHS_KEPT_CLEAN;
        };
        for (int i = 1; i <= count; i++) {
            starts.add(switch (window) {
                case DAY -> start.minusDays(i);
                case WEEK -> start.minusWeeks(i);
                case MONTH -> start.minusMonths(i);
            });
        }
        return starts;
    }

    /** The attribute holding the total of the window that began on {@code start}. */
    static String name(LimitWindow window, LocalDate start) {
        return window + "#" + start;
    }

    private static Map<String, AttributeValue> key(PlayerId player, LimitKind kind) {
        return Map.of(PK, AttributeValue.fromS(player.value()), SK, AttributeValue.fromS(kind.name()));
    }

    private static String noun(LimitKind kind) {
        return kind == LimitKind.DEPOSIT ? "deposit" : "net-loss";
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
