package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlayerRegistrationTest {

    static String registration(String displayName) {
        return """
                {"dateOfBirth":"1990-05-17","country":"ID","subdivision":"ID-JK","displayName":"%s",
                 "contactPreferences":{"marketingEmail":false,"marketingSms":true}}""".formatted(displayName);
    }

    static String freshSubject() {
        return "subject-" + UUID.randomUUID();
    }

    @Test
    void registeringCreatesAPendingPlayerWithTheIdDerivedFromTheToken() {
        String subject = freshSubject();
        PlayerId expected = Tokens.playerIdOf(subject);

        given().auth().oauth2(Tokens.player(subject)).contentType(ContentType.JSON).body(registration("Alice"))
                .when().post("/v1/players")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/players/me"))
                .body("playerId", equalTo(expected.value()))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("displayName", equalTo("Alice"))
                .body("dateOfBirth", equalTo("1990-05-17"))
                .body("country", equalTo("ID"))
                .body("subdivision", equalTo("ID-JK"))
                .body("contactPreferences.marketingSms", equalTo(true));

        var item = PlayerTable.item(expected).orElseThrow();
        assertThat(item.get("status").s()).isEqualTo("PENDING_VERIFICATION");
        assertThat(item.get("actor").s()).isEqualTo("player:" + expected.value());
        assertThat(item.get("requestId").s()).isNotBlank();
        assertThat(item.get("version").n()).isEqualTo("1");
    }

    @Test
    void registeringAgainAnswersOkWithTheStoredPlayerUnchanged() {
        String token = Tokens.player(freshSubject());
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).body(registration("First"))
                .when().post("/v1/players").then().statusCode(201).extract().asString();

        String second = given().auth().oauth2(token).contentType(ContentType.JSON).body(registration("Second"))
                .when().post("/v1/players").then().statusCode(200)
                .body("displayName", equalTo("First")).extract().asString();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPlayerReadsTheirOwnProfile() {
        String subject = freshSubject();
        String token = Tokens.player(subject);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(registration("Reader")).post("/v1/players")
                .then().statusCode(201);

        given().auth().oauth2(token).when().get("/v1/players/me")
                .then().statusCode(200)
                .body("playerId", equalTo(Tokens.playerIdOf(subject).value()))
                .body("displayName", equalTo("Reader"));
    }

    @Test
    void anUnregisteredCallerGetsNotRegistered() {
        given().auth().oauth2(Tokens.player(freshSubject())).when().get("/v1/players/me")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("reasonCode", equalTo("PLAYER_NOT_REGISTERED"))
                .body("type", equalTo("https://fairdraw.io/problems/player-not-registered"));
    }

    @Test
    void aPlayerChangesTheirDisplayNameAndPreferencesButNotTheirIdentityFacts() {
        String subject = freshSubject();
        String token = Tokens.player(subject);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(registration("Before")).post("/v1/players")
                .then().statusCode(201);

        given().auth().oauth2(token).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"displayName\":\"  After  \",\"contactPreferences\":{\"marketingEmail\":true,\"marketingSms\":false}}")
                .when().patch("/v1/players/me")
                .then().statusCode(200)
                .body("displayName", equalTo("After"))
                .body("contactPreferences.marketingEmail", equalTo(true))
                .body("dateOfBirth", equalTo("1990-05-17"));

        var item = PlayerTable.item(Tokens.playerIdOf(subject)).orElseThrow();
        assertThat(item.get("displayName").s()).isEqualTo("After");
        assertThat(item.get("version").n()).isEqualTo("2");
    }

    @Test
    void playerBNeitherReadsNorChangesPlayerA() {
        given().auth().oauth2(Tokens.playerA()).contentType(ContentType.JSON).body(registration("Player A"))
                .post("/v1/players").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        PlayerId a = Tokens.playerIdOf(Tokens.PLAYER_A);
        var before = PlayerTable.item(a).orElseThrow();

        // B has no route to A: "me" is always the caller, and no route takes a player id.
        given().auth().oauth2(Tokens.playerB()).when().get("/v1/players/me")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 404))
                .body("playerId", org.hamcrest.Matchers.not(equalTo(a.value())));
        given().auth().oauth2(Tokens.playerB()).when().get("/v1/players/" + a.value())
                .then().statusCode(404).contentType("application/problem+json").body("displayName", nullValue());
        given().auth().oauth2(Tokens.playerB()).contentType(ContentType.JSON).body("{\"displayName\":\"Hijacked\"}")
                .when().patch("/v1/players/" + a.value())
                .then().statusCode(org.hamcrest.Matchers.oneOf(404, 405)).contentType("application/problem+json");
        given().auth().oauth2(Tokens.playerB()).contentType(ContentType.JSON).body("{\"displayName\":\"Hijacked\"}")
                .when().patch("/v1/players/me")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 404));

        assertThat(PlayerTable.item(a).orElseThrow()).isEqualTo(before);
    }
}
