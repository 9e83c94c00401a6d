package io.fairdraw.compliance;

import static io.fairdraw.compliance.Authorizer.call;
import static io.fairdraw.compliance.Authorizer.throughTheEdge;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals and failures are logged by kind: never with the token, the origin secret or a player's data. */
@QuarkusTest
class LogPrivacyTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(' ').append(record.getThrown());
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void refusalsAreLoggedByKindWithoutTheTokenOrTheSecret() {
        String forged = "forged-" + "s".repeat(40);
        String expired = Tokens.expired();
        call(throughTheEdge(Tokens.playerA(), "ID", "JK").originSecret(forged));
        call(throughTheEdge(expired, "ID", "JK"));

        assertThat(lines).anyMatch(line -> line.contains("FORGED_ORIGIN_SECRET"));
        assertThat(lines).anyMatch(line -> line.contains("INVALID_TOKEN"));
        assertThat(lines).noneMatch(line -> line.contains(forged) || line.contains(Authorizer.originSecret()));
        assertThat(lines).noneMatch(line -> line.contains(expired) || line.contains(expired.split("\\.")[1]));
    }

    @Test
    void aFailureIsLoggedWithoutThePlayersData() {
        String subject = PlayerFixtures.newSubject();
        PlayerFixtures.storeWithUnknownStatus(PlayerFixtures.verified(subject, "1987-06-05"));
        String token = Tokens.player(subject);

        call(throughTheEdge(token, "ID", "JK"));

        assertThat(lines).anyMatch(line -> line.contains("refused") && line.contains("IllegalArgumentException"));
        assertThat(lines).noneMatch(line -> line.contains("1987-06-05") || line.contains("Fixture")
                || line.contains(subject) || line.contains(token) || line.contains("NO_SUCH_STATUS"));
    }
}
