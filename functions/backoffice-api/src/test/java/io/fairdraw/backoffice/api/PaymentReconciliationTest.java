package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.RepositoryFiles;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Payment reconciliation through the back-office API, on deposits and credits written to
 * DynamoDB Local as the wallet writes them and projected from the table streams: a provider's
 * settlement report (Adyen's recorded format) that agrees, the double credit that the deposit
 * binding now prevents, a payment the provider settled that credited nothing, and reports that
 * cannot be read.
 */
@QuarkusTest
class PaymentReconciliationTest {
    private static final AuditStamp WALLET = new AuditStamp("provider:test", new RequestId("reconciliation-test"));
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String PATH = "/v1/backoffice/reconciliation/payments/{provider}";

    @Inject
    Ledger ledger;

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    /** A deposit as the wallet records it, credited (when {@code paymentId} is given) as its notification credits it. */
    private void deposit(String provider, String depositId, Money amount, Optional<String> paymentId, String creditCause) {
        PlayerId player = new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(depositId));
        item.put("playerId", AttributeValue.fromS(player.value()));
        item.put("amountMinor", AttributeValue.fromN(Long.toString(amount.amountMinor())));
        item.put("currency", AttributeValue.fromS(amount.currency().code()));
        item.put("provider", AttributeValue.fromS(provider));
        item.put("providerPaymentId", AttributeValue.fromS("start-" + depositId));
        item.put("status", AttributeValue.fromS(paymentId.isPresent() ? "CREDITED" : "PENDING"));
        paymentId.ifPresent(id -> item.put("creditedPaymentId", AttributeValue.fromS(id)));
        item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("actor", AttributeValue.fromS(WALLET.actor()));
        item.put("requestId", AttributeValue.fromS(WALLET.requestId().value()));
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.DEPOSITS.defaultName()).item(item));
        if (paymentId.isPresent()) {
            ledger.apply(Transfer.of(TransferKind.DEPOSIT, creditCause, AccountId.clearing(provider, amount.currency()),
                    AccountId.wallet(player, amount.currency()), amount, Instant.now()), WALLET);
        }
    }

    private void project() {
        for (Table table : new Table[] {Table.DEPOSITS, Table.TRANSFERS}) {
            StreamRecords.all(table.defaultName()).forEach(record -> {
                ChangeRecord change = ChangeRecord.of(record);
                reporting.transaction(() -> projection.apply(change));
            });
        }
    }

    private static String provider() {
        return "recon-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static String report(String... lines) {
        StringBuilder report = new StringBuilder("Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,"
                + "Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC)\n");
        for (String line : lines) {
            report.append(line).append('\n');
        }
        return report.toString();
    }

    private static String settled(String payment, String reference, String gross) {
        return String.join(",", "Co", "Acc", payment, reference, "sandbox", REPORT_TIME.format(Instant.now().plusSeconds(60)), "UTC",
                "Settled", payment, "IDR", "", gross);
    }

    @Test
    void adyensRecordedSettlementReportAgreesWithTheLedgerAndItsFeesAndPayoutAreSetAside() throws IOException {
        CurrencyCode eur = CurrencyCode.of("EUR");
        deposit("adyen", "dep_recon_a", new Money(2_500, eur), Optional.of("QFQTPCQ8HXSKGK82"), "dep_recon_a");
        deposit("adyen", "dep_recon_b", new Money(4_000, eur), Optional.of("R2KX9MZJB5TQ7C82"), "dep_recon_b");
        project();
        String recorded = Files.readString(RepositoryFiles.root()
                .resolve("functions/backoffice-api/src/test/resources/adyen/settlement_detail_report_batch_7.csv"));

        given().auth().oauth2(Tokens.auditor()).contentType("text/csv").body(recorded).post(PATH, "adyen")
                .then().statusCode(200)
                .body("books.balanced", equalTo(true))
                .body("books.matched", equalTo(2))
                .body("books.currencies[0].currency", equalTo("EUR"))
                .body("books.currencies[0].creditedMinor", equalTo(6_500))
                .body("books.currencies[0].settledMinor", equalTo(6_500))
                .body("otherReportLines.Fee", equalTo(1))
                .body("otherReportLines.MerchantPayout", equalTo(1));
    }

    @Test
    void theDoubleCreditTheBindingPreventsWouldBeFoundEvenWithoutTheProvidersReport() {
        String provider = provider();
        Money amount = Money.of(300_000, "IDR");
        // The attack as it used to land: A credited under B's payment (the old cause), then under its own; B never.
        deposit(provider, "dep_" + provider + "_a", amount, Optional.of("psp_a"), provider + ":psp_b");
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "dep_" + provider + "_a", AccountId.clearing(provider, amount.currency()),
                AccountId.wallet(new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", "")), amount.currency()), amount,
                Instant.now()), WALLET);
        deposit(provider, "dep_" + provider + "_b", amount, Optional.empty(), "");
        project();

        given().auth().oauth2(Tokens.operator()).get(PATH, provider).then().statusCode(200)
                .body("balanced", equalTo(false))
                .body("discrepancies.kind", hasItem("CREDIT_WITHOUT_DEPOSIT"));
        given().auth().oauth2(Tokens.operator()).contentType("text/csv")
                .body(report(settled("psp_a", "dep_" + provider + "_a", "3000.00"), settled("psp_b", "dep_" + provider + "_b", "3000.00")))
                .post(PATH, provider).then().statusCode(200)
                .body("books.balanced", equalTo(false))
                .body("books.discrepancies.kind", hasItems("CREDIT_WITHOUT_DEPOSIT", "SETTLED_NOT_CREDITED"));
    }

    @Test
    void aReportThatCannotBeReadIsRefusedAndAPlayerMayNotReconcile() {
        String provider = provider();
        for (String unreadable : new String[] {"", "Psp Reference,Type\npsp,Settled\n",
                report(settled("psp_1", "dep_1", "10.001")), report(settled("psp_1", "dep_1", "ten")),
                report("Co,Acc,psp,dep,sandbox,yesterday,UTC,Settled,psp,IDR,,1.00"), "\"unterminated"}) {
            given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(unreadable).post(PATH, provider)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.operator()).get(PATH, "Not A Provider").then().statusCode(400);
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body("{}").post(PATH, provider).then().statusCode(415)
                .body("reasonCode", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(Tokens.player("recon-" + UUID.randomUUID())).get(PATH, provider).then().statusCode(401);
    }
}
