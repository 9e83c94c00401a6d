package io.fairdraw.betting;

import static io.fairdraw.betting.BettingFixtures.FOUR_D;
import static io.fairdraw.betting.BettingFixtures.buy;
import static io.fairdraw.betting.BettingFixtures.line;
import static io.fairdraw.betting.BettingFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.testsupport.LambdaEvents;
import io.fairdraw.testsupport.TestPlayers;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A ticket bought by a minor, or by a body that says two things at once, is refused inside or
 * before the purchase's transaction and writes nothing; a receipt names the most a line can win.
 */
@QuarkusTest
class PurchaseSafetyTest {
    @Inject
    BettingFixtures fixtures;

    @Inject
    Transactions transactions;

    private final LambdaHttpHandler handler = new LambdaHttpHandler();

    private TestPlayers.TestPlayer verifiedBorn(LocalDate born, long funds) {
        TestPlayers.TestPlayer player = TestPlayers.stored("betting", born,
                p -> StandingChanges.recordIdentityCheck(p, KycOutcome.APPROVE, Instant.now()));
        fixtures.fund(player.id(), funds);
        return player;
    }

    @Test
    void aVerifiedMinorWithMoneyCannotBuyATicketAndNothingIsWritten() {
        Draw draw = fixtures.open(FOUR_D);
        var minor = verifiedBorn(LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(11), 1_000_000);
        double unitsBefore = transactions.capacityUnitsConsumed();

        buy(minor, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000)))
                .then().statusCode(403).contentType("application/problem+json").body("reasonCode", equalTo("UNDERAGE"));

        assertThat(fixtures.balance(minor.id())).isEqualTo(1_000_000);
        assertThat(fixtures.leaves(draw.id())).isEmpty();
        assertThat(transactions.capacityUnitsConsumed()).isEqualTo(unitsBefore);
    }

    @Test
    void behindTheAuthorizerTheMinimumAgeOfWhereThePlayerIsAppliesToo() {
        Draw draw = fixtures.open(FOUR_D);
        var nineteen = verifiedBorn(LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(19), 1_000_000);

        APIGatewayV2HTTPResponse inMalaysia = handler.handleRequest(purchase(nineteen, draw, "MY"), LambdaEvents.context("gw-my"));
        assertThat(inMalaysia.getStatusCode()).isEqualTo(403);
        assertThat(inMalaysia.getBody()).contains("\"reasonCode\":\"UNDERAGE\"");
        assertThat(fixtures.balance(nineteen.id())).isEqualTo(1_000_000);

        APIGatewayV2HTTPResponse atHome = handler.handleRequest(purchase(nineteen, draw, "ID"), LambdaEvents.context("gw-id"));
        assertThat(atHome.getStatusCode()).isEqualTo(201);
    }

    private static APIGatewayV2HTTPEvent purchase(TestPlayers.TestPlayer player, Draw draw, String country) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("POST", "/v1/draws/" + draw.id() + "/tickets", player.token(),
                ticket(line("FOUR_D", "1234", 100_000)), "gw-" + UUID.randomUUID());
        event.getHeaders().put("idempotency-key", UUID.randomUUID().toString());
        return LambdaEvents.authorized(event, Map.of("playerId", player.id().value(), "roles", "player", "country", country,
                "locationSource", "edge", "decision", "ALLOW"));
    }

    @Test
    void aTicketBodyThatNamesAFieldTwiceIsRefusedAndBuysNothing() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        double unitsBefore = transactions.capacityUnitsConsumed();
        for (String body : List.of(
                "{\"lines\":[" + line("FOUR_D", "1234", 100_000) + "],\"lines\":[" + line("FOUR_D", "9999", 100_000) + "]}",
                "{\"lines\":[" + line("FOUR_D", "1234", 100_000) + "],\"draws\":1,\"draws\":3}",
                "{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\",\"selection\":\"9999\",\"stake\":100000}]}")) {
            buy(player, draw.id(), UUID.randomUUID().toString(), body)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("reasonCode", equalTo("DUPLICATE_FIELD")).body(not(containsString("Exception")));
        }
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000);
        assertThat(fixtures.leaves(draw.id())).isEmpty();
        assertThat(transactions.capacityUnitsConsumed()).isEqualTo(unitsBefore);
    }

    @Test
    void aColokBebasReceiptNamesWhatItPaysWhenItsDigitFillsTheResult() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        // 1.5 times the stake per occurrence of the digit (docs/games.md): 7777 pays a 7 four times.
        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("COLOK_BEBAS", "7", 100_000), line("FOUR_D", "1234", 100_000)))
                .then().statusCode(201)
                .body("lines[0].potentialWin", equalTo(600_000))
                .body("potentialWinUpTo", equalTo(300_600_000));
    }
}
