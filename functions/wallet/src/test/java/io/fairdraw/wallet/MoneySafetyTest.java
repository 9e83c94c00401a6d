package io.fairdraw.wallet;

import static io.fairdraw.wallet.WalletFixtures.deliver;
import static io.fairdraw.wallet.WalletFixtures.deposit;
import static io.fairdraw.wallet.WalletFixtures.paymentEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.money.Money;
import io.fairdraw.payments.PaymentProvider.PaymentEvent;
import io.fairdraw.payments.SandboxProvider;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.platform.monitoring.SecurityEvents;
import io.fairdraw.testsupport.LambdaEvents;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The money defects found by trying the wallet as an adversary would: a minor moving money, one
 * deposit credited twice by a notification that names it with another deposit's payment, and
 * request bodies that mean two things at once. Each case checks that nothing was written.
 */
@QuarkusTest
class MoneySafetyTest {
    @Inject
    Ledger ledger;

    @Inject
    LedgerReconciler reconciler;

    @Inject
    SecurityEvents security;

    @Inject
    DepositService deposits;

    @Inject
    SandboxProvider sandbox;

    private final LambdaHttpHandler handler = new LambdaHttpHandler();

    private static JsonPath started(WalletFixtures.Holder holder, long amount) {
        return deposit(holder, UUID.randomUUID().toString(), amount).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aVerifiedElevenYearOldCannotDepositAndNothingIsRecorded() {
        var minor = WalletFixtures.verifiedPlayerBorn(LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(11));
        int before = WalletSafetyTest.deposits();

        deposit(minor, UUID.randomUUID().toString(), 10_000).then().statusCode(403)
                .contentType("application/problem+json").body("reasonCode", equalTo("UNDERAGE"));

        assertThat(WalletSafetyTest.deposits()).isEqualTo(before);
    }

    @Test
    void aPlayerIsOfAgeOnTheirBirthdayOnTheJurisdictionsCalendar() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        var tomorrowEighteen = WalletFixtures.verifiedPlayerBorn(today.minusYears(18).plusDays(1));
        var todayEighteen = WalletFixtures.verifiedPlayerBorn(today.minusYears(18));

        deposit(tomorrowEighteen, UUID.randomUUID().toString(), 10_000).then().statusCode(403).body("reasonCode", equalTo("UNDERAGE"));
        deposit(todayEighteen, UUID.randomUUID().toString(), 10_000).then().statusCode(201);
    }

    @Test
    void behindTheAuthorizerTheStricterMinimumOfWhereThePlayerIsApplies() {
        // Nineteen: of age at home in Indonesia (18), not in Malaysia (21), where the authorizer placed them.
        var nineteen = WalletFixtures.verifiedPlayerBorn(LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(19));
        int before = WalletSafetyTest.deposits();

        APIGatewayV2HTTPResponse inMalaysia = handler.handleRequest(depositEvent(nineteen, "MY"), LambdaEvents.context("gw-my"));
        assertThat(inMalaysia.getStatusCode()).isEqualTo(403);
        assertThat(inMalaysia.getBody()).contains("\"reasonCode\":\"UNDERAGE\"");
        assertThat(WalletSafetyTest.deposits()).isEqualTo(before);

        APIGatewayV2HTTPResponse atHome = handler.handleRequest(depositEvent(nineteen, "ID"), LambdaEvents.context("gw-id"));
        assertThat(atHome.getStatusCode()).isEqualTo(201);
    }

    private static APIGatewayV2HTTPEvent depositEvent(WalletFixtures.Holder holder, String country) {
        String body = "{\"amount\":{\"amount\":10000,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}";
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/wallet/deposits", holder.token(), body, "gw-" + UUID.randomUUID());
        event.getHeaders().put("idempotency-key", UUID.randomUUID().toString());
        return LambdaEvents.authorized(event, Map.of("playerId", holder.id().value(), "roles", "player", "country", country,
                "locationSource", "edge", "decision", "ALLOW"));
    }

