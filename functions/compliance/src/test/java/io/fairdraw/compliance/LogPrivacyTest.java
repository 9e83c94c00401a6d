package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static io.fairdraw.compliance.Authorizer.throughTheEdge;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.LogCapture;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refusals and failures are logged by kind: never with the token, the origin secret or a player's data. */
@QuarkusTest
class LogPrivacyTest {
    @RegisterExtension
    final LogCapture log = new LogCapture();

    @Test
    void refusalsAreLoggedByKindWithoutTheTokenOrTheSecret() {
        String forged = "forged-" + "s".repeat(40);
        String expired = Tokens.expired();
        call(throughTheEdge(Tokens.playerA(), "ID", "JK").originSecret(forged));
        call(throughTheEdge(expired, "ID", "JK"));

        assertThat(log.lines()).anyMatch(line -> line.contains("FORGED_ORIGIN_SECRET"));
        assertThat(log.lines()).anyMatch(line -> line.contains("INVALID_TOKEN"));
        assertThat(log.lines()).noneMatch(line -> line.contains(forged) || line.contains(Authorizer.originSecret()));
        assertThat(log.lines()).noneMatch(line -> line.contains(expired) || line.contains(expired.split("\\.")[1]));
    }

    @Test
    void aFailureIsLoggedWithoutThePlayersData() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.storeWithUnknownStatus(PlayerFixtures.verified(subject, "1987-06-05"));
        String token = Tokens.player(subject);

        call(throughTheEdge(token, "ID", "JK"));

        assertThat(log.lines()).anyMatch(line -> line.contains("refused") && line.contains("IllegalArgumentException"));
        assertThat(log.lines()).noneMatch(line -> line.contains("1987-06-05") || line.contains("Fixture")
                || line.contains(subject) || line.contains(token) || line.contains("NO_SUCH_STATUS"));
    }
}
