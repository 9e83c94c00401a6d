package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.backoffice.store.InstrumentRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.PlayerItems;
import io.fairdraw.platform.withdrawals.Withdrawals;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An operator returns a closed account's balance: once however often asked, again for money that arrives later. */
@QuarkusTest
class BalanceReturnTest {
    private static final AuditStamp STAMP = new AuditStamp("wallet", new RequestId("balance-return-test"));

    @Inject
    Ledger ledger;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Reporting reporting;

    private PlayerId player(PlayerStatus status, boolean instrument) {
        PlayerId id = new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Player registered = Player.register(id, new Registration(new DateOfBirth(LocalDate.parse("1980-02-02")),
                new Residence(new CountryCode("ID"), Optional.empty()), new DisplayName("Leaving"), ContactPreferences.NONE), at);
        Player player = registered.withStanding(status, KycState.APPROVED, Optional.empty(), Optional.empty(), at.plusSeconds(60));
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYERS.defaultName()).item(PlayerItems.toItem(player, STAMP)));
        if (instrument) {
            InstrumentRow row = new InstrumentRow();
            row.id = id.value() + "|sandbox:card-" + id.value().substring(3, 9);
            row.playerId = id.value();
            row.provider = "sandbox";
            row.reference = "card-" + id.value().substring(3, 9);
            row.lastUsedAt = at.toString();
            row.sequence = java.math.BigDecimal.ONE;
            reporting.transaction(() -> row.persist());
        }
        credit(id, TransferKind.DEPOSIT, "fund:" + id.value(), 50_000);
        return id;
    }

    private void credit(PlayerId id, TransferKind kind, String reference, long amount) {
        AccountId from = kind == TransferKind.DEPOSIT ? AccountId.clearing("sandbox", LedgerActivity.IDR)
                : AccountId.house(LedgerActivity.GAME, LedgerActivity.IDR);
        if (kind != TransferKind.DEPOSIT) {
            ledger.apply(Transfer.of(TransferKind.CAPITAL, "capital:" + reference, AccountId.operatorCapital(LedgerActivity.IDR), from,
                    new Money(amount, LedgerActivity.IDR), Instant.now()), STAMP);
        }
        ledger.apply(Transfer.of(kind, reference, from, AccountId.wallet(id, LedgerActivity.IDR), new Money(amount, LedgerActivity.IDR),
                Instant.now()), STAMP);
    }

    private static ValidatableResponse returnBalance(String token, PlayerId id) {
        return given().auth().oauth2(token).post("/v1/backoffice/players/" + id.value() + "/balance-return").then();
    }

    private long balance(AccountId account) {
        return ledger.balance(account).amountMinor();
    }

    @Test
    void racingReturnsMoveTheBalanceOnceAndALaterWinIsReturnedByTheNextOne() {
        PlayerId id = player(PlayerStatus.CLOSED, true);
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> returnBalance(Tokens.operator(), id).extract().statusCode()));
        }
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409 || s == 422);
        assertThat(balance(AccountId.wallet(id, LedgerActivity.IDR))).isZero();
        assertThat(balance(AccountId.pendingWithdrawal(id, LedgerActivity.IDR))).isEqualTo(50_000);
        returnBalance(Tokens.operator(), id).statusCode(422).body("reasonCode", equalTo("INSUFFICIENT_FUNDS"));

        credit(id, TransferKind.WINNINGS, "late-win:" + id.value(), 7_000);
        String second = returnBalance(Tokens.operator(), id).statusCode(200).body("amount", equalTo(7_000))
                .body("status", equalTo("REQUESTED")).body("provider", equalTo("sandbox")).extract().path("id");
        assertThat(withdrawals.find(second).orElseThrow().player()).isEqualTo(id);
        assertThat(balance(AccountId.wallet(id, LedgerActivity.IDR))).isZero();
        assertThat(balance(AccountId.pendingWithdrawal(id, LedgerActivity.IDR))).isEqualTo(57_000);
    }

    @Test
    void onlyAClosedAccountWithAnInstrumentAndOnlyAnOperator() {
        PlayerId open = player(PlayerStatus.VERIFIED, true);
        returnBalance(Tokens.operator(), open).statusCode(409).body("reasonCode", equalTo("STANDING_CONFLICT"));
        returnBalance(Tokens.auditor(), open).statusCode(403);
        PlayerId noInstrument = player(PlayerStatus.CLOSED, false);
        returnBalance(Tokens.operator(), noInstrument).statusCode(409).body("reasonCode", equalTo("NO_DEPOSIT_INSTRUMENT"));
        returnBalance(Tokens.operator(), new PlayerId("pl_00000000000000000000000000000000")).statusCode(404);
        given().auth().oauth2(Tokens.operator()).post("/v1/backoffice/players/nobody/balance-return").then().statusCode(400);
        assertThat(balance(AccountId.wallet(open, LedgerActivity.IDR))).isEqualTo(50_000);
        assertThat(balance(AccountId.wallet(noInstrument, LedgerActivity.IDR))).isEqualTo(50_000);
    }
}
