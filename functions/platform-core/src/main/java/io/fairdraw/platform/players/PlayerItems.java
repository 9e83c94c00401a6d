package io.fairdraw.platform.players;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Residence;
import io.fairdraw.model.player.Subdivision;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The only place the attribute names of a player item appear. Registration writes player items;
 * the compliance authorizer reads them; the compliance guard condition-checks them inside other
 * functions' transactions. Time-out and exclusion ends are epoch milliseconds (numbers), so a
 * condition can compare them with "now".
 */
public final class PlayerItems {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String KYC = "kyc";
    static final String TIMED_OUT_UNTIL = "timedOutUntilMillis";
    static final String EXCLUDED_UNTIL = "excludedUntilMillis";
    private static final String DISPLAY_NAME = "displayName";
    /** ISO-8601 {@code yyyy-MM-dd} (years 1900 and after), so dates compare correctly as strings in a condition. */
    static final String DATE_OF_BIRTH = "dateOfBirth";
    private static final String COUNTRY = "country";
    private static final String SUBDIVISION = "subdivision";
    private static final String MARKETING_EMAIL = "marketingEmail";
    private static final String MARKETING_SMS = "marketingSms";
    private static final String REGISTERED_AT = "registeredAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String SCREENING_FINGERPRINT = "screeningFingerprint";

    private PlayerItems() {
    }

    public static Map<String, AttributeValue> key(PlayerId id) {
        return Map.of(PK, AttributeValue.fromS(id.value()));
    }

    public static Map<String, AttributeValue> toItem(Player player, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(player.id().value()));
        item.put(DISPLAY_NAME, AttributeValue.fromS(player.displayName().value()));
        item.put(DATE_OF_BIRTH, AttributeValue.fromS(player.dateOfBirth().value().toString()));
        item.put(COUNTRY, AttributeValue.fromS(player.residence().country().value()));
        player.residence().subdivision().ifPresent(s -> item.put(SUBDIVISION, AttributeValue.fromS(s.value())));
        item.put(MARKETING_EMAIL, AttributeValue.fromBool(player.contactPreferences().marketingEmail()));
        item.put(MARKETING_SMS, AttributeValue.fromBool(player.contactPreferences().marketingSms()));
        item.put(STATUS, AttributeValue.fromS(player.status().name()));
        item.put(KYC, AttributeValue.fromS(player.kyc().name()));
        player.timedOutUntil().ifPresent(t -> item.put(TIMED_OUT_UNTIL, millis(t)));
        player.excludedUntil().ifPresent(t -> item.put(EXCLUDED_UNTIL, millis(t)));
        item.put(REGISTERED_AT, AttributeValue.fromS(player.registeredAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(player.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(player.version())));
        player.screeningFingerprint().ifPresent(f -> item.put(SCREENING_FINGERPRINT, AttributeValue.fromS(f)));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return item;
    }

    public static Player fromItem(Map<String, AttributeValue> item) {
        return new Player(
                new PlayerId(item.get(PK).s()),
                new DisplayName(item.get(DISPLAY_NAME).s()),
                new DateOfBirth(LocalDate.parse(item.get(DATE_OF_BIRTH).s())),
                new Residence(new CountryCode(item.get(COUNTRY).s()),
                        Optional.ofNullable(item.get(SUBDIVISION)).map(v -> new Subdivision(v.s()))),
                new ContactPreferences(item.get(MARKETING_EMAIL).bool(), item.get(MARKETING_SMS).bool()),
                PlayerStatus.valueOf(item.get(STATUS).s()),
                Optional.ofNullable(item.get(KYC)).map(v -> KycState.valueOf(v.s())).orElse(KycState.NOT_STARTED),
                instant(item.get(TIMED_OUT_UNTIL)),
                instant(item.get(EXCLUDED_UNTIL)),
                Instant.parse(item.get(REGISTERED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                Long.parseLong(item.get(VERSION).n()),
                Optional.ofNullable(item.get(SCREENING_FINGERPRINT)).map(AttributeValue::s));
    }

    /** The condition, for a put, that the stored item is still at {@code version}. */
    public static String versionIs(String placeholder) {
        return "#" + VERSION + " = " + placeholder;
    }

    public static Map<String, String> versionNames() {
        return Map.of("#" + VERSION, VERSION);
    }

    public static String notYetStored() {
        return "attribute_not_exists(" + PK + ")";
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static Optional<Instant> instant(AttributeValue millis) {
        return Optional.ofNullable(millis).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n())));
    }
}