    @Test
    void aNotificationNamingOneDepositWithAnothersPaymentCreditsNothingAndEachDepositIsCreditedOnce() {
        var holder = WalletFixtures.verifiedPlayer();
        JsonPath a = started(holder, 50_000);
        JsonPath b = started(holder, 50_000);
        long mismatchesBefore = security.count(SecurityEvents.Kind.PAYMENT_NOTIFICATION_MISMATCH);

        // Deposit A named, deposit B's payment carried: refused, nothing credited, a security event recorded.
        deliver(paymentEvent("DEPOSIT", b.getString("providerPaymentId"), a.getString("depositId"), 50_000, true))
                .then().statusCode(422).body("reasonCode", equalTo("WEBHOOK_MISMATCH"));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));
        assertThat(security.count(SecurityEvents.Kind.PAYMENT_NOTIFICATION_MISMATCH)).isEqualTo(mismatchesBefore + 1);

        // Each genuine notification credits its own deposit, once, however often it is delivered.
        String payA = paymentEvent("DEPOSIT", a.getString("providerPaymentId"), a.getString("depositId"), 50_000, true);
        String payB = paymentEvent("DEPOSIT", b.getString("providerPaymentId"), b.getString("depositId"), 50_000, true);
        deliver(payA).then().statusCode(200);
        deliver(payA).then().statusCode(200);
        deliver(payB).then().statusCode(200);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(100_000, "IDR"));
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void aNotificationOfAnotherAmountOrCurrencyCreditsNothing() {
        var holder = WalletFixtures.verifiedPlayer();
        JsonPath started = started(holder, 30_000);
        String paymentId = started.getString("providerPaymentId");
        String depositId = started.getString("depositId");

        deliver(paymentEvent("DEPOSIT", paymentId, depositId, 30_001, true)).then().statusCode(422);
        deliver(paymentEvent("DEPOSIT", paymentId, depositId, 30_000, "MYR", true)).then().statusCode(422);
        deliver(paymentEvent("DEPOSIT", paymentId, "dep_" + "0".repeat(32), 30_000, true)).then().statusCode(422);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));

        deliver(paymentEvent("DEPOSIT", paymentId, depositId, 30_000, true)).then().statusCode(200);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(30_000, "IDR"));
    }

    @Test
    void aSecondPaymentForACreditedDepositIsRefusedAsASecurityEventAndCreditsNothing() {
        var holder = WalletFixtures.verifiedPlayer();
        JsonPath started = started(holder, 20_000);
        String depositId = started.getString("depositId");
        String startedAs = started.getString("providerPaymentId");
        AuditStamp stamp = new AuditStamp("provider:sandbox", new RequestId("twice-" + UUID.randomUUID()));
        deposits.settle(sandbox, event(depositId, startedAs, "psp-first"), stamp);
        long twiceBefore = security.count(SecurityEvents.Kind.DEPOSIT_PAID_TWICE);

        // A provider that took the money twice for one session reports two payments of it.
        try {
            deposits.settle(sandbox, event(depositId, startedAs, "psp-second"), stamp);
            throw new AssertionError("a second payment of a credited deposit was accepted");
        } catch (DomainException refused) {
            assertThat(refused.type()).isEqualTo(ErrorType.WEBHOOK_MISMATCH);
        }
        // The first payment delivered again is the same cause: nothing new, nothing refused.
        deposits.settle(sandbox, event(depositId, startedAs, "psp-first"), stamp);

        assertThat(security.count(SecurityEvents.Kind.DEPOSIT_PAID_TWICE)).isEqualTo(twiceBefore + 1);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(20_000, "IDR"));
    }

    private static PaymentEvent event(String depositId, String startedAs, String paymentId) {
        return new PaymentEvent(PaymentEvent.Kind.DEPOSIT, paymentId, depositId, Money.of(20_000, "IDR"), PaymentEvent.Outcome.SUCCEEDED, Optional.empty(),
                Optional.empty(), Optional.of(startedAs));
    }

    @Test
    void racingDeliveriesOfGenuineAndCrossedNotificationsCreditEachDepositExactlyOnce() throws Exception {
        var holder = WalletFixtures.verifiedPlayer();
        JsonPath a = started(holder, 10_000);
        JsonPath b = started(holder, 10_000);
        List<String> bodies = List.of(
                paymentEvent("DEPOSIT", a.getString("providerPaymentId"), a.getString("depositId"), 10_000, true),
                paymentEvent("DEPOSIT", b.getString("providerPaymentId"), b.getString("depositId"), 10_000, true),
                paymentEvent("DEPOSIT", b.getString("providerPaymentId"), a.getString("depositId"), 10_000, true),
                paymentEvent("DEPOSIT", a.getString("providerPaymentId"), b.getString("depositId"), 10_000, true));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String body = bodies.get(i % bodies.size());
                deliveries.add(() -> deliver(body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> done : pool.invokeAll(deliveries)) {
                statuses.add(done.get());
            }
            // Genuine deliveries succeed (or meet a conflict to retry); crossed ones are always refused.
            assertThat(statuses).allMatch(status -> status == 200 || status == 409 || status == 422);
        } finally {
            pool.shutdownNow();
        }
        deliver(bodies.get(0)).then().statusCode(200);
        deliver(bodies.get(1)).then().statusCode(200);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(20_000, "IDR"));
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndNothingIsRecorded() {
        var holder = WalletFixtures.verifiedPlayer();
        int before = WalletSafetyTest.deposits();
        for (String body : List.of(
                "{\"amount\":{\"amount\":100,\"amount\":200,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}",
                "{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"sandbox\",\"provider\":\"sandbox\"}",
                "{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"amount\":{\"amount\":900,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}")) {
            holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                    .post("/v1/wallet/deposits")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("reasonCode", equalTo("DUPLICATE_FIELD")).body(not(containsString("Exception")));
        }
        assertThat(WalletSafetyTest.deposits()).isEqualTo(before);
    }

    @Test
    void aSignedNotificationThatNamesAFieldTwiceIsRefusedAsMalformed() {
        var holder = WalletFixtures.verifiedPlayer();
        JsonPath started = started(holder, 10_000);
        String twice = "{\"kind\":\"DEPOSIT\",\"paymentId\":\"" + started.getString("providerPaymentId") + "\",\"merchantReference\":\""
                + started.getString("depositId") + "\",\"amount\":{\"amount\":10000,\"currency\":\"IDR\"},\"amount\":{\"amount\":1,"
                + "\"currency\":\"IDR\"},\"success\":true}";
        deliver(twice).then().statusCode(400).body("reasonCode", equalTo("WEBHOOK_MALFORMED"));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));
    }

    @Test
    void aSignedNotificationWithAnOversizedOrUnprintableReferenceIsMalformedNotAFailure() {
        for (String reference : List.of("dep_" + "x".repeat(10_000), "dep_\u0000\u202e", "")) {
            deliver(paymentEvent("DEPOSIT", "sbx_1", reference, 100, true)).then().statusCode(400)
                    .contentType("application/problem+json").body("reasonCode", equalTo("WEBHOOK_MALFORMED"));
        }
    }

    @Test
    void aBodyInAnotherCharsetIs415AndNothingIsRecorded() {
        var holder = WalletFixtures.verifiedPlayer();
        int before = WalletSafetyTest.deposits();
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json; charset=ISO-8859-1")
                .body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .post("/v1/wallet/deposits")
                .then().statusCode(415).contentType("application/problem+json").body("reasonCode", equalTo("UNSUPPORTED_CHARSET"));
        assertThat(WalletSafetyTest.deposits()).isEqualTo(before);
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json; charset=UTF-8")
                .body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}").post("/v1/wallet/deposits")
                .then().statusCode(201);
    }

    @Test
    void theDepositLimitRefusalNamesTheWindowInPlainEnglish() {
        var holder = WalletFixtures.verifiedPlayer();
        // The sample jurisdiction caps deposits at 50,000,000.00 IDR a day: the second deposit would pass it.
        deposit(holder, UUID.randomUUID().toString(), 4_000_000_000L).then().statusCode(201);
        deposit(holder, UUID.randomUUID().toString(), 1_000_000_001L).then().statusCode(403)
                .body("reasonCode", equalTo("DEPOSIT_LIMIT_REACHED"))
                .body("detail", equalTo("this deposit would exceed your daily deposit limit"));
    }
}
