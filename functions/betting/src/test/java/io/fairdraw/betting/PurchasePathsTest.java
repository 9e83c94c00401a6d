package io.fairdraw.betting;

import static io.fairdraw.betting.BettingFixtures.FOUR_D;
import static io.fairdraw.betting.BettingFixtures.buy;
import static io.fairdraw.betting.BettingFixtures.line;
import static io.fairdraw.betting.BettingFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.platform.compliance.JurisdictionFiles;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.players.SafetyItems;
import io.fairdraw.testsupport.LocalDynamo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A single-draw purchase commits in one transaction with its answer, from what the environment
 * last read; whatever that path does not commit, the careful path (claim, fresh reads) decides.
 * These are the cases where the two could disagree.
 */
@QuarkusTest
class PurchasePathsTest {
    private static final long PRICE = 34_000; // FOUR_D, stake 100,000 at a 66% discount

    @Inject
    BettingFixtures fixtures;

    @Test
    void aRetryOfABoughtTicketIsReplayedEvenAfterItsDrawClosed() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String key = UUID.randomUUID().toString();
        String body = ticket(line("FOUR_D", "1234", 100_000));
        String first = buy(player, draw.id(), key, body).then().statusCode(201).extract().asString();
        fixtures.close(draw.id());

        buy(player, draw.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(first));
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - PRICE);
        buy(player, draw.id(), key, ticket(line("FOUR_D", "9999", 100_000))).then().statusCode(422);
    }

    @Test
    void aLimitLoweredElsewhereHoldsAtOnceThoughThisEnvironmentReadTheOldOne() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(201);

        // The player lowers their daily net-loss limit to what they have lost today, through registration (another function).
        var indonesia = JurisdictionFiles.sample().of(new CountryCode("ID")).orElseThrow();
        var safety = LocalDynamo.shared().client().getItem(b -> b.tableName(Table.PLAYER_SAFETY.defaultName())
                .key(SafetyItems.key(player.id())).consistentRead(true)).item();
        SafetySettings lowered = SafetyItems.fromItem(safety).change(Map.of(new LimitKey(LimitKind.NET_LOSS, LimitWindow.DAY),
                Optional.of(Money.of(PRICE, "IDR"))), Optional.empty(), Optional.empty(), indonesia, Instant.now());
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.PLAYER_SAFETY.defaultName())
                .item(SafetyItems.toItem(player.id(), lowered, new AuditStamp("test", new RequestId("lower-limit")))));

        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "5678", 100_000))).then().statusCode(403)
                .body("type", equalTo("https://fairdraw.io/problems/loss-limit-reached"));
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - PRICE);
    }

    @Test
    void twoAttemptsOfOneKeyAtOnceBuyOneTicket() throws Exception {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String key = UUID.randomUUID().toString();
        var lines = java.util.List.of(new io.fairdraw.model.betting.RequestedLine("FOUR_D", "4321", 100_000));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var attempts = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        fixtures.buyDirect(player.id(), draw.id(), key, lines);
                    } catch (io.fairdraw.model.error.DomainException busy) {
                        // 409 "still running" is the answer a concurrent attempt may get; the client retries.
                        assertThat(busy.type()).isEqualTo(io.fairdraw.model.error.ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS);
                    }
                    return null;
                }));
            }
            for (var attempt : attempts) {
                attempt.get();
            }
        }
        var replay = fixtures.buyDirect(player.id(), draw.id(), key, lines);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - PRICE);
        assertThat(fixtures.leaves(draw.id())).hasSize(1);
    }
}
