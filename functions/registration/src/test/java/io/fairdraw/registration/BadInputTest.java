package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ugly input gets a 4xx problem+json with a stable type and writes nothing: each case reads the
 * players table afterwards and finds no item for the caller.
 */
@QuarkusTest
class BadInputTest {
    private static final String VALID_DOB = "1990-05-17";

    static String body(String dateOfBirth, String country, String subdivision, String displayName) {
        return """
                {"dateOfBirth":%s,"country":%s,"subdivision":%s,"displayName":%s}"""
                .formatted(json(dateOfBirth), json(country), json(subdivision), json(displayName));
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static Stream<Arguments> invalidRegistrations() {
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        return Stream.of(
                Arguments.of("a future date of birth", body(tomorrow, "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("29 February of a common year", body("2003-02-29", "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("month 13", body("1990-13-01", "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("a date before 1900", body("1899-12-31", "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("a date not in ISO form", body("17/05/1990", "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("a missing date of birth", body(null, "ID", null, "Al"), "dateOfBirth"),
                Arguments.of("an unassigned country code", body(VALID_DOB, "XX", null, "Al"), "country"),
                Arguments.of("a lower-case country code", body(VALID_DOB, "id", null, "Al"), "country"),
                Arguments.of("a three-letter country code", body(VALID_DOB, "IDN", null, "Al"), "country"),
                Arguments.of("a missing country", body(VALID_DOB, null, null, "Al"), "country"),
                Arguments.of("a malformed subdivision", body(VALID_DOB, "ID", "Jakarta", "Al"), "subdivision"),
                Arguments.of("a subdivision of another country", body(VALID_DOB, "ID", "GB-LND", "Al"), "subdivision"),
                Arguments.of("a blank display name", body(VALID_DOB, "ID", null, "   "), "displayName"),
                Arguments.of("a display name of 41 characters", body(VALID_DOB, "ID", null, "x".repeat(41)), "displayName"),
                Arguments.of("a display name with a control character", body(VALID_DOB, "ID", null, "Al\\u0007"), "displayName"),
                Arguments.of("a missing display name", body(VALID_DOB, "ID", null, null), "displayName"));
    }

    @ParameterizedTest(name = "{0}: 400 naming {2}")
    @MethodSource("invalidRegistrations")
    void invalidFieldsAreRefusedAndNothingIsWritten(String what, String body, String field) {
        String subject = "bad-input-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/players")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://fairdraw.io/problems/validation-failed"))
                .body("reasonCode", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        String subject = "bad-input-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON)
                .body(body("1990-02-30", "ZZ", null, ""))
                .when().post("/v1/players")
                .then().statusCode(400)
                .body("errors.size()", equalTo(3));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"dateOfBirth\":\"1990-05-17\",", "MALFORMED_REQUEST"),
                Arguments.of("not JSON at all", "dateOfBirth=1990-05-17", "MALFORMED_REQUEST"),
                Arguments.of("an array instead of an object", "[1,2,3]", "MALFORMED_REQUEST"),
                Arguments.of("a number where text is expected", "{\"dateOfBirth\":19900517}", "MALFORMED_REQUEST"),
                Arguments.of("an unknown field", "{\"dateOfBirth\":\"1990-05-17\",\"isAdmin\":true}", "MALFORMED_REQUEST"),
                Arguments.of("two JSON values", "{} {}", "MALFORMED_REQUEST"),
                Arguments.of("an empty body", "", "VALIDATION_FAILED"),
                Arguments.of("JSON null", "null", "VALIDATION_FAILED"),
                Arguments.of("preferences with a missing flag",
                        "{\"dateOfBirth\":\"1990-05-17\",\"country\":\"ID\",\"displayName\":\"Al\",\"contactPreferences\":{\"marketingEmail\":true}}",
                        "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}: 400 {2}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedAndNothingIsWritten(String what, String body, String reason) {
        String subject = "bad-input-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/players")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("reasonCode", equalTo(reason))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void aBodyJustOverOneMebibyteIsRefusedAndOneJustUnderIsRead() {
        String subject = "bad-input-" + UUID.randomUUID();
        String padding = " ".repeat(1024 * 1024);
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON)
                .body(body(VALID_DOB, "ID", null, "Al") + padding)
                .when().post("/v1/players")
                .then().statusCode(413);
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON)
                .body(body(VALID_DOB, "ID", null, "Al") + " ".repeat(1000))
                .when().post("/v1/players")
                .then().statusCode(201);
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        String subject = "bad-input-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.TEXT)
                .body(body(VALID_DOB, "ID", null, "Al"))
                .when().post("/v1/players")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("reasonCode", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertThat(PlayerTable.item(Tokens.playerIdOf(subject))).isEmpty();
    }

    @Test
    void anUnknownRouteAndAnUnsupportedMethodAnswerProblems() {
        given().auth().oauth2(Tokens.playerA()).when().get("/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("reasonCode", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.playerA()).when().delete("/v1/players/me")
                .then().statusCode(405).contentType("application/problem+json").body("reasonCode", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anEmptyPatchIsRefusedAndChangesNothing() {
        String subject = "bad-input-" + UUID.randomUUID();
        String token = Tokens.player(subject);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body(VALID_DOB, "ID", null, "Al"))
                .post("/v1/players").then().statusCode(201);
        var before = PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow();

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().patch("/v1/players/me")
                .then().statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"\"}")
                .when().patch("/v1/players/me")
                .then().statusCode(400).body("errors.field", hasItem("displayName"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"dateOfBirth\":\"2000-01-01\"}")
                .when().patch("/v1/players/me")
                .then().statusCode(400).body("reasonCode", equalTo("MALFORMED_REQUEST"));

        assertThat(PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow()).isEqualTo(before);
    }
}
