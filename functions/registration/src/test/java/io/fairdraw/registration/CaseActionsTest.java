package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators' case actions on a player's standing, through registration's own rules. */
@QuarkusTest
class CaseActionsTest {
    private static String idOf(SafetyRoutesTest.Player player) {
        return Tokens.playerIdOf(player.subject()).value();
    }

    private static ValidatableResponse act(String token, SafetyRoutesTest.Player player, String action, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/v1/players/" + idOf(player) + "/" + action).then();
    }

    private static ValidatableResponse act(SafetyRoutesTest.Player player, String action, String reason) {
        return act(Tokens.operator(), player, action, Map.of("reason", reason));
    }

    @Test
    void anOperatorSuspendsAndReinstatesAndTheHistorySaysWhoAndWhy() {
        SafetyRoutesTest.Player player = SafetyRoutesTest.verified("1990-05-17");
        act(player, "suspension", "case 42: chargeback pattern").statusCode(200).body("status", equalTo("SUSPENDED"));
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("SUSPENDED");
        act(player, "suspension", "again").statusCode(409).body("reasonCode", equalTo("STANDING_CONFLICT"));

        act(player, "reinstatement", "case 42 closed: no fraud").statusCode(200).body("status", equalTo("VERIFIED"));
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("ALLOW");
        act(player, "reinstatement", "again").statusCode(409).body("reasonCode", equalTo("STANDING_CONFLICT"));

        player.as().get("/v1/players/me/history").then().statusCode(200)
                .body("kind", hasItem("SUSPENDED")).body("kind", hasItem("REINSTATED"))
                .body("find { it.kind == 'SUSPENDED' }.reason", equalTo("case 42: chargeback pattern"))
                .body("find { it.kind == 'SUSPENDED' }.actor", equalTo("operator:" + Tokens.OPERATOR));
    }

    @Test
    void anOperatorClosesAnAccountOnceWithTheCaseReason() {
        SafetyRoutesTest.Player player = SafetyRoutesTest.verified("1990-05-17");
        act(Tokens.auditor(), player, "closure", Map.of("reason", "auditors read")).statusCode(403);
        act(player, "closure", "").statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        act(player, "closure", "case 77: account takeover confirmed").statusCode(200).body("status", equalTo("CLOSED"));
        act(player, "closure", "again").statusCode(409).body("reasonCode", equalTo("ACCOUNT_CLOSED_FOR_CHANGES"));
        act(player, "reinstatement", "reopen").statusCode(409);
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("CLOSED");
        player.as().get("/v1/players/me/history").then().statusCode(200)
                .body("find { it.kind == 'ACCOUNT_CLOSED' }.reason", equalTo("case 77: account takeover confirmed"))
                .body("find { it.kind == 'ACCOUNT_CLOSED' }.actor", equalTo("operator:" + Tokens.OPERATOR));
    }

    @Test
    void aSelfExclusionIsNeverReplacedByASuspension() {
        SafetyRoutesTest.Player player = SafetyRoutesTest.verified("1990-05-17");
        player.as().contentType(ContentType.JSON).body("{\"period\":\"MONTHS_6\"}").post("/v1/players/me/exclusion").then().statusCode(200);
        act(player, "suspension", "investigation").statusCode(409).body("reasonCode", equalTo("STANDING_CONFLICT"));
        act(player, "reinstatement", "lift it").statusCode(409).body("reasonCode", equalTo("STANDING_CONFLICT"));
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("SELF_EXCLUDED");
    }

    @Test
    void aReferredIdentityCheckIsDecidedOnceByAnOperator() {
        SafetyRoutesTest.Player referred = SafetyRoutesTest.registered("1990-05-17");
        SafetyRoutesTest.verify(referred, "C555REFER").then().statusCode(200).body("identityCheck", equalTo("REFERRED"));
        act(Tokens.operator(), referred, "identity-decision", Map.of("outcome", "REFER", "reason", "x")).statusCode(400)
                .body("reasonCode", equalTo("VALIDATION_FAILED"));
        act(Tokens.operator(), referred, "identity-decision", Map.of("outcome", "APPROVE")).statusCode(400);
        act(Tokens.operator(), referred, "identity-decision", Map.of("outcome", "APPROVE", "reason", "documents checked by hand"))
                .statusCode(200).body("identityCheck", equalTo("APPROVED")).body("status", equalTo("VERIFIED"));
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(referred)).isEqualTo("ALLOW");
        act(Tokens.operator(), referred, "identity-decision", Map.of("outcome", "REJECT", "reason", "changed my mind")).statusCode(409)
                .body("reasonCode", equalTo("KYC_ALREADY_DECIDED"));

        SafetyRoutesTest.Player decided = SafetyRoutesTest.verified("1990-05-17");
        act(Tokens.operator(), decided, "identity-decision", Map.of("outcome", "REJECT", "reason", "no")).statusCode(409);
    }

    @Test
    void onlyOperatorsActAndOnlyOnPlayersThatExist() {
        SafetyRoutesTest.Player player = SafetyRoutesTest.verified("1990-05-17");
        act(Tokens.auditor(), player, "suspension", Map.of("reason", "auditors read")).statusCode(403);
        act(player.token(), player, "suspension", Map.of("reason", "myself")).statusCode(403);
        act(player, "suspension", "").statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "ghost"))
                .post("/v1/players/pl_00000000000000000000000000000000/suspension").then().statusCode(404)
                .body("reasonCode", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("reason", "bad id"))
                .post("/v1/players/not-a-player/suspension").then().statusCode(400);
        org.assertj.core.api.Assertions.assertThat(SafetyRoutesTest.eligibility(player)).isEqualTo("ALLOW");
    }
}
