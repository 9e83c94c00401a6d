package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The anti-money-laundering alerts over real ledger activity: each rule raised by the pattern it
 * names and not by the ordinary pattern beside it (rules in the test profile: 4 deposits in 24 h,
 * withdrawal within 3 days of a deposit, an instrument shared by 3 accounts).
 */
@QuarkusTest
class AlertsTest {
    private static final AuditStamp WALLET = new AuditStamp("wallet", new RequestId("alerts-test"));

    @Inject
    Ledger ledger;

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    private static PlayerId newPlayer() {
        return new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private void move(TransferKind kind, AccountId debit, AccountId credit, long amount, Instant at) {
        ledger.apply(Transfer.of(kind, kind + ":" + UUID.randomUUID(), debit, credit, new Money(amount, LedgerActivity.IDR), at), WALLET);
    }

    private void deposit(PlayerId player, long amount, Instant at) {
        move(TransferKind.DEPOSIT, AccountId.clearing("sandbox", LedgerActivity.IDR), AccountId.wallet(player, LedgerActivity.IDR), amount, at);
    }

    private void stake(PlayerId player, long amount, Instant at) {
        move(TransferKind.STAKE, AccountId.wallet(player, LedgerActivity.IDR),
                AccountId.of(AccountType.SALES_ESCROW, "4d-jakarta-20991231T2000", LedgerActivity.IDR), amount, at);
    }

    private void withdraw(PlayerId player, long amount, Instant at) {
        move(TransferKind.WITHDRAWAL_REQUESTED, AccountId.wallet(player, LedgerActivity.IDR),
                AccountId.pendingWithdrawal(player, LedgerActivity.IDR), amount, at);
    }

    /** A payment instrument as the wallet remembers it for a player. */
    private static void instrument(PlayerId player, String reference) {
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PAYMENT_INSTRUMENTS.defaultName()).item(Map.of(
                "pk", AttributeValue.fromS(player.value()), "sk", AttributeValue.fromS("sandbox:" + reference),
                "provider", AttributeValue.fromS("sandbox"), "instrument", AttributeValue.fromS(reference),
                "lastUsedAt", AttributeValue.fromS(Instant.now().toString()),
                "actor", AttributeValue.fromS("player:" + player.value()), "requestId", AttributeValue.fromS("alerts-test"))));
    }

    private void project() {
        for (Table table : List.of(Table.TRANSFERS, Table.PAYMENT_INSTRUMENTS)) {
            StreamRecords.all(table.defaultName()).forEach(record -> {
                ChangeRecord change = ChangeRecord.of(record);
                reporting.transaction(() -> projection.apply(change));
            });
        }
    }

    private static JsonPath alerts(Instant from, Instant to) {
        return given().auth().oauth2(Tokens.auditor()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/v1/backoffice/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> playersOf(JsonPath alerts, String kind) {
        return alerts.getList("items.findAll { it.kind == '" + kind + "' }.playerIds.flatten()", String.class);
    }

    @Test
    void eachRuleIsRaisedByItsPatternAndNotByOrdinaryPlay() {
        Instant t0 = Instant.now().minusSeconds(6 * 3600);
        PlayerId fast = newPlayer();
        PlayerId steady = newPlayer();
        PlayerId through = newPlayer();
        PlayerId player = newPlayer();
        for (int i = 0; i < 4; i++) {
            deposit(fast, 10_000, t0.plusSeconds(600L * i));   // four in 30 minutes
            deposit(steady, 10_000, t0.minusSeconds(86_400L * (i + 1)).plusSeconds(3600)); // one a day
        }
        deposit(through, 500_000, t0);
        withdraw(through, 500_000, t0.plusSeconds(1800));      // straight out, nothing played
        deposit(player, 500_000, t0);
        stake(player, 100_000, t0.plusSeconds(600));
        withdraw(player, 300_000, t0.plusSeconds(1800));       // played first: ordinary
        PlayerId shared1 = newPlayer();
        PlayerId shared2 = newPlayer();
        PlayerId shared3 = newPlayer();
        String card = "card-" + UUID.randomUUID();
        instrument(shared1, card);
        instrument(shared2, card);
        instrument(shared3, card);
        instrument(player, "card-" + UUID.randomUUID());
        instrument(steady, "card-" + UUID.randomUUID());
        project();

        JsonPath found = alerts(t0.minusSeconds(3600), Instant.now().plusSeconds(60));
        assertThat(playersOf(found, "DEPOSIT_VELOCITY")).contains(fast.value()).doesNotContain(steady.value(), player.value());
        assertThat(playersOf(found, "WITHDRAWAL_WITHOUT_PLAY")).contains(through.value()).doesNotContain(player.value(), fast.value());
        assertThat(playersOf(found, "SHARED_INSTRUMENT")).contains(shared1.value(), shared2.value(), shared3.value())
                .doesNotContain(player.value(), steady.value());

        // The same range gives the same alerts; a range before any of it gives none of the first two kinds.
        assertThat(alerts(t0.minusSeconds(3600), Instant.now().plusSeconds(60)).getList("items", Map.class))
                .isEqualTo(found.getList("items", Map.class));
        JsonPath before = alerts(t0.minusSeconds(30L * 86_400), t0.minusSeconds(29L * 86_400));
        assertThat(playersOf(before, "DEPOSIT_VELOCITY")).doesNotContain(fast.value());
        assertThat(playersOf(before, "WITHDRAWAL_WITHOUT_PLAY")).doesNotContain(through.value());
    }

    @Test
    void anAlertIsTakenThenClosedOnceWithAnOutcomeAndEachStepIsAudited() {
        Instant t0 = Instant.now().minusSeconds(3 * 3600);
        PlayerId fast = newPlayer();
        for (int i = 0; i < 4; i++) {
            deposit(fast, 10_000, t0.plusSeconds(300L * i));
        }
        project();
        JsonPath found = alerts(t0.minusSeconds(60), Instant.now().plusSeconds(60));
        String id = found.getString("items.find { it.kind == 'DEPOSIT_VELOCITY' && it.playerIds.contains('" + fast.value() + "') }.id");
        assertThat(found.getString("items.find { it.id == '" + id + "' }.caseStatus")).isEqualTo("NEW");
        String base = "/v1/backoffice/alerts/" + id;

        given().auth().oauth2(Tokens.auditor()).post(base + "/assignment").then().statusCode(403);
        given().auth().oauth2(Tokens.operator("alice")).post(base + "/assignment").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ASSIGNED")).body("assignee", org.hamcrest.Matchers.equalTo("operator:alice"));
        given().auth().oauth2(Tokens.operator("bob")).contentType("application/json").body(Map.of("outcome", "IGNORED", "note", "x"))
                .post(base + "/closure").then().statusCode(400).body("reasonCode", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.operator("bob")).contentType("application/json")
                .body(Map.of("outcome", "REPORTED", "note", "SAR 2026-118 filed: structuring")).post(base + "/closure").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CLOSED")).body("outcome", org.hamcrest.Matchers.equalTo("REPORTED"));
        given().auth().oauth2(Tokens.operator("alice")).contentType("application/json").body(Map.of("outcome", "CLEARED", "note", "no"))
                .post(base + "/closure").then().statusCode(409);
        given().auth().oauth2(Tokens.operator("alice")).post(base + "/assignment").then().statusCode(409);
        given().auth().oauth2(Tokens.operator("alice")).post("/v1/backoffice/alerts/al_1_0000000000000000/assignment").then().statusCode(404);

        JsonPath after = alerts(t0.minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(after.getString("items.find { it.id == '" + id + "' }.caseStatus")).isEqualTo("CLOSED");
        assertThat(after.getString("items.find { it.id == '" + id + "' }.note")).isEqualTo("SAR 2026-118 filed: structuring");
        List<String> steps = given().auth().oauth2(Tokens.auditor()).queryParam("from", Instant.now().minusSeconds(600).toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).queryParam("player", fast.value()).get("/v1/backoffice/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.table == 'alert-cases' }.actor", String.class);
        assertThat(steps).containsExactlyInAnyOrder("operator:alice", "operator:bob");
    }

    @Test
    void alertRangesAreBoundedAndOnlyStaffReadThem() {
        Instant now = Instant.now();
        given().auth().oauth2(Tokens.auditor()).queryParam("from", now.minusSeconds(90L * 86_400).toString())
                .queryParam("to", now.toString()).get("/v1/backoffice/alerts").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor()).queryParam("from", now.toString()).queryParam("to", now.minusSeconds(1).toString())
                .get("/v1/backoffice/alerts").then().statusCode(400);
        // The back office trusts the staff pool only: a player's token is not one it accepts at all.
        given().auth().oauth2(Tokens.playerA()).queryParam("from", now.minusSeconds(60).toString()).queryParam("to", now.toString())
                .get("/v1/backoffice/alerts").then().statusCode(401);
    }
}
