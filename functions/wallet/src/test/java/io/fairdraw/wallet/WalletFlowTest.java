package io.fairdraw.wallet;

import static io.fairdraw.wallet.WalletFixtures.deposit;
import static io.fairdraw.wallet.WalletFixtures.fund;
import static io.fairdraw.wallet.WalletFixtures.deliver;
import static io.fairdraw.wallet.WalletFixtures.paymentEvent;
import static io.fairdraw.wallet.WalletFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.fairdraw.model.money.Money;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deposit, credit, statement, withdrawal and payout, end to end through the Lambda adapter. */
@QuarkusTest
class WalletFlowTest {
    @Inject
    Ledger ledger;

    @Inject
    LedgerReconciler reconciler;

    @Test
    void aDepositIsCreditedWhenTheProviderConfirmsIt() {
        var holder = WalletFixtures.verifiedPlayer();
        var started = deposit(holder, UUID.randomUUID().toString(), 150_000).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("amount.amount", equalTo(150_000))
                .body("amount.currency", equalTo("IDR"))
                .body("redirectUrl", startsWith("https://sandbox.fairdraw.invalid/pay/"))
                .extract().jsonPath();
        holder.as().get("/v1/wallet").then().statusCode(200).body("available.amount", equalTo(0));

        deliver(paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 150_000, true))
                .then().statusCode(200).body("events", equalTo(1));

        holder.as().get("/v1/wallet").then().statusCode(200)
                .body("currency", equalTo("IDR"))
                .body("available.amount", equalTo(150_000))
                .body("pendingWithdrawal.amount", equalTo(0));
        holder.as().get("/v1/wallet/transactions").then().statusCode(200)
                .body("items[0].kind", equalTo("DEPOSIT"))
                .body("items[0].amount.amount", equalTo(150_000))
                .body("items[0].counterparty", equalTo("PAYMENT_CLEARING"));
        holder.as().queryParam("limit", "ten").get("/v1/wallet/transactions").then().statusCode(400)
                .body("type", equalTo("https://fairdraw.io/problems/validation-failed"));
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void aFailedPaymentCreditsNothing() {
        var holder = WalletFixtures.verifiedPlayer();
        var started = deposit(holder, UUID.randomUUID().toString(), 70_000).then().statusCode(201).extract().jsonPath();
        deliver(paymentEvent("DEPOSIT", started.getString("providerPaymentId"), started.getString("depositId"), 70_000, false))
                .then().statusCode(200);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));
    }

    @Test
    void aWithdrawalLeavesTheBalanceAtOnceAndIsPaidOrReturned() {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 100_000);

        var paid = withdraw(holder, UUID.randomUUID().toString(), 60_000).then().statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("instrumentId", equalTo("sandbox:card-tok-4242"))
                .extract().jsonPath();
        holder.as().get("/v1/wallet").then().body("available.amount", equalTo(40_000)).body("pendingWithdrawal.amount", equalTo(60_000));
        deliver(paymentEvent("PAYOUT", "po-" + UUID.randomUUID(), paid.getString("withdrawalId"), 60_000, true)).then().statusCode(200);
        holder.as().get("/v1/wallet").then().body("available.amount", equalTo(40_000)).body("pendingWithdrawal.amount", equalTo(0));

        var published = io.fairdraw.testsupport.PipeEvents.from(io.fairdraw.platform.dynamo.Table.WITHDRAWALS).stream()
                .filter(e -> e.detail().get("withdrawalId").asText().equals(paid.getString("withdrawalId"))).toList();
        assertThat(published).extracting(io.fairdraw.testsupport.PipeEvents.Published::detailType)
                .containsExactly("WithdrawalRequested", "WithdrawalCompleted");
        assertThat(published.get(1).detail().get("outcome").asText()).isEqualTo("PAID");
        assertThat(io.fairdraw.testsupport.PipeEvents.schemaProblems("WithdrawalCompleted", published.get(1).detail())).isEmpty();
        assertThat(published.get(0).detail().get("amountMinor").asLong()).isEqualTo(60_000);
        assertThat(io.fairdraw.testsupport.PipeEvents.schemaProblems("WithdrawalRequested", published.get(0).detail())).isEmpty();

        var returned = withdraw(holder, UUID.randomUUID().toString(), 30_000).then().statusCode(201).extract().jsonPath();
        deliver(paymentEvent("PAYOUT", "po-" + UUID.randomUUID(), returned.getString("withdrawalId"), 30_000, false)).then().statusCode(200);
        holder.as().get("/v1/wallet").then().body("available.amount", equalTo(40_000)).body("pendingWithdrawal.amount", equalTo(0));
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndMovesNothing() {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 10_000);
        withdraw(holder, UUID.randomUUID().toString(), 10_001).then().statusCode(422).body("reasonCode", equalTo("INSUFFICIENT_FUNDS"));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(10_000, "IDR"));
        assertThat(ledger.balance(holder.pending())).isEqualTo(Money.zero(WalletFixtures.IDR));
    }

    @Test
    void withdrawalsGoOnlyToAnInstrumentTheDepositCameFrom() {
        var holder = WalletFixtures.verifiedPlayer();
        withdraw(holder, UUID.randomUUID().toString(), 1).then().statusCode(409).body("reasonCode", equalTo("NO_DEPOSIT_INSTRUMENT"));
        fund(holder, 5_000);
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"instrumentId\":\"sandbox:someone-elses-card\"}")
                .post("/v1/wallet/withdrawals").then().statusCode(400).body("errors[0].field", equalTo("instrumentId"));
    }
}
