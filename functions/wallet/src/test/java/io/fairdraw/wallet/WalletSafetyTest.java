package io.fairdraw.wallet;

import static io.fairdraw.wallet.WalletFixtures.deposit;
import static io.fairdraw.wallet.WalletFixtures.fund;
import static io.fairdraw.wallet.WalletFixtures.deliver;
import static io.fairdraw.wallet.WalletFixtures.paymentEvent;
import static io.fairdraw.wallet.WalletFixtures.withdraw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.players.PlayerItems;
import io.fairdraw.platform.players.SafetyItems;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.testsupport.LocalDynamo;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compliance where money moves, ugly amounts, and who may call what. */
@QuarkusTest
class WalletSafetyTest {
    @Inject
    Ledger ledger;

    static int deposits() {
        return LocalDynamo.shared().client().scan(b -> b.tableName(Table.DEPOSITS.defaultName()).consistentRead(true)).count();
    }

    @Test
    void anUnverifiedPlayerMayNeitherDepositNorWithdraw() {
        var holder = WalletFixtures.unverifiedPlayer();
        int before = deposits();
        deposit(holder, UUID.randomUUID().toString(), 1_000).then().statusCode(403).body("reasonCode", equalTo("NOT_VERIFIED"));
        withdraw(holder, UUID.randomUUID().toString(), 1_000).then().statusCode(403).body("reasonCode", equalTo("NOT_VERIFIED"));
        assertThat(deposits()).isEqualTo(before);
    }

