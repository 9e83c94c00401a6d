package io.fairdraw.backoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.draw.DrawStatus;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.fairness.SealedHeader;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.testsupport.LedgerActivity;
import io.fairdraw.testsupport.StreamRecords;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Draw verification for auditors, on draws written as the draw function writes them: an honest
 * draw passes every check; a draw whose published numbers, seed or sealed total were altered
 * fails the check that covers it; a draw not yet drawn is pending.
 */
@QuarkusTest
class DrawVerificationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AuditStamp STAMP = new AuditStamp("draw", new RequestId("verification-test"));

    @Inject
    Draws draws;

    @Inject
    Ledger ledger;

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    /** A 4D draw with three 10,000 tickets paid into its escrow, sealed, and drawn; {@code tamper} alters what is published. */
    private String draw(boolean complete, Map<String, Object> tamper) {
        Instant drawTime = Instant.parse("2033-01-01T13:00:00Z").plusSeconds(86_400L * NEXT.incrementAndGet() + (System.nanoTime() % 600) * 60);
        String drawId = "4d-jakarta-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] seed = random(32);
        Beacon beacon = new Beacon(Beacon.LOCAL_CHAIN, 4242);
        String commitment = HEX.formatHex(Commitment.of(drawId, beacon.chainHash(), beacon.round(), seed));
        draws.open(new Draw(drawId, "4d-jakarta", "IDR", drawTime, drawTime.minusSeconds(900), drawTime.minusSeconds(780), beacon,
                commitment, DrawStatus.OPEN, Optional.empty(), Optional.empty()), random(48));
        PlayerId player = new PlayerId("pl_" + UUID.randomUUID().toString().replace("-", ""));
        apply(TransferKind.DEPOSIT, "fund:" + drawId, AccountId.clearing("sandbox", LedgerActivity.IDR), AccountId.wallet(player, LedgerActivity.IDR),
                30_000);
        for (int t = 0; t < 3; t++) {
            apply(TransferKind.STAKE, drawId + ".t" + t, AccountId.wallet(player, LedgerActivity.IDR),
                    AccountId.of(AccountType.SALES_ESCROW, drawId, LedgerActivity.IDR), 10_000);
        }
        draws.close(drawId);
        byte[] root = random(32);
        long sealedTotal = (long) tamper.getOrDefault("total", 30_000L);
        String header = HEX.formatHex(new SealedHeader(drawId, 3, "IDR", sealedTotal, root).hash());
        draws.seal(drawId, new Draw.Seal(3, sealedTotal, HEX.formatHex(root), header));
        if (complete) {
            byte[] signature = random(48);
            byte[] randomness = Encoding.sha256(signature);
            List<Integer> numbers = Arrays.stream(new OutcomeStream(seed, drawId, root, randomness).fourD()).boxed().toList();
            @SuppressWarnings("unchecked")
            List<Integer> published = (List<Integer>) tamper.getOrDefault("numbers", numbers);
            byte[] revealed = (byte[]) tamper.getOrDefault("seed", seed);
            draws.complete(drawId, new Draw.Outcome(HEX.formatHex(revealed), HEX.formatHex(signature), null, HEX.formatHex(randomness),
                    published));
        }
        StreamRecords.all(Table.TRANSFERS.defaultName()).forEach(record -> {
            ChangeRecord change = ChangeRecord.of(record);
            reporting.transaction(() -> projection.apply(change));
        });
        return drawId;
    }

    private void apply(TransferKind kind, String reference, AccountId debit, AccountId credit, long amount) {
        ledger.apply(Transfer.of(kind, reference, debit, credit, new Money(amount, LedgerActivity.IDR), Instant.now()), STAMP);
    }

    private static JsonPath verification(String drawId) {
        return given().auth().oauth2(Tokens.auditor()).get("/v1/backoffice/reports/draws/{id}/verification", drawId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String result(JsonPath verification, String check) {
        return verification.getString("checks.find { it.name == '" + check + "' }.result");
    }

    @Test
    void anHonestDrawPassesEveryCheck() {
        JsonPath honest = verification(draw(true, Map.of()));
        assertThat(honest.getList("checks.name", String.class))
                .containsExactly("seal.headerHash", "seal.ledger", "commitment", "beacon.randomness", "numbers");
        assertThat(honest.getList("checks.result", String.class)).containsOnly("PASS");
        assertThat(honest.getBoolean("verified")).isTrue();
        assertThat(honest.getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void eachAlterationFailsTheCheckThatCoversIt() {
        JsonPath numbers = verification(draw(true, Map.of("numbers", List.of(9, 9, 9, 9))));
        assertThat(result(numbers, "numbers")).isEqualTo("FAIL");
        assertThat(result(numbers, "commitment")).isEqualTo("PASS");
        assertThat(numbers.getBoolean("verified")).isFalse();

        JsonPath seed = verification(draw(true, Map.of("seed", random(32))));
        assertThat(result(seed, "commitment")).isEqualTo("FAIL");
        assertThat(seed.getBoolean("verified")).isFalse();

        JsonPath total = verification(draw(true, Map.of("total", 40_000L)));
        assertThat(result(total, "seal.headerHash")).isEqualTo("PASS");
        assertThat(result(total, "seal.ledger")).isEqualTo("FAIL");
        assertThat(total.getBoolean("verified")).isFalse();
    }

    @Test
    void aDrawNotYetDrawnIsPendingAndAnUnknownOneIsNotFound() {
        JsonPath sealed = verification(draw(false, Map.of()));
        assertThat(result(sealed, "outcome")).isEqualTo("PENDING");
        assertThat(sealed.getBoolean("verified")).isFalse();
        given().auth().oauth2(Tokens.auditor()).get("/v1/backoffice/reports/draws/{id}/verification", "4d-jakarta-nosuchdraw")
                .then().statusCode(404).body("reasonCode", equalTo("DRAW_NOT_FOUND"));
        given().auth().oauth2(Tokens.auditor()).get("/v1/backoffice/reports/draws/{id}/verification", "bad id!")
                .then().statusCode(400);
    }
}
