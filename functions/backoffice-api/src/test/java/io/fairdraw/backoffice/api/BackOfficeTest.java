package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.backoffice.store.AuditEntry;
import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.TestPlayers;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
class BackOfficeTest {
    private static final String BASE = "/v1/backoffice";

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    private TestPlayers.TestPlayer alice;
    private LedgerActivity activity;
    private LedgerActivity.Day day;

    @BeforeEach
    void business() {
        alice = TestPlayers.verified("api-alice");
        var bob = TestPlayers.verified("api-bob");
        activity = new LedgerActivity();
        day = activity.day(List.of(alice.id(), bob.id()), 2, "api-test");
        projectEverything();
    }

    /** Feeds every stream record so far through the projection, as the projector function does. */
    private void projectEverything() {
        for (Table table : List.of(Table.PLAYERS, Table.TRANSFERS, Table.DRAWS)) {
            for (ObjectNode record : StreamRecords.all(table.defaultName())) {
                ChangeRecord change = ChangeRecord.of(record);
                reporting.transaction(() -> projection.apply(change));
            }
        }
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static void problem(ValidatableResponse response, int status, String reason) {
        response.statusCode(status).contentType("application/problem+json").body("reasonCode", equalTo(reason))
                .body("type", startsWith("https://fairdraw.io/problems/"));
    }

    @Test
    void aDrawsReportShowsItsSalesWinningsAndGgrToOperatorsAndAuditors() {
        for (String token : List.of(Tokens.operator(), Tokens.auditor())) {
            as(token).get(BASE + "/reports/draws/" + day.drawId()).then().statusCode(200)
                    .body("tickets", equalTo(4))
                    .body("salesMinor", equalTo((int) day.stakesMinor()))
                    .body("winningsMinor", equalTo((int) day.winningsMinor()))
                    .body("ggrMinor", equalTo((int) (day.stakesMinor() - day.winningsMinor())))
                    .body("status", equalTo("CLOSED"));
        }
        problem(as(Tokens.auditor()).get(BASE + "/reports/draws/4d-jakarta-19990101T2000").then(), 404, "DRAW_NOT_FOUND");
        problem(as(Tokens.auditor()).get(BASE + "/reports/draws/not a draw").then(), 400, "VALIDATION_FAILED");
        // Players' tokens come from a pool the back office does not trust.
        problem(as(alice.token()).get(BASE + "/reports/draws/" + day.drawId()).then(), 401, "UNAUTHENTICATED");
        problem(as(Tokens.playerPoolOperator()).get(BASE + "/reports/draws/" + day.drawId()).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void dailyFiguresAndTheReconciliationAgreeWithWhatHappened() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var days = as(Tokens.auditor()).queryParam("from", today).queryParam("to", today).get(BASE + "/reports/days")
                .then().statusCode(200).extract().jsonPath();
        assertThat(days.getLong("days[0].stakesMinor")).isGreaterThanOrEqualTo(day.stakesMinor());
        assertThat(days.getLong("days[0].ggrMinor"))
                .isEqualTo(days.getLong("days[0].stakesMinor") - days.getLong("days[0].refundsMinor") - days.getLong("days[0].winningsMinor"));
        as(Tokens.operator()).get(BASE + "/reconciliation").then().statusCode(200).body("balanced", equalTo(true))
                .body("currencies[0].signedSumMinor", equalTo(0));
    }

    @Test
    void badRangesAndFiltersGetAClearAnswer() {
        String auditor = Tokens.auditor();
        problem(as(auditor).queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get(BASE + "/reports/days").then(),
                400, "VALIDATION_FAILED");
        problem(as(auditor).queryParam("from", "2020-01-01").queryParam("to", "2026-12-01").get(BASE + "/reports/days").then(),
                400, "VALIDATION_FAILED");
        problem(as(auditor).queryParam("from", "yesterday").queryParam("to", "2026-12-01").get(BASE + "/reports/days").then(),
                400, "VALIDATION_FAILED");
        problem(as(auditor).get(BASE + "/reports/days").then(), 400, "VALIDATION_FAILED");
        Instant now = Instant.now();
        problem(as(auditor).queryParam("from", now.toString()).queryParam("to", now.minusSeconds(60).toString()).get(BASE + "/audit").then(),
                400, "VALIDATION_FAILED");
        problem(as(auditor).queryParam("from", now.minusSeconds(86_400L * 365).toString()).queryParam("to", now.toString())
                .get(BASE + "/audit").then(), 400, "VALIDATION_FAILED");
        problem(auditRange(auditor).queryParam("cursor", "bm90LW91cnM").get(BASE + "/audit").then(), 400, "INVALID_CURSOR");
        problem(auditRange(auditor).queryParam("limit", "0").get(BASE + "/audit").then(), 400, "VALIDATION_FAILED");
        problem(auditRange(auditor).queryParam("limit", "100000").get(BASE + "/audit").then(), 400, "VALIDATION_FAILED");
        problem(auditRange(auditor).queryParam("player", "'; drop table audit_trail; --").get(BASE + "/audit").then(), 400,
                "VALIDATION_FAILED");
        problem(as(auditor).queryParam("status", "MAYBE").get(BASE + "/corrections").then(), 400, "VALIDATION_FAILED");
        problem(as(Tokens.operator()).get(BASE + "/players/pl_unknown").then(), 404, "NOT_FOUND");
    }

    private static io.restassured.specification.RequestSpecification auditRange(String token) {
        Instant now = Instant.now();
        return as(token).queryParam("from", now.minusSeconds(3600).toString()).queryParam("to", now.plusSeconds(60).toString());
    }

    @Test
    void theAuditTrailPagesThroughAPlayersChangesWithoutGapsOrRepeatsAndExportsAsCsv() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = auditRange(Tokens.auditor()).queryParam("player", alice.id().value()).queryParam("limit", "2");
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(BASE + "/audit").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.eventId", String.class));
            assertThat(page.getList("items.playerId", String.class)).containsOnly(alice.id().value());
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 50);
        long stored = reporting.read(() -> AuditEntry.count("playerId", alice.id().value()));
        assertThat(seen).hasSize((int) stored).doesNotHaveDuplicates();
        assertThat(stored).isGreaterThanOrEqualTo(4); // registered, deposited, two stakes
        assertThat(pages).isGreaterThan(1);

        String csv = auditRange(Tokens.auditor()).queryParam("player", alice.id().value()).get(BASE + "/audit/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("eventId,at,table,event,key,playerId,drawId,actor,requestId,detail");
        assertThat(lines).hasSize(seen.size() + 1);
        assertThat(csv).contains("api-test").doesNotContain("Holder");
    }

    private String propose(String operatorToken, AccountId debit, AccountId credit, long amount) {
        return as(operatorToken).contentType(ContentType.JSON)
                .body(Map.of("debit", debit.value(), "credit", credit.value(), "amount", amount, "currency", "IDR",
                        "reason", "goodwill credit after a support case"))
                .post(BASE + "/corrections").then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
    }

    @Test
    void aCorrectionNeedsASecondOperatorAndMovesMoneyOnceHoweverOftenItIsApproved() {
        AccountId house = AccountId.house(LedgerActivity.GAME, LedgerActivity.IDR);
        AccountId wallet = AccountId.wallet(alice.id(), LedgerActivity.IDR);
        long before = activity.ledger().balance(wallet).amountMinor();
        String first = Tokens.operator("operator-first");
        String second = Tokens.operator("operator-second");
        String id = propose(first, house, wallet, 5_000);

        problem(as(first).post(BASE + "/corrections/" + id + "/approval").then(), 403, "FOUR_EYES_REQUIRED");
        problem(as(Tokens.auditor()).post(BASE + "/corrections/" + id + "/approval").then(), 403, "FORBIDDEN");
        assertThat(activity.ledger().balance(wallet).amountMinor()).isEqualTo(before);

        as(second).post(BASE + "/corrections/" + id + "/approval").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("decidedBy", equalTo("operator:operator-second"));
        as(second).post(BASE + "/corrections/" + id + "/approval").then().statusCode(200).body("status", equalTo("APPLIED"));
        assertThat(activity.ledger().balance(wallet).amountMinor()).isEqualTo(before + 5_000);
        problem(as(Tokens.operator("operator-third")).contentType(ContentType.JSON).body(Map.of("note", "too late"))
                .post(BASE + "/corrections/" + id + "/rejection").then(), 409, "ALREADY_DECIDED");
        problem(as(Tokens.operator("operator-third")).post(BASE + "/corrections/" + id + "/approval").then(), 409, "ALREADY_DECIDED");
        assertThat(activity.ledger().balance(wallet).amountMinor()).isEqualTo(before + 5_000);
    }

    @Test
    void twoOperatorsApprovingAtOnceMoveTheMoneyOnce() throws Exception {
        AccountId house = AccountId.house(LedgerActivity.GAME, LedgerActivity.IDR);
        AccountId wallet = AccountId.wallet(alice.id(), LedgerActivity.IDR);
        long before = activity.ledger().balance(wallet).amountMinor();
        String id = propose(Tokens.operator("operator-proposer"), house, wallet, 7_000);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> approvals = new ArrayList<>();
        for (String approver : List.of("operator-b", "operator-c")) {
            String token = Tokens.operator(approver);
            approvals.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return as(token).post(BASE + "/corrections/" + id + "/approval").then().extract().statusCode();
            }));
        }
        Set<Integer> statuses = new HashSet<>();
        for (var approval : approvals) {
            statuses.add(approval.get());
        }
        assertThat(statuses).contains(200).isSubsetOf(Set.of(200, 409));
        assertThat(activity.ledger().balance(wallet).amountMinor()).isEqualTo(before + 7_000);
    }

    @Test
    void badProposalsAreRefusedAndNothingIsKeptAndAnOverdraftIsRefusedByTheLedger() {
        String operator = Tokens.operator("operator-careful");
        int proposed = as(operator).get(BASE + "/corrections").then().statusCode(200).extract().jsonPath().getList("items").size();
        problem(as(operator).contentType(ContentType.JSON).body(Map.of("debit", "nonsense", "credit", "wallet:x:IDR", "amount", 1,
                "currency", "IDR", "reason", "x")).post(BASE + "/corrections").then(), 400, "VALIDATION_FAILED");
        problem(as(operator).contentType(ContentType.JSON).body(Map.of("debit", "house:4d-jakarta:IDR", "credit",
                "wallet:" + alice.id().value() + ":IDR", "amount", 0, "currency", "IDR", "reason", "zero")).post(BASE + "/corrections").then(),
                422, "AMOUNT_OUT_OF_RANGE");
        problem(as(operator).contentType(ContentType.JSON).body(Map.of("debit", "house:4d-jakarta:EUR", "credit",
                "wallet:" + alice.id().value() + ":IDR", "amount", 10, "currency", "IDR", "reason", "mixed")).post(BASE + "/corrections").then(),
                422, "CURRENCY_MISMATCH");
        problem(as(operator).contentType(ContentType.JSON).body("{\"debit\": ").post(BASE + "/corrections").then(), 400, "MALFORMED_REQUEST");
        problem(as(Tokens.auditor()).contentType(ContentType.JSON).body(Map.of("debit", "house:4d-jakarta:IDR", "credit",
                "wallet:" + alice.id().value() + ":IDR", "amount", 10, "currency", "IDR", "reason", "auditors read only"))
                .post(BASE + "/corrections").then(), 403, "FORBIDDEN");
        assertThat(as(operator).get(BASE + "/corrections").then().extract().jsonPath().getList("items")).hasSize(proposed);

        AccountId wallet = AccountId.wallet(alice.id(), LedgerActivity.IDR);
        long before = activity.ledger().balance(wallet).amountMinor();
        String id = propose(operator, wallet, AccountId.clearing("sandbox", LedgerActivity.IDR), before + 1);
        problem(as(Tokens.operator("operator-other")).post(BASE + "/corrections/" + id + "/approval").then(), 422, "INSUFFICIENT_FUNDS");
        assertThat(activity.ledger().balance(wallet).amountMinor()).isEqualTo(before);
    }

    @Test
    void aClosedAccountsPersonalDataIsErasedByShreddingItsKeyAndAReplayCannotBringItBack() {
        String operator = Tokens.operator();
        as(operator).get(BASE + "/players/" + alice.id().value()).then().statusCode(200)
                .body("personal.displayName", equalTo("Holder")).body("personalDataErased", equalTo(false));
        problem(as(operator).post(BASE + "/players/" + alice.id().value() + "/erasure").then(), 409, "ERASURE_NOT_ALLOWED");
        problem(as(Tokens.auditor()).post(BASE + "/players/" + alice.id().value() + "/erasure").then(), 403, "FORBIDDEN");

        LocalDynamo.shared().client().updateItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .key(Map.of("pk", AttributeValue.fromS(alice.id().value())))
                .updateExpression("SET #s = :s, updatedAt = :t, actor = :a, requestId = :r")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("CLOSED"), ":t", AttributeValue.fromS(Instant.now().toString()),
                        ":a", AttributeValue.fromS("player:" + alice.id().value()), ":r", AttributeValue.fromS("close-1"))));
        projectEverything();
        long auditBefore = reporting.read(() -> AuditEntry.count());

        as(operator).post(BASE + "/players/" + alice.id().value() + "/erasure").then().statusCode(200)
                .body("erasedBy", equalTo("operator:" + Tokens.OPERATOR));
        projectEverything();
        as(operator).get(BASE + "/players/" + alice.id().value()).then().statusCode(200)
                .body("personal", org.hamcrest.Matchers.nullValue()).body("personalDataErased", equalTo(true))
                .body("status", equalTo("CLOSED"));
        assertThat(reporting.read(() -> AuditEntry.count())).isEqualTo(auditBefore);
    }
}
