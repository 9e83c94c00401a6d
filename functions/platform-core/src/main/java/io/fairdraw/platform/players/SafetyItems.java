package io.fairdraw.platform.players;

import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.PlayerLimit;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The only place the attribute names of a safety-settings item appear. Registration writes it;
 * wallet and betting read it to find the limit that applies, and condition on its version.
 */
public final class SafetyItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String VERSION = "version";
    private static final String LIMITS = "limits";
    private static final String REALITY_CHECK = "realityCheckMinutes";
    private static final String SESSION_TIME = "sessionTimeLimitMinutes";
    private static final String CURRENT = "currentMinor";
    private static final String CURRENCY = "currency";
    private static final String PENDING = "pendingMinor";
    private static final String PENDING_REMOVAL = "pendingRemoval";
    private static final String PENDING_AT = "pendingAtMillis";

    private SafetyItems() {
    }

    public static Map<String, AttributeValue> key(PlayerId id) {
        return Map.of(PK, AttributeValue.fromS(id.value()));
    }

    public static Map<String, AttributeValue> toItem(PlayerId id, SafetySettings settings, AuditStamp stamp) {
        Map<String, AttributeValue> limits = new HashMap<>();
        settings.limits().forEach((key, limit) -> limits.put(key.kind() + "#" + key.window(), AttributeValue.fromM(limitItem(limit))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(id.value()));
        item.put(LIMITS, AttributeValue.fromM(limits));
        settings.realityCheckMinutes().ifPresent(m -> item.put(REALITY_CHECK, AttributeValue.fromN(Integer.toString(m))));
        settings.sessionTimeLimitMinutes().ifPresent(m -> item.put(SESSION_TIME, AttributeValue.fromN(Integer.toString(m))));
        item.put(VERSION, AttributeValue.fromN(Long.toString(settings.version())));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return item;
    }

    public static SafetySettings fromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return SafetySettings.none();
        }
        Map<LimitKey, PlayerLimit> limits = new HashMap<>();
        item.getOrDefault(LIMITS, AttributeValue.fromM(Map.of())).m().forEach((name, value) -> {
            String[] parts = name.split("#");
            LimitKey key = new LimitKey(LimitKind.valueOf(parts[0]), LimitWindow.valueOf(parts[1]));
            limits.put(key, limit(key, value.m()));
        });
        return new SafetySettings(limits,
                Optional.ofNullable(item.get(REALITY_CHECK)).map(v -> Integer.parseInt(v.n())),
                Optional.ofNullable(item.get(SESSION_TIME)).map(v -> Integer.parseInt(v.n())),
                Long.parseLong(item.get(VERSION).n()));
    }

    /** The condition, for a put, that the stored settings are still at {@code placeholder}'s version. */
    public static String versionIs(String placeholder) {
        return "#version = " + placeholder;
    }

    public static Map<String, String> versionNames() {
        return Map.of("#version", VERSION);
    }

    public static String notYetStored() {
        return "attribute_not_exists(" + PK + ")";
    }

    private static Map<String, AttributeValue> limitItem(PlayerLimit limit) {
        Map<String, AttributeValue> item = new HashMap<>();
        Optional<CurrencyCode> currency = limit.current().map(Money::currency)
                .or(() -> limit.pending().flatMap(PlayerLimit.Pending::amount).map(Money::currency));
        currency.ifPresent(c -> item.put(CURRENCY, AttributeValue.fromS(c.code())));
        limit.current().ifPresent(m -> item.put(CURRENT, AttributeValue.fromN(Long.toString(m.amountMinor()))));
        limit.pending().ifPresent(p -> {
            p.amount().ifPresentOrElse(
                    m -> item.put(PENDING, AttributeValue.fromN(Long.toString(m.amountMinor()))),
                    () -> item.put(PENDING_REMOVAL, AttributeValue.fromBool(true)));
            item.put(PENDING_AT, AttributeValue.fromN(Long.toString(p.effectiveAt().toEpochMilli())));
        });
        return item;
    }

    private static PlayerLimit limit(LimitKey key, Map<String, AttributeValue> item) {
        Optional<CurrencyCode> currency = Optional.ofNullable(item.get(CURRENCY)).map(v -> CurrencyCode.of(v.s()));
        Optional<Money> current = Optional.ofNullable(item.get(CURRENT))
                .map(v -> new Money(Long.parseLong(v.n()), currency.orElseThrow()));
        Optional<PlayerLimit.Pending> pending = Optional.ofNullable(item.get(PENDING_AT)).map(at -> new PlayerLimit.Pending(
                Optional.ofNullable(item.get(PENDING)).map(v -> new Money(Long.parseLong(v.n()), currency.orElseThrow())),
                Instant.ofEpochMilli(Long.parseLong(at.n()))));
        return new PlayerLimit(key, current, pending);
    }
}
