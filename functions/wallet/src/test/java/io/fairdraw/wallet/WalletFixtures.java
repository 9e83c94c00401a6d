package io.fairdraw.wallet;

import static io.restassured.RestAssured.given;

import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.player.Player;
import io.fairdraw.testsupport.TestPlayers;
import io.fairdraw.payments.SandboxProvider;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Players as registration would have stored them (registration owns the table; these tests
 * only read it through the wallet), and sandbox notifications signed as the sandbox signs them.
 */
final class WalletFixtures {
    static final String TEST_SECRET = "test-sandbox-webhook-secret-0123456789abcdef";
    static final SandboxProvider SANDBOX = new SandboxProvider(Optional.of(TEST_SECRET));
    static final CurrencyCode IDR = CurrencyCode.of("IDR");

    private WalletFixtures() {
    }

    record Holder(String subject, String token, PlayerId id) {
        RequestSpecification as() {
            return given().auth().oauth2(token);
        }

        AccountId wallet() {
            return AccountId.wallet(id, IDR);
        }

        AccountId pending() {
            return AccountId.pendingWithdrawal(id, IDR);
        }
    }

    static Holder verifiedPlayer() {
        return store(p -> StandingChanges.recordIdentityCheck(p, KycOutcome.APPROVE, Instant.now()));
    }

    /** A verified resident of Indonesia born on {@code born}. */
    static Holder verifiedPlayerBorn(java.time.LocalDate born) {
        TestPlayers.TestPlayer stored = TestPlayers.stored("wallet", born,
                p -> StandingChanges.recordIdentityCheck(p, KycOutcome.APPROVE, Instant.now()));
        return new Holder(stored.subject(), stored.token(), stored.id());
    }

    static Holder unverifiedPlayer() {
        return store(p -> p);
    }

    static Holder excludedPlayer() {
        return store(p -> StandingChanges.selfExclude(StandingChanges.recordIdentityCheck(p, KycOutcome.APPROVE, Instant.now()),
                ExclusionPeriod.YEAR_1, Instant.now()));
    }

    static Holder store(java.util.function.UnaryOperator<Player> standing) {
        TestPlayers.TestPlayer stored = TestPlayers.stored("wallet", standing);
        return new Holder(stored.subject(), stored.token(), stored.id());
    }

    static Response deposit(Holder holder, String key, long amount) {
        return holder.as().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":" + amount + ",\"currency\":\"IDR\"},\"provider\":\"sandbox\"}")
                .post("/v1/wallet/deposits");
    }

    static Response withdraw(Holder holder, String key, long amount) {
        return holder.as().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":" + amount + ",\"currency\":\"IDR\"}}")
                .post("/v1/wallet/withdrawals");
    }

    static String paymentEvent(String kind, String paymentId, String reference, long amount, boolean success) {
        return paymentEvent(kind, paymentId, reference, amount, "IDR", success);
    }

    static String paymentEvent(String kind, String paymentId, String reference, long amount, String currency, boolean success) {
        return "{\"kind\":\"" + kind + "\",\"paymentId\":\"" + paymentId + "\",\"merchantReference\":\"" + reference
                + "\",\"amount\":{\"amount\":" + amount + ",\"currency\":\"" + currency + "\"},\"success\":" + success
                + ",\"instrument\":\"card-tok-4242\"}";
    }

    static Response deliver(String body, long unixSeconds) {
        return given().header(SandboxProvider.SIGNATURE_HEADER, SANDBOX.signatureHeader(unixSeconds, body))
                .contentType(ContentType.JSON).body(body).post("/v1/payments/sandbox/webhook");
    }

    static Response deliver(String body) {
        return deliver(body, Instant.now().getEpochSecond());
    }

    /** Starts a deposit and confirms it as the provider would: the wallet then holds {@code amount} more. */
    static String fund(Holder holder, long amount) {
        var started = deposit(holder, UUID.randomUUID().toString(), amount).then().statusCode(201).extract().jsonPath();
        deliver(paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), amount, true))
                .then().statusCode(200);
        return started.getString("depositId");
    }
}
