package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.backoffice.store.AuditEntry;
import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.GameCatalogue;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.config.ConfigKind;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change control of the game catalogue through the routes: proposed by one operator, approved by
 * another before its effective time, in force from then on and not before; the deployed shape
 * kept; every step refused cleanly when it should be, and audited.
 */
@QuarkusTest
class ConfigChangeTest {
    private static final String GAMES = "/v1/backoffice/config/games";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Catalogues catalogues;

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The sample catalogue as a document of the given version, 2D (back) paying {@code multiplierMilli}. */
    private static ObjectNode sample(int version, long multiplierMilli) throws Exception {
        try (InputStream in = GameFiles.class.getClassLoader().getResourceAsStream(GameFiles.SAMPLE)) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.put("version", version);
            ((ObjectNode) document.at("/fixedOdds/0/betTypes/TWO_D_BACK")).put("multiplierMilli", multiplierMilli);
            return document;
        }
    }

    private static int nextVersion() {
        var overview = as(Tokens.auditor()).get(GAMES).then().statusCode(200).extract().jsonPath();
        return Math.max(overview.getInt("baselineVersion"), overview.getList("versions.version", Integer.class).stream()
                .mapToInt(Integer::intValue).max().orElse(0)) + 1;
    }

    private static ValidatableResponse propose(String token, Object document, Instant effectiveFrom) {
        return as(token).body(Map.of("document", document, "effectiveFrom", effectiveFrom.toString(), "reason", "2D back from 70x to 65x"))
                .post(GAMES + "/versions").then();
    }

    @Test
    void aChangeProposedByOneOperatorAndApprovedByAnotherIsInForceFromItsTimeOnly() throws Exception {
        int version = nextVersion();
        Instant effective = Instant.now().plus(Duration.ofHours(2));
        propose(Tokens.operator("alice"), sample(version, 65_000), effective).statusCode(201)
                .body("status", equalTo("PROPOSED")).body("proposedBy", equalTo("operator:alice")).body("document", nullValue());

        // Not in force while proposed, nor before its time once approved.
        assertThat(((GameCatalogue) catalogues.inForce(ConfigKind.GAMES, effective.plusSeconds(1))).version()).isNotEqualTo(version);
        as(Tokens.auditor()).body(Map.of("note", "fine")).post(GAMES + "/versions/" + version + "/approval").then().statusCode(403);
        as(Tokens.operator("alice")).body(Map.of("note", "mine")).post(GAMES + "/versions/" + version + "/approval").then()
                .statusCode(403).body("reasonCode", equalTo("FOUR_EYES_REQUIRED"));
        as(Tokens.operator("bob")).body(Map.of()).post(GAMES + "/versions/" + version + "/approval").then()
                .statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        as(Tokens.operator("bob")).body(Map.of("note", "checked against the rules filed")).post(GAMES + "/versions/" + version + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("operator:bob"));
        as(Tokens.operator("carol")).body(Map.of("note", "no")).post(GAMES + "/versions/" + version + "/rejection").then()
                .statusCode(409).body("reasonCode", equalTo("ALREADY_DECIDED"));

        GameCatalogue before = (GameCatalogue) catalogues.inForce(ConfigKind.GAMES, effective.minusSeconds(1));
        GameCatalogue after = (GameCatalogue) catalogues.inForce(ConfigKind.GAMES, effective);
        assertThat(before.version()).isNotEqualTo(version);
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.fixedOdds("4d-jakarta").orElseThrow().terms().get(BetType.TWO_D_BACK).multiplierMilli()).isEqualTo(65_000);
        assertThat(catalogues.games(version)).isEqualTo(after);

        as(Tokens.auditor()).get(GAMES + "/versions/" + version).then().statusCode(200)
                .body("document.fixedOdds[0].betTypes.TWO_D_BACK.multiplierMilli", equalTo(65_000))
                .body("reason", equalTo("2D back from 70x to 65x")).body("decisionReason", equalTo("checked against the rules filed"));

        // Both steps reach the audit trail from the table's stream, with who did them.
        StreamRecords.all(Table.CONFIG_VERSIONS.defaultName()).forEach(record -> {
            ChangeRecord change = ChangeRecord.of(record);
            reporting.transaction(() -> projection.apply(change));
        });
        var actors = reporting.read(() -> AuditEntry.<AuditEntry>find("tableName = ?1 order by sequence", Table.CONFIG_VERSIONS.defaultName())
                .list()).stream().map(e -> e.actor).toList();
        assertThat(actors).contains("operator:alice", "operator:bob");
    }

    @Test
    void badProposalsAreRefusedAndWriteNothing() throws Exception {
        int version = nextVersion();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        propose(Tokens.auditor(), sample(version, 65_000), later).statusCode(403);
        // The test profile asks for 2 seconds' notice (15 minutes by default).
        propose(Tokens.operator(), sample(version, 65_000), Instant.now().plusMillis(500)).statusCode(400)
                .body("reasonCode", equalTo("VALIDATION_FAILED"));
        propose(Tokens.operator(), sample(1, 65_000), later).statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        propose(Tokens.operator(), Map.of("version", version), later).statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        propose(Tokens.operator(), "not an object", later).statusCode(400);
        ObjectNode negative = sample(version, -5);
        propose(Tokens.operator(), negative, later).statusCode(400);
        ObjectNode moved = sample(version, 65_000);
        ((ObjectNode) moved.at("/fixedOdds/0/schedule")).put("drawTime", "22:00");
        propose(Tokens.operator(), moved, later).statusCode(422).body("reasonCode", equalTo("CONFIG_CHANGE_REFUSED"));
        as(Tokens.operator()).body(Map.of("document", sample(version, 65_000), "effectiveFrom", "tomorrow", "reason", "x"))
                .post(GAMES + "/versions").then().statusCode(400);
        as(Tokens.operator()).body(Map.of("document", sample(version, 65_000), "effectiveFrom", later.toString(), "reason", "x"))
                .post("/v1/backoffice/config/prices/versions").then().statusCode(404);
        as(Tokens.auditor()).get(GAMES + "/versions/0").then().statusCode(400);
        as(Tokens.auditor()).get(GAMES + "/versions/999999").then().statusCode(404).body("reasonCode", equalTo("NOT_FOUND"));

        assertThat(nextVersion()).isEqualTo(version);

        // A version number is taken once; a proposal can be withdrawn (rejected) by its proposer.
        propose(Tokens.operator("alice"), sample(version, 65_000), later).statusCode(201);
        propose(Tokens.operator("dave"), sample(version, 60_000), later).statusCode(400);
        as(Tokens.operator("alice")).body(Map.of("note", "withdrawn: wrong figure")).post(GAMES + "/versions/" + version + "/rejection")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        as(Tokens.operator("bob")).body(Map.of("note", "late")).post(GAMES + "/versions/" + version + "/approval").then()
                .statusCode(409).body("reasonCode", equalTo("ALREADY_DECIDED"));
        assertThat(((GameCatalogue) catalogues.inForce(ConfigKind.GAMES, later.plusSeconds(3600))).version()).isNotEqualTo(version);

        // Nobody approved it before its effective time: it can no longer be approved, only proposed again.
        Instant soon = Instant.now().plusSeconds(3);
        propose(Tokens.operator("alice"), sample(version + 1, 65_000), soon).statusCode(201);
        while (!Instant.now().isAfter(soon)) {
            Thread.sleep(200);
        }
        as(Tokens.operator("bob")).body(Map.of("note", "late")).post(GAMES + "/versions/" + (version + 1) + "/approval").then()
                .statusCode(409).body("reasonCode", equalTo("EFFECTIVE_TIME_PASSED"));
    }
}
