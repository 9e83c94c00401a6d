package io.fairdraw.registration.store;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
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

/** The only place the attribute names of a player item appear. */
final class PlayerMapper {
    static final String PK = Table.Attributes.PARTITION_KEY;
    static final String VERSION = "version";
    private static final String DISPLAY_NAME = "displayName";
    private static final String DATE_OF_BIRTH = "dateOfBirth";
    private static final String COUNTRY = "country";
    private static final String SUBDIVISION = "subdivision";
    private static final String MARKETING_EMAIL = "marketingEmail";
    private static final String MARKETING_SMS = "marketingSms";
    private static final String STATUS = "status";
    private static final String REGISTERED_AT = "registeredAt";
    private static final String UPDATED_AT = "updatedAt";

    private PlayerMapper() {
    }

    static Map<String, AttributeValue> key(PlayerId id) {
        return Map.of(PK, AttributeValue.fromS(id.value()));
    }

    static Map<String, AttributeValue> toItem(Player player, AuditStamp stamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(player.id().value()));
        item.put(DISPLAY_NAME, AttributeValue.fromS(player.displayName().value()));
        item.put(DATE_OF_BIRTH, AttributeValue.fromS(player.dateOfBirth().value().toString()));
        item.put(COUNTRY, AttributeValue.fromS(player.residence().country().value()));
        player.residence().subdivision().ifPresent(s -> item.put(SUBDIVISION, AttributeValue.fromS(s.value())));
        item.put(MARKETING_EMAIL, AttributeValue.fromBool(player.contactPreferences().marketingEmail()));
        item.put(MARKETING_SMS, AttributeValue.fromBool(player.contactPreferences().marketingSms()));
        item.put(STATUS, AttributeValue.fromS(player.status().name()));
        item.put(REGISTERED_AT, AttributeValue.fromS(player.registeredAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(player.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(player.version())));
        item.put(AuditStamp.ACTOR_ATTRIBUTE, AttributeValue.fromS(stamp.actor()));
        item.put(AuditStamp.REQUEST_ID_ATTRIBUTE, AttributeValue.fromS(stamp.requestId().value()));
        return item;
    }

    static Player fromItem(Map<String, AttributeValue> item) {
        return new Player(
                new PlayerId(item.get(PK).s()),
                new DisplayName(item.get(DISPLAY_NAME).s()),
                new DateOfBirth(LocalDate.parse(item.get(DATE_OF_BIRTH).s())),
                new Residence(new CountryCode(item.get(COUNTRY).s()),
                        Optional.ofNullable(item.get(SUBDIVISION)).map(v -> new Subdivision(v.s()))),
                new ContactPreferences(item.get(MARKETING_EMAIL).bool(), item.get(MARKETING_SMS).bool()),
                PlayerStatus.valueOf(item.get(STATUS).s()),
                Instant.parse(item.get(REGISTERED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                Long.parseLong(item.get(VERSION).n()));
    }
}
