package io.fairdraw.compliance;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.model.player.Subdivision;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.players.PlayerItems;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Players in every standing, written to the players table with the platform's mapper, as
 * registration would have written them. Each fixture is a fresh identity, so tests never share one.
 */
final class PlayerFixtures {
    static final Instant REGISTERED = Instant.parse("2020-01-01T00:00:00Z");
    private static final AuditStamp STAMP = new AuditStamp("test:fixture", new RequestId("fixture"));
    /** Player ids are one-way hashes of the subject; tests that hold a player find its subject here. */
    private static final Map<PlayerId, String> SUBJECTS = new ConcurrentHashMap<>();

    private PlayerFixtures() {
    }

    /** A new subject: its token and player id come from {@link Tokens}. */
    static String newSubject() {
        return "authz-" + UUID.randomUUID();
    }

    static Player registered(String subject, String dateOfBirth) {
        Registration registration = new Registration(new DateOfBirth(LocalDate.parse(dateOfBirth)),
                new Residence(new CountryCode("ID"), Optional.of(new Subdivision("ID-JK"))),
                new DisplayName("Fixture"), ContactPreferences.NONE);
        SUBJECTS.put(Tokens.playerIdOf(subject), subject);
        return Player.register(Tokens.playerIdOf(subject), registration, REGISTERED);
    }

    static String subjectOf(PlayerId id) {
        String subject = SUBJECTS.get(id);
        if (subject == null) {
            throw new IllegalArgumentException("player " + id + " was not made by these fixtures");
        }
        return subject;
    }

    static Player verified(String subject, String dateOfBirth) {
        return registered(subject, dateOfBirth).withStanding(PlayerStatus.VERIFIED, KycState.APPROVED,
                Optional.empty(), Optional.empty(), REGISTERED);
    }

    static Player store(Player player) {
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .item(PlayerItems.toItem(player, STAMP)));
        return player;
    }

    /**
     * Stores the player with a status no release knows, as a bug or a hand edit might leave it.
     * The status is found by its value, so the attribute names stay in the mapper alone.
     */
    static void storeWithUnknownStatus(Player player) {
        Map<String, AttributeValue> item = new HashMap<>(PlayerItems.toItem(player, STAMP));
        item.replaceAll((name, value) -> player.status().name().equals(value.s()) ? AttributeValue.fromS("NO_SUCH_STATUS") : value);
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYERS.defaultName()).item(item));
    }
}
