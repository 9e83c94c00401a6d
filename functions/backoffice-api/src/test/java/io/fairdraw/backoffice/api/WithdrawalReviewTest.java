package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.withdrawals.Withdrawals;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.PipeEvents;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The review queue: what payout holds, an operator releases (payout is told) or rejects (the money goes back). */
@QuarkusTest
class WithdrawalReviewTest {
    private static final String BASE = "/v1/backoffice/withdrawals";
    private static final AuditStamp PAYOUT = new AuditStamp("payout", new RequestId("review-test"));

    @Inject
    Withdrawals withdrawals;

    @Inject
    Ledger ledger;

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    /** A withdrawal as wallet requests it and payout holds it for review. */
    private Withdrawal heldForReview(long amount) {
        PlayerId player = new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
        Money money = new Money(amount, LedgerActivity.IDR);
        ledger.apply(Transfer.of(TransferKind.DEPOSIT, "fund:" + player.value(), AccountId.clearing("sandbox", LedgerActivity.IDR),
                AccountId.wallet(player, LedgerActivity.IDR), money, Instant.now()), PAYOUT);
        Withdrawal withdrawal = new Withdrawal("wd_" + UUID.randomUUID().toString().replace("-", ""), player, money,
                new Instrument("sandbox", "card-1"), Withdrawal.Status.REQUESTED, Instant.now());
        ledger.apply(Transfer.of(TransferKind.WITHDRAWAL_REQUESTED, withdrawal.id(), AccountId.wallet(player, LedgerActivity.IDR),
                AccountId.pendingWithdrawal(player, LedgerActivity.IDR), money, Instant.now()),
                Transaction.of("new withdrawal", withdrawals.newWithdrawal(withdrawal, PAYOUT)), PAYOUT);
        assertThat(withdrawals.mark(withdrawal.id(), Set.of(Withdrawal.Status.REQUESTED), Withdrawal.Status.REVIEW,
                Optional.of("above the review limit"), PAYOUT)).isTrue();
        StreamRecords.all(Table.WITHDRAWALS.defaultName()).forEach(record -> {
            ChangeRecord change = ChangeRecord.of(record);
            reporting.transaction(() -> projection.apply(change));
        });
        return withdrawal;
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void anApprovedWithdrawalLeavesTheQueueAndPayoutIsToldOnce() {
        Withdrawal withdrawal = heldForReview(60_000_000_000L);
        List<String> queued = as(Tokens.auditor()).get(BASE).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(queued).contains(withdrawal.id());
        as(Tokens.auditor()).post(BASE + "/" + withdrawal.id() + "/approval").then().statusCode(403);

        as(Tokens.operator()).post(BASE + "/" + withdrawal.id() + "/approval").then().statusCode(200).body("status", equalTo("APPROVED"));
        as(Tokens.operator("operator-two")).post(BASE + "/" + withdrawal.id() + "/approval").then().statusCode(409)
                .body("reasonCode", equalTo("ALREADY_DECIDED"));

        assertThat(withdrawals.find(withdrawal.id()).orElseThrow().status()).isEqualTo(Withdrawal.Status.APPROVED);
        var approved = PipeEvents.from(Table.WITHDRAWALS).stream()
                .filter(e -> e.detailType().equals("WithdrawalApproved") && e.detail().path("withdrawalId").asText().equals(withdrawal.id()))
                .toList();
        assertThat(approved).hasSize(1);
        assertThat(approved.get(0).source()).isEqualTo("fairdraw.backoffice");
        assertThat(PipeEvents.schemaProblems("WithdrawalApproved", approved.get(0).detail())).isEmpty();
        // Still pending: payout moves it when it pays.
        assertThat(ledger.balance(AccountId.pendingWithdrawal(withdrawal.player(), LedgerActivity.IDR)).amountMinor())
                .isEqualTo(60_000_000_000L);
    }

    @Test
    void aRejectedWithdrawalGoesBackToTheWalletOnceWithItsReason() {
        Withdrawal withdrawal = heldForReview(70_000_000_000L);
        AccountId wallet = AccountId.wallet(withdrawal.player(), LedgerActivity.IDR);
        assertThat(ledger.balance(wallet).amountMinor()).isZero();

        as(Tokens.operator()).contentType(ContentType.JSON).body(Map.of()).post(BASE + "/" + withdrawal.id() + "/rejection")
                .then().statusCode(400).body("reasonCode", equalTo("VALIDATION_FAILED"));
        as(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("note", "source of funds not shown"))
                .post(BASE + "/" + withdrawal.id() + "/rejection").then().statusCode(200).body("status", equalTo("RETURNED"));
        as(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("note", "again"))
                .post(BASE + "/" + withdrawal.id() + "/rejection").then().statusCode(409);
        as(Tokens.operator()).post(BASE + "/" + withdrawal.id() + "/approval").then().statusCode(409);

        assertThat(ledger.balance(wallet).amountMinor()).isEqualTo(70_000_000_000L);
        assertThat(ledger.balance(AccountId.pendingWithdrawal(withdrawal.player(), LedgerActivity.IDR)).amountMinor()).isZero();
        as(Tokens.operator()).post(BASE + "/wd_00000000000000000000000000000000/approval").then().statusCode(404);
        as(Tokens.auditor()).queryParam("status", "SOMETIMES").get(BASE).then().statusCode(400);
    }
}
