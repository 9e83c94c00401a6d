package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personal data (names, dates of birth, tokens) never reaches a log line, even when requests fail. */
@QuarkusTest
class LogPrivacyTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage() == null ? "" : record.getMessage();
            Object[] parameters = record.getParameters();
            if (parameters != null) {
                for (Object parameter : parameters) {
                    message += " " + parameter;
                }
            }
            lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
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
    void registrationLogsThePseudonymousIdAndNothingPersonal() {
        String subject = "privacy-" + UUID.randomUUID();
        String token = Tokens.player(subject);
        String name = "Zsófia Privát";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"dateOfBirth\":\"1987-03-14\",\"country\":\"HU\",\"displayName\":\"" + name + "\"}")
                .post("/v1/players").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"dateOfBirth\":\"1987-02-30\",\"country\":\"HU\",\"displayName\":\"" + name + "\"}")
                .post("/v1/players").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":" )
                .patch("/v1/players/me").then().statusCode(400);

        assertThat(lines).anyMatch(line -> line.contains(Tokens.playerIdOf(subject).value()));
        assertThat(lines).noneMatch(line -> line.contains(name) || line.contains("Zs\\u00f3fia"));
        assertThat(lines).noneMatch(line -> line.contains("1987-03-14") || line.contains("1987-02-30"));
        assertThat(lines).noneMatch(line -> line.contains(token) || line.contains(subject));
    }
}
