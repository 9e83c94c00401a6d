package io.fairdraw.wallet;

import static io.fairdraw.wallet.WalletFixtures.fund;
import static io.fairdraw.wallet.WalletFixtures.deliver;
import static io.fairdraw.wallet.WalletFixtures.paymentEvent;
import static io.fairdraw.wallet.WalletFixtures.withdraw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.model.money.Money;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.payments.SandboxProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Retried requests and redelivered notifications move money once. */
@QuarkusTest
class WalletRetryTest {
    @Inject
    Ledger ledger;

    @Inject
    LedgerReconciler reconciler;

    @Test
    void oneKeySentTenTimesConcurrentlyMakesOneWithdrawal() throws Exception {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 100_000);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<int[]>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(pool.submit((Callable<int[]>) () -> {
                for (int tries = 0; tries < 50; tries++) {
                    int status = withdraw(holder, key, 25_000).then().extract().statusCode();
                    if (status != 409) {
                        return new int[] {status, tries};
                    }
                    Thread.sleep(20);
                }
                return new int[] {409, 50};
            }));
        }
        for (Future<int[]> attempt : attempts) {
            assertThat(attempt.get()[0]).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(75_000, "IDR"));
        assertThat(ledger.balance(holder.pending())).isEqualTo(Money.of(25_000, "IDR"));
        withdraw(holder, key, 25_000).then().statusCode(201).header("Idempotent-Replayed", "true");
        withdraw(holder, key, 25_001).then().statusCode(422).body("reasonCode", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(75_000, "IDR"));
    }

    @Inject
    WalletCommands commands;

    @Test
    void oneKeyRacingInsideTheFunctionMakesOneWithdrawal() throws Exception {
        // The test server hands the function one request at a time, as one Lambda instance
        // does; several instances race at DynamoDB, which calling the service from threads shows.
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 100_000);
        var key = new io.fairdraw.model.id.IdempotencyKey(UUID.randomUUID().toString());
        var stamp = new io.fairdraw.platform.dynamo.AuditStamp("player:" + holder.id().value(), new io.fairdraw.model.id.RequestId("race"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(pool.submit((Callable<String>) () -> {
                try {
                    return Integer.toString(commands.withdraw(holder.id(), key, "fingerprint-1", Money.of(25_000, "IDR"),
                            java.util.Optional.empty(), stamp).status());
                } catch (io.fairdraw.model.error.DomainException e) {
                    return e.type().name();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> attempt : attempts) {
            outcomes.add(attempt.get());
        }
        pool.shutdown();

        assertThat(outcomes).contains("201").allMatch(o -> o.equals("201") || o.equals("IDEMPOTENT_REQUEST_IN_PROGRESS"));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(75_000, "IDR"));
        assertThat(ledger.balance(holder.pending())).isEqualTo(Money.of(25_000, "IDR"));
    }

    @Inject
    WithdrawalService withdrawals;

    @Inject
    Holders holders;

    @Test
    void aWithdrawalWhoseClaimWasTakenOverMovesNoMoney() {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 10_000);
        var scope = new io.fairdraw.platform.idempotency.IdempotencyScope(holder.id(), "wallet-withdrawals");
        var key = new io.fairdraw.model.id.IdempotencyKey(UUID.randomUUID().toString());
        var dynamo = io.fairdraw.testsupport.LocalDynamo.shared().client();
        String table = io.fairdraw.platform.dynamo.Table.IDEMPOTENCY.defaultName();
        var first = (io.fairdraw.platform.idempotency.IdempotencyRecords.Started)
                new io.fairdraw.platform.idempotency.IdempotencyRecords(dynamo, table, Instant::now).claim(scope, key, "fp");
        // A second attempt arrives after the first one's lease ran out and takes the claim over.
        new io.fairdraw.platform.idempotency.IdempotencyRecords(dynamo, table, () -> Instant.now().plusSeconds(60)).claim(scope, key, "fp");

        var planned = withdrawals.plan(holders.of(holder.id()), "wd_takeover_" + UUID.randomUUID().toString().substring(0, 8),
                Money.of(4_000, "IDR"), java.util.Optional.empty());
        var completion = new io.fairdraw.platform.idempotency.IdempotencyRecords(dynamo, table, Instant::now).completion(first, 201, "{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withdrawals.request(holders.of(holder.id()), planned, List.of(completion),
                        new io.fairdraw.platform.dynamo.AuditStamp("test", new io.fairdraw.model.id.RequestId("takeover"))))
                .isInstanceOfSatisfying(io.fairdraw.model.error.DomainException.class,
                        e -> assertThat(e.type()).isEqualTo(io.fairdraw.model.error.ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(10_000, "IDR"));
    }

    @Test
    void aDepositRetriedWithItsKeyStartsOnePayment() {
        var holder = WalletFixtures.verifiedPlayer();
        String key = UUID.randomUUID().toString();
        String first = WalletFixtures.deposit(holder, key, 5_000).then().statusCode(201).extract().asString();
        String again = WalletFixtures.deposit(holder, key, 5_000).then().statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        WalletFixtures.deposit(holder, key, 6_000).then().statusCode(422).body("reasonCode", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void oneNotificationDeliveredFiveTimesOutOfOrderCreditsOnce() {
        var holder = WalletFixtures.verifiedPlayer();
        var started = WalletFixtures.deposit(holder, UUID.randomUUID().toString(), 40_000).then().statusCode(201).extract().jsonPath();
        String success = paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 40_000, true);
        String failure = paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 40_000, false);
        long now = Instant.now().getEpochSecond();

        deliver(success, now - 30).then().statusCode(200);
        deliver(success, now - 10).then().statusCode(200);
        deliver(failure, now - 20).then().statusCode(200);
        deliver(success, now).then().statusCode(200);
        deliver(success, now - 200).then().statusCode(200);

        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(40_000, "IDR"));
        holder.as().get("/v1/wallet/transactions").then().body("items.size()", equalTo(1));
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void tamperedStaleAndUnsignedNotificationsAreRefusedAndCreditNothing() {
        var holder = WalletFixtures.verifiedPlayer();
        var started = WalletFixtures.deposit(holder, UUID.randomUUID().toString(), 40_000).then().statusCode(201).extract().jsonPath();
        String body = paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 40_000, true);
        long now = Instant.now().getEpochSecond();
        String signature = WalletFixtures.SANDBOX.signatureHeader(now, body);

        given().header(SandboxProvider.SIGNATURE_HEADER, signature).contentType(ContentType.JSON)
                .body(body.replace("40000", "4000000")).post("/v1/payments/sandbox/webhook")
                .then().statusCode(401).body("reasonCode", equalTo("WEBHOOK_SIGNATURE_INVALID"));
        given().header(SandboxProvider.SIGNATURE_HEADER, signature.replace("v1=", "v1=0")).contentType(ContentType.JSON).body(body)
                .post("/v1/payments/sandbox/webhook").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/v1/payments/sandbox/webhook")
                .then().statusCode(401).contentType("application/problem+json");
        deliver(body, now - 3600).then().statusCode(400).body("reasonCode", equalTo("WEBHOOK_STALE"));
        given().header(SandboxProvider.SIGNATURE_HEADER, new SandboxProvider(java.util.Optional.of("another-secret-of-enough-length-0123456789"))
                .signatureHeader(now, body)).contentType(ContentType.JSON).body(body).post("/v1/payments/sandbox/webhook").then().statusCode(401);
        deliver(paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 41_000, true))
                .then().statusCode(422).body("reasonCode", equalTo("WEBHOOK_MISMATCH"));
        deliver("{not json").then().statusCode(400).body("reasonCode", equalTo("WEBHOOK_MALFORMED"));

        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));
    }
}
