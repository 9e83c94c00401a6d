package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.LogCapture;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Personal data (names, dates of birth, tokens) never reaches a log line, even when requests fail. */
@QuarkusTest
class LogPrivacyTest {
    @RegisterExtension
    final LogCapture log = new LogCapture();

    @Test
    void registrationLogsThePseudonymousIdAndNothingPersonal() {
        String subject = "privacy-" + UUID.randomUUID();
        String token = Tokens.player(subject);
        String name = "Zsófia Privát";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"dateOfBirth\":\"1987-03-14\",\"country\":\"GB\",\"displayName\":\"" + name + "\"}")
                .post("/v1/players").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"dateOfBirth\":\"1987-02-30\",\"country\":\"GB\",\"displayName\":\"" + name + "\"}")
                .post("/v1/players").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":" )
                .patch("/v1/players/me").then().statusCode(400);

        assertThat(log.lines()).anyMatch(line -> line.contains(Tokens.playerIdOf(subject).value()));
        assertThat(log.lines()).noneMatch(line -> line.contains(name) || line.contains("Zs\\u00f3fia"));
        assertThat(log.lines()).noneMatch(line -> line.contains("1987-03-14") || line.contains("1987-02-30"));
        assertThat(log.lines()).noneMatch(line -> line.contains(token) || line.contains(subject));
    }
}
