package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A draw's top exposures, from the liability budgets betting keeps (one item per selection and budget shard). */
@QuarkusTest
class ExposuresTest {
    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    /** A ticket's line taken against a budget shard, as betting's purchase transaction does it. */
    private static void take(String drawId, String betType, String selection, int shard, long liability, long share) {
        LocalDynamo.shared().client().updateItem(b -> b.tableName(Table.LIABILITY.defaultName())
                .key(Map.of("pk", AttributeValue.fromS(drawId + "#" + betType + "#" + selection + "#" + shard)))
                .updateExpression("SET #limit = :share ADD #exposure :liability")
                .expressionAttributeNames(Map.of("#exposure", "exposureMinor", "#limit", "limitMinor"))
                .expressionAttributeValues(Map.of(":share", AttributeValue.fromN(Long.toString(share)),
                        ":liability", AttributeValue.fromN(Long.toString(liability)))));
    }

    private void project() {
        StreamRecords.all(Table.LIABILITY.defaultName()).forEach(record -> {
            ChangeRecord change = ChangeRecord.of(record);
            reporting.transaction(() -> projection.apply(change));
        });
    }

    private static JsonPath exposures(String drawId, String limit) {
        return given().auth().oauth2(Tokens.auditor()).queryParam("limit", limit)
                .get("/v1/backoffice/reports/draws/" + drawId + "/exposures").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theLargestExposuresComeFirstSummedOverShardsAndStayTheSameOnReplay() {
        String drawId = "4d-jakarta-exposures-" + UUID.randomUUID().toString().substring(0, 8);
        take(drawId, "FOUR_D", "1234", 0, 300_000, 1_000_000);
        take(drawId, "FOUR_D", "1234", 1, 200_000, 1_000_000);
        take(drawId, "FOUR_D", "5678", 3, 100_000, 1_000_000);
        take(drawId, "TWO_D_BACK", "34", 2, 400_000, 1_000_000);
        take(drawId, "FOUR_D", "1234", 0, 50_000, 1_000_000);
        project();

        JsonPath top = exposures(drawId, "10");
        assertThat(top.getList("items.selection", String.class)).containsExactly("1234", "34", "5678");
        assertThat(top.getList("items.exposureMinor", Long.class)).containsExactly(550_000L, 400_000L, 100_000L);
        assertThat(top.getLong("items[0].limitMinor")).isEqualTo(2_000_000L);
        assertThat(exposures(drawId, "1").getList("items")).hasSize(1);

        project();
        assertThat(exposures(drawId, "10").getList("items", Map.class)).isEqualTo(top.getList("items", Map.class));
    }

    @Test
    void anUnknownDrawIsNotFoundAndPlayersCannotLook() {
        given().auth().oauth2(Tokens.operator()).get("/v1/backoffice/reports/draws/4d-jakarta-19000101T2000/exposures").then()
                .statusCode(404).body("reasonCode", equalTo("DRAW_NOT_FOUND"));
        given().auth().oauth2(Tokens.playerA()).get("/v1/backoffice/reports/draws/4d-jakarta-19000101T2000/exposures").then()
                .statusCode(401);
        given().auth().oauth2(Tokens.operator()).queryParam("limit", "0")
                .get("/v1/backoffice/reports/draws/4d-jakarta-19000101T2000/exposures").then().statusCode(400);
    }
}
