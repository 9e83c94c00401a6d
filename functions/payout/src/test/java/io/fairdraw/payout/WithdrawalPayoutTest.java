package io.fairdraw.payout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.platform.compliance.SanctionsScreening;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.players.PlayerItems;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.platform.withdrawals.Withdrawals;
import io.fairdraw.testsupport.LambdaInvoker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Withdrawals paid through Adyen (its Payout API on WireMock) via the payout function's real
 * entry point, with the provider slow, failing and refusing: each withdrawal ends sent once,
 * returned once, held for review, or still REQUESTED where an operator sees it, never paid twice.
 */
@QuarkusTest
class WithdrawalPayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final AuditStamp STAMP = new AuditStamp("test", new RequestId("withdrawal-test"));

    @Inject
    Withdrawals withdrawals;

    @Inject
    Ledger ledger;

    @Inject
    LedgerReconciler reconciler;

    @Inject
    SanctionsScreening screening;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance circuits;

    @BeforeEach
    void reset() {
        AdyenOnWireMock.server().resetAll();
        circuits.resetAll();
    }

    private Withdrawal requested(long amount) {
        PlayerId player = new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
        Money money = new Money(amount, EUR);
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "fund:" + player.value(), AccountId.clearing("adyen", EUR), AccountId.wallet(player, EUR),
                money, Instant.now()), STAMP);
        Withdrawal withdrawal = new Withdrawal("wd_" + UUID.randomUUID().toString().replace("-", ""), player, money,
                new Instrument("adyen", "M5N7TQ4TG5PFWR50"), Withdrawal.Status.REQUESTED, Instant.now());
        ledger.apply(Transfer.of(TransferKind.WITHDRAWAL_REQUESTED, withdrawal.id(), AccountId.wallet(player, EUR),
                AccountId.pendingWithdrawal(player, EUR), money, Instant.now()), 
                io.fairdraw.platform.dynamo.Transaction.of("new withdrawal", withdrawals.newWithdrawal(withdrawal, STAMP)), STAMP);
        return withdrawal;
    }

    private static JsonNode deliver(Withdrawal withdrawal) throws Exception {
        return deliver(withdrawal, "WithdrawalRequested");
    }

    private static JsonNode deliver(Withdrawal withdrawal, String detailType) throws Exception {
        String event = "{\"detail-type\":\"" + detailType + "\",\"source\":\"fairdraw.wallet\",\"detail\":{\"schemaVersion\":1,"
                + "\"withdrawalId\":\"" + withdrawal.id() + "\",\"playerId\":\"" + withdrawal.player().value() + "\",\"amountMinor\":"
                + withdrawal.amount().amountMinor() + ",\"currency\":\"EUR\",\"provider\":\"adyen\"}}";
        var records = JSON.createArrayNode();
        records.addObject().put("messageId", "m-" + withdrawal.id()).put("body", event);
        return JSON.readTree(LambdaInvoker.invoke(JSON.writeValueAsString(JSON.createObjectNode().set("Records", records))).body());
    }

    private static ResponseDefinitionBuilder adyen(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(AdyenOnWireMock.fixture(fixture));
    }

    private Withdrawal.Status status(Withdrawal withdrawal) {
        return withdrawals.find(withdrawal.id()).orElseThrow().status();
    }

    private long balance(AccountId account) {
        return ledger.balance(account).amountMinor();
    }

    private static int payoutCalls(Withdrawal withdrawal) {
        return AdyenOnWireMock.server().countRequestsMatching(postRequestedFor(urlEqualTo(AdyenOnWireMock.PAYOUT))
                .withHeader("Idempotency-Key", equalTo(withdrawal.id())).build()).getCount();
    }

    @Test
    void anAcceptedPayoutIsSentOnceAndADuplicateMessageCallsNobody() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        Withdrawal withdrawal = requested(4_000);

        assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();
        assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();

        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.SENT);
        assertThat(payoutCalls(withdrawal)).isEqualTo(1);
        assertThat(balance(AccountId.pendingWithdrawal(withdrawal.player(), EUR))).isEqualTo(4_000);
    }

    @Test
    void aRefusedPayoutReturnsTheMoneyOnce() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-refused.json")));
        Withdrawal withdrawal = requested(2_500);

        deliver(withdrawal);
        deliver(withdrawal);

        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.RETURNED);
        assertThat(balance(AccountId.wallet(withdrawal.player(), EUR))).isEqualTo(2_500);
        var completed = io.fairdraw.testsupport.PipeEvents.from(io.fairdraw.platform.dynamo.Table.WITHDRAWALS).stream()
                .filter(e -> e.detailType().equals("WithdrawalCompleted") && e.detail().get("withdrawalId").asText().equals(withdrawal.id()))
                .toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).detail().get("outcome").asText()).isEqualTo("RETURNED");
        assertThat(io.fairdraw.testsupport.PipeEvents.schemaProblems("WithdrawalCompleted", completed.get(0).detail())).isEmpty();
        assertThat(balance(AccountId.pendingWithdrawal(withdrawal.player(), EUR))).isZero();
        assertThat(reconciler.breaches()).isEmpty();
    }

    @Test
    void fiveHundredsAreRetriedUnderTheSameKeyUntilAdyenAnswers() throws Exception {
        var server = AdyenOnWireMock.server();
        server.stubFor(post(AdyenOnWireMock.PAYOUT).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(adyen(500, "payout-error-500.json")).willSetStateTo("second"));
        server.stubFor(post(AdyenOnWireMock.PAYOUT).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(adyen(500, "payout-error-500.json")).willSetStateTo("third"));
        server.stubFor(post(AdyenOnWireMock.PAYOUT).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(adyen(200, "payout-received.json")));
        Withdrawal withdrawal = requested(3_000);

        assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();

        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.SENT);
        assertThat(payoutCalls(withdrawal)).isEqualTo(3);
    }

    @Test
    void aProviderTooSlowLeavesTheWithdrawalRequestedAndARedeliveryAsksAgainUnderTheSameKey() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json").withFixedDelay(1_000)));
        Withdrawal withdrawal = requested(1_500);

        JsonNode first = deliver(withdrawal);
        assertThat(first.get("batchItemFailures")).hasSize(1);
        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.REQUESTED);
        assertThat(payoutCalls(withdrawal)).isEqualTo(3);

        AdyenOnWireMock.server().resetAll();
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();
        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.SENT);
        assertThat(payoutCalls(withdrawal)).isEqualTo(1);
    }

    @Test
    void anOpenCircuitStopsCallingTheProviderAndTheWithdrawalsWaitRequested() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(500, "payout-error-500.json")));
        Withdrawal first = requested(1_000);
        Withdrawal second = requested(1_000);
        Withdrawal third = requested(1_000);

        deliver(first);
        deliver(second);
        int callsBefore = AdyenOnWireMock.server().getAllServeEvents().size();
        assertThat(deliver(third).get("batchItemFailures")).hasSize(1);

        assertThat(AdyenOnWireMock.server().getAllServeEvents()).hasSize(callsBefore);
        assertThat(List.of(status(first), status(second), status(third))).containsOnly(Withdrawal.Status.REQUESTED);
        assertThat(balance(AccountId.pendingWithdrawal(third.player(), EUR))).isEqualTo(1_000);

        // Once the circuit half-opens and Adyen answers again, the redelivered messages pay each withdrawal once.
        AdyenOnWireMock.server().resetAll();
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        Thread.sleep(1_100);
        for (Withdrawal withdrawal : List.of(first, second, third)) {
            assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();
            assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.SENT);
            assertThat(payoutCalls(withdrawal)).isEqualTo(1);
        }
    }

    @Test
    void aLargeWithdrawalWaitsForReviewWithoutCallingTheProvider() throws Exception {
        Withdrawal withdrawal = requested(2_000_000);

        assertThat(deliver(withdrawal).get("batchItemFailures")).isEmpty();

        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.REVIEW);
        assertThat(payoutCalls(withdrawal)).isZero();
        assertThat(balance(AccountId.pendingWithdrawal(withdrawal.player(), EUR))).isEqualTo(2_000_000);
    }

    @Test
    void aReviewedWithdrawalApprovedByAnOperatorIsPaidWithoutBeingHeldAgain() throws Exception {
        Withdrawal withdrawal = requested(2_000_000);
        deliver(withdrawal);
        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.REVIEW);
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        assertThat(withdrawals.mark(withdrawal.id(), java.util.Set.of(Withdrawal.Status.REVIEW), Withdrawal.Status.APPROVED,
                java.util.Optional.of("checked by the back office"), STAMP)).isTrue();

        assertThat(deliver(withdrawal, "WithdrawalApproved").get("batchItemFailures")).isEmpty();
        assertThat(deliver(withdrawal, "WithdrawalApproved").get("batchItemFailures")).isEmpty();

        assertThat(status(withdrawal)).isEqualTo(Withdrawal.Status.SENT);
        assertThat(payoutCalls(withdrawal)).isEqualTo(1);
    }

    @Test
    void aPlayerWhoseCheckedNameIsOnTheSanctionsListIsHeldForReviewAndAnotherIsPaid() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        Withdrawal listed = requested(4_000);
        Withdrawal clear = requested(4_000);
        // The sample list names "Maria Exempla Sancta" with no birth date; the fingerprint is all that is stored.
        registerChecked(listed.player(), "SANCTA, María Exempla");
        registerChecked(clear.player(), "Maria Exempla");

        assertThat(deliver(listed).get("batchItemFailures")).isEmpty();
        assertThat(deliver(clear).get("batchItemFailures")).isEmpty();

        assertThat(status(listed)).isEqualTo(Withdrawal.Status.REVIEW);
        assertThat(payoutCalls(listed)).isZero();
        assertThat(balance(AccountId.pendingWithdrawal(listed.player(), EUR))).isEqualTo(4_000);
        assertThat(status(clear)).isEqualTo(Withdrawal.Status.SENT);
        assertThat(payoutCalls(clear)).isEqualTo(1);
    }

    @Test
    void aMinorsWithdrawalIsHeldForAnOperatorWhateverItsSize() throws Exception {
        AdyenOnWireMock.server().stubFor(post(AdyenOnWireMock.PAYOUT).willReturn(adyen(200, "payout-received.json")));
        Withdrawal minors = requested(1_000);
        Withdrawal adults = requested(1_000);
        register(minors.player(), LocalDate.now().minusYears(11), Optional.empty());
        register(adults.player(), LocalDate.parse("1980-02-02"), Optional.empty());

        assertThat(deliver(minors).get("batchItemFailures")).isEmpty();
        assertThat(deliver(adults).get("batchItemFailures")).isEmpty();

        assertThat(status(minors)).isEqualTo(Withdrawal.Status.REVIEW);
        assertThat(payoutCalls(minors)).isZero();
        assertThat(balance(AccountId.pendingWithdrawal(minors.player(), EUR))).isEqualTo(1_000);
        assertThat(status(adults)).isEqualTo(Withdrawal.Status.SENT);
    }

    private void registerChecked(PlayerId id, String checkedName) {
        register(id, LocalDate.parse("1980-02-02"), Optional.of(screening.fingerprint(checkedName)));
    }

    private void register(PlayerId id, LocalDate born, Optional<String> fingerprint) {
        Registration registration = new Registration(new DateOfBirth(born),
                new Residence(new CountryCode("ID"), Optional.empty()), new DisplayName("Payee"), ContactPreferences.NONE);
        Player registered = Player.register(id, registration, Instant.parse("2026-01-01T00:00:00Z"));
        Player player = fingerprint.map(registered::withScreeningFingerprint).orElse(registered);
        dynamo.putItem(b -> b.tableName(tables.players()).item(PlayerItems.toItem(player, STAMP)));
    }
}
