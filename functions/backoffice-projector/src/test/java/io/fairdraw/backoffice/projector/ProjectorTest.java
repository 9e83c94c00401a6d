package io.fairdraw.backoffice.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.backoffice.store.AuditEntry;
import io.fairdraw.backoffice.store.PaymentBooks;
import io.fairdraw.backoffice.store.PersonalRecord;
import io.fairdraw.backoffice.store.PlayerRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.testsupport.DynamoDbLocalResource;
import io.fairdraw.testsupport.LambdaInvoker;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.LocalPostgres;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.TestPlayers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
@QuarkusTestResource(LocalPostgres.class)
class ProjectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reporting reporting;

    @Inject
    Reports reports;

    @Inject
    PaymentBooks payments;

    /** Every record so far of the tables the projector is subscribed to, in stream order per table. */
    private static List<ObjectNode> records() {
        List<ObjectNode> all = new ArrayList<>();
        for (Table table : List.of(Table.PLAYERS, Table.TRANSFERS, Table.DRAWS)) {
            all.addAll(StreamRecords.all(table.defaultName()));
        }
        return all;
    }

    /** Sends the records through the function's real entry in batches of ten; each answer must report no failure. */
    private static void project(List<ObjectNode> records) {
        for (int i = 0; i < records.size(); i += 10) {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode batch = event.putArray("Records");
            records.subList(i, Math.min(records.size(), i + 10)).forEach(batch::add);
            var answer = LambdaInvoker.invoke(event.toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"batchItemFailures\":[]");
        }
    }

    private record Snapshot(List<Reports.Day> days, Reports.DrawReport draw, List<Reports.Balance> balances,
            List<Reports.Reconciliation> books, long auditEntries) {
    }

    private Snapshot snapshot(String drawId) {
        return reporting.read(() -> reports.days(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1))
                .chain(days -> reports.draw(drawId).chain(draw -> reports.balances().chain(balances -> reports.reconciliation()
                        .chain(books -> AuditEntry.count().map(n -> new Snapshot(days, draw.orElseThrow(), balances, books, n)))))));
    }

    @Test
    void replayingTheStreamsTwiceInAnyOrderGivesTheSameReportsAndTheyAgreeWithTheLedger() {
        var alice = TestPlayers.verified("bo-alice");
        var bob = TestPlayers.verified("bo-bob");
        LedgerActivity activity = new LedgerActivity();
        LedgerActivity.Day day = activity.day(List.of(alice.id(), bob.id()), 3, "projector-test");
        // A later change to one player: suspended by an operator. Replayed out of order, the row must keep it.
        LocalDynamo.shared().client().updateItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .key(Map.of("pk", AttributeValue.fromS(bob.id().value())))
                .updateExpression("SET #s = :s, actor = :a, requestId = :r")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SUSPENDED"), ":a", AttributeValue.fromS("operator-1"),
                        ":r", AttributeValue.fromS("case-17"))));

        List<ObjectNode> records = records();
        project(records);
        Snapshot first = snapshot(day.drawId());

        // The report shows what happened.
        assertThat(first.draw().tickets()).isEqualTo(6);
        assertThat(first.draw().salesMinor()).isEqualTo(day.stakesMinor());
        assertThat(first.draw().winningsMinor()).isEqualTo(day.winningsMinor());
        assertThat(first.draw().ggrMinor()).isEqualTo(day.stakesMinor() - day.winningsMinor());
        assertThat(first.draw().status()).isEqualTo("CLOSED");
        Reports.Day today = first.days().stream().filter(d -> d.day().equals(LocalDate.now(java.time.ZoneOffset.UTC))).findFirst().orElseThrow();
        assertThat(today.stakesMinor()).isGreaterThanOrEqualTo(day.stakesMinor());
        assertThat(today.depositsMinor()).isGreaterThanOrEqualTo(day.depositsMinor());

        // Its totals are the ledger's: every account's projected balance is the one DynamoDB holds, escrow included.
        var ledger = activity.ledger();
        var virtual = new LedgerReconciler(ledger).virtualBalances();
        for (Reports.Balance balance : first.balances()) {
            AccountId account = new AccountId(balance.account());
            long held = account.type() == AccountType.SALES_ESCROW
                    ? virtual.getOrDefault(account, io.fairdraw.model.money.Money.zero(account.currency())).amountMinor()
                    : ledger.balance(account).amountMinor();
            assertThat(balance.balanceMinor()).as(balance.account()).isEqualTo(held);
        }
        assertThat(first.books()).allSatisfy(books -> {
            assertThat(books.signedSumMinor()).isZero();
            assertThat(books.negativeWhereNotAllowed()).isEmpty();
        });
        assertThat(new LedgerReconciler(ledger).breaches()).isEmpty();

        // Replay everything twice more, shuffled across tables and batches: nothing changes.
        List<ObjectNode> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(7));
        project(shuffled);
        Collections.reverse(shuffled);
        project(shuffled);
        assertThat(snapshot(day.drawId())).isEqualTo(first);
        PlayerRow suspended = reporting.read(() -> PlayerRow.<PlayerRow>findById(bob.id().value()));
        assertThat(suspended.status).isEqualTo("SUSPENDED");
    }

    @Test
    void theAuditTrailSaysWhoDidWhatFromWhichRequestAndPersonalDataStaysSealed() {
        var carol = TestPlayers.verified("bo-carol");
        LedgerActivity.Day day = new LedgerActivity().day(List.of(carol.id()), 1, "auditor-view");
        project(records());

        List<AuditEntry> carols = reporting.read(() -> AuditEntry.<AuditEntry>list("playerId", carol.id().value()));
        assertThat(carols).extracting(e -> e.tableName).contains(Table.PLAYERS.defaultName(), Table.TRANSFERS.defaultName());
        assertThat(carols).filteredOn(e -> e.tableName.equals(Table.TRANSFERS.defaultName()))
                .allSatisfy(e -> {
                    assertThat(e.actor).isEqualTo("auditor-view");
                    assertThat(e.requestId).startsWith("auditor-view-");
                });
        List<AuditEntry> ofDraw = reporting.read(() -> AuditEntry.<AuditEntry>list("drawId", day.drawId()));
        assertThat(ofDraw).extracting(e -> e.tableName).contains(Table.DRAWS.defaultName(), Table.TRANSFERS.defaultName());

        // The name and date of birth are in no audit entry and no report row; sealed apart under the player's key.
        String everything = carols.stream().map(e -> e.detail).collect(Collectors.joining());
        assertThat(everything).doesNotContain("Holder").doesNotContain("1990-05-17").doesNotContain("displayName");
        PersonalRecord sealed = reporting.read(() -> PersonalRecord.<PersonalRecord>findById(carol.id().value()));
        assertThat(new String(sealed.sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Holder");
    }

    @Test
    void theApiMayEraseAPlayersPersonalRecordAndDeleteNothingElse() {
        // The roles are made before the projector starts (db/roles.sql); the projector makes its tables
        // at start and then grants the one delete erasure needs.
        String query = "select has_table_privilege('fairdraw_api', :table, 'DELETE')";
        Boolean personal = reporting.read(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(query, Boolean.class).setParameter("table", "player_personal").getSingleResult()));
        Boolean players = reporting.read(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(query, Boolean.class).setParameter("table", "players").getSingleResult()));
        assertThat(personal).isTrue();
        assertThat(players).isFalse();
    }

    @Test
    void aRecordThatCannotBeReadIsSkippedAndTheRestOfTheBatchIsApplied() throws Exception {
        var dave = TestPlayers.verified("bo-dave");
        List<ObjectNode> mine = StreamRecords.all(Table.PLAYERS.defaultName()).stream()
                .filter(r -> r.path("dynamodb").path("Keys").path("pk").path("S").asText().equals(dave.id().value())).toList();
        assertThat(mine).hasSize(1);
        ObjectNode event = JSON.createObjectNode();
        ArrayNode batch = event.putArray("Records");
        batch.add(JSON.readTree("{\"eventID\":\"x\",\"eventName\":\"INSERT\",\"dynamodb\":{\"SequenceNumber\":\"not-a-number\"}}"));
        batch.add(JSON.readTree("{\"eventName\":\"DROP\"}"));
        batch.add("just text");
        // A transfer whose time does not parse: skipped, not retried for ever.
        batch.add(JSON.readTree("{\"eventID\":\"bad-transfer\",\"eventName\":\"INSERT\",\"eventSourceARN\":"
                + "\"arn:aws:dynamodb:us-east-1:000000000000:table/fairdraw-transfers/stream/x\",\"dynamodb\":{\"SequenceNumber\":\"1\","
                + "\"Keys\":{\"pk\":{\"S\":\"tr-bad\"}},\"NewImage\":{\"pk\":{\"S\":\"tr-bad\"},\"debit\":{\"S\":\"clearing:sandbox:IDR\"},"
                + "\"credit\":{\"S\":\"house:4d-jakarta:IDR\"},\"amountMinor\":{\"N\":\"5\"},\"currency\":{\"S\":\"IDR\"},"
                + "\"kind\":{\"S\":\"CAPITAL\"},\"reference\":{\"S\":\"x\"},\"at\":{\"S\":\"yesterday\"}}}}"));
        batch.add(mine.get(0));
        var answer = LambdaInvoker.invoke(event.toString());
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("batchItemFailures")).isEmpty();
        PlayerRow row = reporting.read(() -> PlayerRow.<PlayerRow>findById(dave.id().value()));
        assertThat(row.status).isEqualTo("VERIFIED");
        assertThat(row.kyc).isEqualTo("APPROVED");
        Object badTransfer = reporting.read(() -> io.fairdraw.backoffice.store.TransferRow.findById("tr-bad"));
        Object badEntry = reporting.read(() -> AuditEntry.findById("bad-transfer"));
        assertThat(badTransfer).isNull();
        assertThat(badEntry).isNull();
    }

    /** A transfer as the transfers table's stream delivers it. */
    private static ObjectNode transferRecord(String id, AccountId debit, AccountId credit, long amountMinor) throws Exception {
        return (ObjectNode) JSON.readTree("{\"eventID\":\"" + id + "\",\"eventName\":\"INSERT\",\"eventSourceARN\":"
                + "\"arn:aws:dynamodb:us-east-1:000000000000:table/fairdraw-transfers/stream/x\",\"dynamodb\":{\"SequenceNumber\":\"1\","
                + "\"Keys\":{\"pk\":{\"S\":\"" + id + "\"}},\"NewImage\":{\"pk\":{\"S\":\"" + id + "\"},\"debit\":{\"S\":\"" + debit
                + "\"},\"credit\":{\"S\":\"" + credit + "\"},\"amountMinor\":{\"N\":\"" + amountMinor + "\"},\"currency\":{\"S\":\"IDR\"},"
                + "\"kind\":{\"S\":\"WINNINGS\"},\"reference\":{\"S\":\"" + id + "\"},\"at\":{\"S\":\"" + Instant.now() + "\"}}}}");
    }

    @Test
    void theScheduledReconciliationCountsWhatIsWrongAndPublishesItAsTheAlarmsMetric() throws Exception {
        var erin = TestPlayers.verified("bo-erin");
        project(records());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ScheduledReconciliation reconciliation = new ScheduledReconciliation(reporting, reports, payments,
                new PrintStream(lines, true, StandardCharsets.UTF_8));
        ScheduledReconciliation.Findings before = reconciliation.run();

        // The scheduler's event reaches the same run through the function's entry and answers its count.
        var answer = LambdaInvoker.invoke("{\"task\":\"reconcile\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("differences").asInt(-1)).isEqualTo(before.total());

        // A wallet taken below zero (a transfer the ledger's conditions would have refused) is one more difference.
        AccountId wallet = AccountId.wallet(erin.id(), CurrencyCode.of("IDR"));
        AccountId house = AccountId.house("4d-jakarta", CurrencyCode.of("IDR"));
        project(List.of(transferRecord("tr-overdraft-erin", wallet, house, 500)));
        lines.reset();
        ScheduledReconciliation.Findings broken = reconciliation.run();
        assertThat(broken.accountsBelowZero()).isEqualTo(before.accountsBelowZero() + 1);
        assertThat(broken.total()).isEqualTo(before.total() + 1);

        // The metric line is CloudWatch's embedded metric format, in the namespace and name the alarm watches.
        JsonNode line = JSON.readTree(lines.toString(StandardCharsets.UTF_8).strip());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Fairdraw/Ledger");
        assertThat(directive.path("Metrics").path(0).path("Name").asText()).isEqualTo("ReconciliationDifferences");
        assertThat(line.path("ReconciliationDifferences").asInt(-1)).isEqualTo(broken.total());
        assertThat(line.path("accountsBelowZero").asInt(-1)).isEqualTo(broken.accountsBelowZero());
        assertThat(line.path("_aws").path("Timestamp").asLong()).isPositive();

        // Put right, the count is back where it was, so the other tests' books stay whole.
        project(List.of(transferRecord("tr-overdraft-erin-returned", house, wallet, 500)));
        assertThat(reconciliation.run()).isEqualTo(before);
    }
}
