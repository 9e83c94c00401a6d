package io.fairdraw.testsupport;

import static io.restassured.RestAssured.given;

import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.players.PlayerItems;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Players as registration stores them (registration owns the players table; the functions
 * under test only read it), each with a token for the WireMock OIDC server.
 */
public final class TestPlayers {
    private TestPlayers() {
    }

    /** A stored player, their subject and a valid player token. */
    public record TestPlayer(String subject, String token, PlayerId id) {
        public RequestSpecification as() {
            return given().auth().oauth2(token);
        }
    }

    /** A verified adult resident of Indonesia (the sample jurisdiction, IDR). */
    public static TestPlayer verified(String prefix) {
        return stored(prefix, p -> StandingChanges.recordIdentityCheck(p, KycOutcome.APPROVE, Instant.now()));
    }

    /** A registered resident of Indonesia in the standing {@code standing} gives them. */
    public static TestPlayer stored(String prefix, UnaryOperator<Player> standing) {
        return stored(prefix, LocalDate.of(1990, 5, 17), standing);
    }

    /**
     * A registered resident of Indonesia born on {@code born}: registration refuses a minor today,
     * so a stored minor stands for one who got in before that rule, or whose record was altered.
     */
    public static TestPlayer stored(String prefix, LocalDate born, UnaryOperator<Player> standing) {
        String subject = prefix + "-" + UUID.randomUUID();
        PlayerId id = Tokens.playerIdOf(subject);
        Player registered = Player.register(id, new Registration(new DateOfBirth(born),
                new Residence(new CountryCode("ID"), Optional.empty()), DisplayName.of("Holder"), ContactPreferences.NONE),
                Instant.now().minusSeconds(3600));
        Player player = standing.apply(registered);
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .item(PlayerItems.toItem(player, new AuditStamp("test", new RequestId(prefix + "-fixture")))));
        return new TestPlayer(subject, Tokens.player(subject), id);
    }
}