    @Test
    void anExcludedPlayerCannotDepositButCanStillWithdraw() {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 20_000);
        var player = PlayerItems.fromItem(LocalDynamo.shared().client().getItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .key(PlayerItems.key(holder.id()))).item());
        var excluded = StandingChanges.selfExclude(player, ExclusionPeriod.YEAR_1, Instant.now());
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYERS.defaultName())
                .item(PlayerItems.toItem(excluded, new AuditStamp("test", new RequestId("exclude")))));

        deposit(holder, UUID.randomUUID().toString(), 1_000).then().statusCode(403).body("reasonCode", equalTo("SELF_EXCLUDED"));
        withdraw(holder, UUID.randomUUID().toString(), 20_000).then().statusCode(201);
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.zero(WalletFixtures.IDR));
    }

    @Test
    void aDepositOverTheLimitIsRefusedAndNotRecorded() {
        var holder = WalletFixtures.verifiedPlayer();
        var indonesia = JurisdictionFiles.sample().of(new CountryCode("ID")).orElseThrow();
        SafetySettings limits = SafetySettings.none().change(
                Map.of(new LimitKey(LimitKind.DEPOSIT, LimitWindow.WEEK), Optional.of(Money.of(100_000, "IDR"))),
                Optional.empty(), Optional.empty(), indonesia, Instant.now());
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYER_SAFETY.defaultName())
                .item(SafetyItems.toItem(holder.id(), limits, new AuditStamp("test", new RequestId("limits")))));

        deposit(holder, UUID.randomUUID().toString(), 60_000).then().statusCode(201);
        int before = deposits();
        deposit(holder, UUID.randomUUID().toString(), 40_001).then().statusCode(403).body("reasonCode", equalTo("DEPOSIT_LIMIT_REACHED"));
        assertThat(deposits()).isEqualTo(before);
        deposit(holder, UUID.randomUUID().toString(), 40_000).then().statusCode(201);
    }

    static Stream<Arguments> badAmounts() {
        return Stream.of(
                Arguments.of("a negative amount", "{\"amount\":-5,\"currency\":\"IDR\"}", 422, "AMOUNT_OUT_OF_RANGE"),
                Arguments.of("zero", "{\"amount\":0,\"currency\":\"IDR\"}", 422, "AMOUNT_OUT_OF_RANGE"),
                Arguments.of("a fraction", "{\"amount\":1.5,\"currency\":\"IDR\"}", 400, "MALFORMED_REQUEST"),
                Arguments.of("a number past 64 bits", "{\"amount\":9223372036854775808,\"currency\":\"IDR\"}", 400, "MALFORMED_REQUEST"),
                Arguments.of("an amount past the ceiling", "{\"amount\":1000000000001,\"currency\":\"IDR\"}", 422, "AMOUNT_OUT_OF_RANGE"),
                Arguments.of("another currency", "{\"amount\":100,\"currency\":\"SGD\"}", 422, "CURRENCY_MISMATCH"),
                Arguments.of("no such currency", "{\"amount\":100,\"currency\":\"XYZ\"}", 400, "VALIDATION_FAILED"),
                Arguments.of("text for an amount", "{\"amount\":\"100\",\"currency\":\"IDR\"}", 400, "MALFORMED_REQUEST"),
                Arguments.of("no amount", "{\"currency\":\"IDR\"}", 400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "a deposit of {0}: {2} {3}")
    @MethodSource("badAmounts")
    void badDepositAmountsAreRefusedAndWriteNothing(String what, String amount, int status, String reason) {
        var holder = WalletFixtures.verifiedPlayer();
        int before = deposits();
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + ",\"provider\":\"sandbox\"}").post("/v1/wallet/deposits")
                .then().statusCode(status).contentType("application/problem+json").body("reasonCode", equalTo(reason));
        assertThat(deposits()).isEqualTo(before);
    }

    @ParameterizedTest(name = "a withdrawal of {0}: {2} {3}")
    @MethodSource("badAmounts")
    void badWithdrawalAmountsAreRefusedAndMoveNothing(String what, String amount, int status, String reason) {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 1_000);
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"amount\":" + amount + "}").post("/v1/wallet/withdrawals")
                .then().statusCode(status).body("reasonCode", equalTo(reason));
        assertThat(ledger.balance(holder.wallet())).isEqualTo(Money.of(1_000, "IDR"));
    }

    @Test
    void anUnknownProviderAndAMissingOrBadKeyAreRefused() {
        var holder = WalletFixtures.verifiedPlayer();
        int before = deposits();
        holder.as().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"paypal\"}").post("/v1/wallet/deposits")
                .then().statusCode(404).body("reasonCode", equalTo("UNKNOWN_PAYMENT_PROVIDER"));
        holder.as().contentType(ContentType.JSON).body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}")
                .post("/v1/wallet/deposits").then().statusCode(400).body("reasonCode", equalTo("IDEMPOTENCY_KEY_MISSING"));
        holder.as().header("Idempotency-Key", "short").contentType(ContentType.JSON)
                .body("{\"amount\":{\"amount\":100,\"currency\":\"IDR\"},\"provider\":\"sandbox\"}")
                .post("/v1/wallet/deposits").then().statusCode(400).body("reasonCode", equalTo("IDEMPOTENCY_KEY_INVALID"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/payments/paypal/webhook").then().statusCode(404);
        assertThat(deposits()).isEqualTo(before);
    }

    @Test
    void walletRoutesNeedAPlayerToken() {
        given().get("/v1/wallet").then().statusCode(401);
        given().auth().oauth2(Tokens.expired()).get("/v1/wallet").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/v1/wallet").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/v1/wallet/transactions").then().statusCode(403);
        given().auth().oauth2(Tokens.wrongAudience()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"amount\":{\"amount\":1,\"currency\":\"IDR\"}}").post("/v1/wallet/withdrawals").then().statusCode(401);
    }

    @Test
    void aStatementCursorCannotBeForged() {
        var holder = WalletFixtures.verifiedPlayer();
        fund(holder, 100);
        holder.as().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/wallet/transactions")
                .then().statusCode(400).body("reasonCode", equalTo("INVALID_CURSOR"));
        holder.as().queryParam("limit", 0).get("/v1/wallet/transactions").then().statusCode(400);
        holder.as().queryParam("limit", 101).get("/v1/wallet/transactions").then().statusCode(400);
    }
}
