package io.fairdraw.betting;

import static io.fairdraw.betting.BettingFixtures.FOUR_D;
import static io.fairdraw.betting.BettingFixtures.LOTTO;
import static io.fairdraw.betting.BettingFixtures.buy;
import static io.fairdraw.betting.BettingFixtures.line;
import static io.fairdraw.betting.BettingFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.betting.store.TicketStore;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.platform.config.ConfigKind;
import io.fairdraw.platform.config.ConfigVersion;
import io.fairdraw.platform.config.ConfigVersions;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.platform.games.GameFiles;
import io.fairdraw.platform.ledger.LedgerReconciler;
import io.fairdraw.testsupport.TestPlayers;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Buying tickets through the HTTP route: the receipt, the money, the reads, and refusals that write nothing. */
@QuarkusTest
class PurchaseTest {
    @Inject
    BettingFixtures fixtures;

    @Inject
    TicketStore tickets;

    @Inject
    Transactions transactions;

    @Inject
    ConfigVersions versions;

    @Test
    void aDrawIsSoldUnderTheCatalogueVersionItOpenedUnderWhateverIsApprovedSince() throws Exception {
        // An approved version paying 65x on 2D (back) instead of 70x, in force only from 2099: a draw
        // opened under it sells at 65x, one opened under the deployed catalogue keeps selling at 70x.
        int version = versions.all(ConfigKind.GAMES).stream().mapToInt(ConfigVersion::version).max().orElse(1) + 1;
        ObjectNode document;
        try (var in = GameFiles.class.getClassLoader().getResourceAsStream(GameFiles.SAMPLE)) {
            document = (ObjectNode) new ObjectMapper().readTree(in);
        }
        document.put("version", version);
        ((ObjectNode) document.at("/fixedOdds/0/betTypes/TWO_D_BACK")).put("multiplierMilli", 65_000);
        var stamp = new AuditStamp("operator:alice", new RequestId("terms-test"));
        assertThat(versions.propose(new ConfigVersion(ConfigKind.GAMES, version, ConfigVersion.Status.PROPOSED,
                Instant.parse("2099-01-01T00:00:00Z"), document.toString(), "digest", "operator:alice", Instant.now(), "test",
                Optional.empty(), Optional.empty(), Optional.empty()), stamp)).isTrue();
        assertThat(versions.decide(ConfigKind.GAMES, version, ConfigVersion.Status.APPROVED, "operator:alice", "own", Instant.now(), stamp))
                .isFalse();
        assertThat(versions.decide(ConfigKind.GAMES, version, ConfigVersion.Status.APPROVED, "operator:bob", "ok", Instant.now(), stamp))
                .isTrue();

        Draw deployedTerms = fixtures.open(FOUR_D);
        Draw newTerms = fixtures.open(FOUR_D, java.time.Duration.ofHours(1), version);
        var player = fixtures.fundedPlayer(1_000_000);
        buy(player, deployedTerms.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_BACK", "34", 100_000))).then().statusCode(201)
                .body("lines[0].potentialWin", equalTo(7_000_000));
        buy(player, newTerms.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_BACK", "34", 100_000))).then().statusCode(201)
                .body("lines[0].potentialWin", equalTo(6_500_000));
        player.as().get("/v1/games").then().statusCode(200)
                .body("items.find { it.id == '4d-jakarta' }.betTypes.TWO_D_BACK.multiplierMilli", equalTo(70_000));
    }

    @Test
    void aTicketIsPricedWithItsDiscountAndItsReceiptNamesItsLeafAndCommitment() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        var receipt = buy(player, draw.id(), UUID.randomUUID().toString(),
                ticket(line("FOUR_D", "1234", 100_000), line("COLOK_MACAU", "71", 200_000)))
                .then().statusCode(201)
                .body("ticketId", matchesPattern(draw.id() + "\\.[0-9a-f]{32}"))
                .body("lines[0].price", equalTo(34_000))
                .body("lines[0].potentialWin", equalTo(300_000_000))
                .body("lines[1].selection", equalTo("17"))
                .body("lines[1].price", equalTo(170_000))
                .body("lines[1].potentialWin", equalTo(1_500_000))
                .body("pricePaid", equalTo(204_000))
                .body("draw.commitment", equalTo(draw.commitment()))
                .body("draw.beaconRound", equalTo((int) draw.beacon().round()))
                .extract().jsonPath();
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - 204_000);

        TicketLeaf leaf = fixtures.leaves(draw.id()).stream().filter(l -> l.ticketId().equals(receipt.getString("ticketId")))
                .findFirst().orElseThrow();
        assertThat(leaf.pricePaidMinor()).isEqualTo(204_000);
        assertThat(receipt.getString("leafHash")).isEqualTo(HexFormat.of().formatHex(MerkleTree.leafHash(leaf.bytes())));
        assertThat(tickets.exposure(draw.id(), "FOUR_D", "1234")).isEqualTo(300_000_000);
        assertThat(tickets.exposure(draw.id(), "COLOK_MACAU", "17")).isEqualTo(1_500_000);

        player.as().get("/v1/tickets/{id}", receipt.getString("ticketId")).then().statusCode(200)
                .body("pricePaid", equalTo(204_000)).body("draw.status", equalTo("OPEN"));
    }

    @Test
    void aSettledDrawsTicketsShowWhatTheyCameTo() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String winning = buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_BACK", "34", 100_000)))
                .then().statusCode(201).extract().path("ticketId");
        String losing = buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_BACK", "35", 100_000)))
                .then().statusCode(201).extract().path("ticketId");
        player.as().get("/v1/tickets/{id}", winning).then().statusCode(200).body("outcome", nullValue());
        fixtures.seal(draw.id());
        fixtures.settleWithWinner(draw.id(), winning, player.id().value(), 7_000_000);

        player.as().get("/v1/tickets/{id}", winning).then().statusCode(200)
                .body("draw.status", equalTo("SETTLED")).body("outcome.result", equalTo("WON")).body("outcome.amount", equalTo(7_000_000));
        player.as().get("/v1/tickets/{id}", losing).then().statusCode(200).body("outcome.result", equalTo("LOST"));
    }

    @Test
    void anotherPlayersTicketIsNotFoundButStaffMayReadIt() {
        Draw draw = fixtures.open(FOUR_D);
        var owner = fixtures.fundedPlayer(500_000);
        String id = buy(owner, draw.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_BACK", "07", 100_000)))
                .then().statusCode(201).extract().path("ticketId");
        var stranger = fixtures.fundedPlayer(0);
        stranger.as().get("/v1/tickets/{id}", id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://fairdraw.io/problems/ticket-not-found"));
        stranger.as().get("/v1/tickets/{id}", "not-a-ticket").then().statusCode(404);
        RestAssured.given().auth().oauth2(Tokens.auditor()).get("/v1/tickets/{id}", id).then().statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.operator()).get("/v1/tickets/{id}", id).then().statusCode(200);
        RestAssured.given().get("/v1/tickets/{id}", id).then().statusCode(401);
        stranger.as().get("/v1/players/me/tickets").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPlayersTicketsArePagedNewestFirst() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(10_000_000);
        List<String> bought = IntStream.range(0, 5).mapToObj(i -> buy(player, draw.id(), UUID.randomUUID().toString(),
                ticket(line("TWO_D_FRONT", String.format("%02d", i), 100_000))).then().statusCode(201).extract().<String>path("ticketId"))
                .toList();
        var first = player.as().queryParam("limit", 3).get("/v1/players/me/tickets").then().statusCode(200)
                .body("items", hasSize(3)).extract().jsonPath();
        var second = player.as().queryParam("limit", 3).queryParam("cursor", first.getString("next"))
                .get("/v1/players/me/tickets").then().statusCode(200).body("items", hasSize(2)).body("next", nullValue())
                .extract().jsonPath();
        List<String> listed = new java.util.ArrayList<>(first.getList("items.ticketId", String.class));
        listed.addAll(second.getList("items.ticketId", String.class));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(bought);
        player.as().queryParam("limit", "abc").get("/v1/players/me/tickets").then().statusCode(400)
                .contentType("application/problem+json");
        player.as().queryParam("limit", 101).get("/v1/players/me/tickets").then().statusCode(400)
                .body("type", equalTo("https://fairdraw.io/problems/validation-failed"));
        player.as().queryParam("cursor", "djE6bm90LWEtcG9zaXRpb24").get("/v1/players/me/tickets").then().statusCode(400)
                .body("type", equalTo("https://fairdraw.io/problems/invalid-cursor"));
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheReceiptAndAnotherBodyIsRefused() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String key = UUID.randomUUID().toString();
        String body = ticket(line("THREE_D", "123", 100_000));
        String first = buy(player, draw.id(), key, body).then().statusCode(201).extract().asString();
        String again = buy(player, draw.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);
        buy(player, draw.id(), key, ticket(line("THREE_D", "124", 100_000))).then().statusCode(422)
                .body("type", equalTo("https://fairdraw.io/problems/idempotency-key-reused"));
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - 41_000);
    }

    @Test
    void bbfsExpandsIntoEveryArrangementAndQuickPickPicksALegalSelection() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(10_000_000);
        buy(player, draw.id(), UUID.randomUUID().toString(), "{\"lines\":[{\"betType\":\"TWO_D_BACK\",\"bbfs\":\"123\",\"stake\":100000},"
                + "{\"betType\":\"FOUR_D\",\"quickPick\":true,\"stake\":100000}]}")
                .then().statusCode(201)
                .body("lines", hasSize(7))
                .body("lines[0..5].selection".replace("[0..5]", ""), org.hamcrest.Matchers.hasItems("12", "13", "21", "23", "31", "32"))
                .body("lines[6].selection", matchesPattern("[0-9]{4}"));
        buy(player, draw.id(), UUID.randomUUID().toString(), "{\"lines\":[{\"betType\":\"FOUR_D\",\"bbfs\":\"0123456789\",\"stake\":100000}]}")
                .then().statusCode(422)
                .body("type", equalTo("https://fairdraw.io/problems/too-many-lines"))
                .body("detail", containsString("5040 lines need 126 tickets"));
    }

    @Test
    void aMultiDrawPurchaseBuysTheSameLinesForTheNextOpenDrawsEachItsOwnTicket() {
        Draw first = fixtures.open(FOUR_D);
        Draw second = fixtures.open(FOUR_D);
        Draw third = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        String key = UUID.randomUUID().toString();
        String body = "{\"lines\":[" + line("TWO_D_BACK", "88", 100_000) + "],\"draws\":3}";
        var receipt = buy(player, first.id(), key, body).then().statusCode(201)
                .body("draw.drawId", equalTo(first.id()))
                .body("nextDraws.drawId", org.hamcrest.Matchers.contains(second.id(), third.id()))
                .extract().jsonPath();
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - 3 * 71_000);
        for (Draw draw : List.of(first, second, third)) {
            assertThat(fixtures.leaves(draw.id())).extracting(TicketLeaf::lines).containsExactly(
                    List.of(new TicketLeaf.Line("TWO_D_BACK", "88", 100_000)));
        }
        buy(player, first.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        player.as().get("/v1/tickets/{id}", receipt.getString("nextDraws[1].ticketId")).then().statusCode(200)
                .body("draw.drawId", equalTo(third.id()));

        buy(player, third.id(), UUID.randomUUID().toString(), "{\"lines\":[" + line("TWO_D_BACK", "88", 100_000) + "],\"draws\":5}")
                .then().statusCode(409).body("type", equalTo("https://fairdraw.io/problems/draw-not-open"))
                .body("detail", containsString("only 1 of the 5 draws"));
        buy(player, first.id(), UUID.randomUUID().toString(), "{\"lines\":[" + line("TWO_D_BACK", "88", 100_000) + "],\"draws\":11}")
                .then().statusCode(400);
        var poor = fixtures.fundedPlayer(100_000);
        buy(poor, first.id(), UUID.randomUUID().toString(), "{\"lines\":[" + line("TWO_D_BACK", "88", 100_000) + "],\"draws\":2}")
                .then().statusCode(422).body("type", equalTo("https://fairdraw.io/problems/insufficient-funds"));
        assertThat(fixtures.balance(poor.id())).isEqualTo(100_000);
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000 - 3 * 71_000);
    }

    @Test
    void aTicketOfTheMostLinesFitsItsOneTransaction() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(100_000_000);
        String forty = ticket(IntStream.range(0, 40).mapToObj(i -> line("TWO_D_BACK", String.format("%02d", i), 100_000))
                .toArray(String[]::new));
        buy(player, draw.id(), UUID.randomUUID().toString(), forty).then().statusCode(201).body("lines", hasSize(40));
        assertThat(tickets.exposure(draw.id(), "TWO_D_BACK", "39")).isEqualTo(7_000_000);
    }

    @Test
    void lottoLinesAreCanonicalAndPricedAtTheLinePrice() {
        Draw draw = fixtures.open(LOTTO);
        var player = fixtures.fundedPlayer(5_000_000);
        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("LOTTO", "49-1-23-7-12-5", 1_000_000),
                "{\"betType\":\"LOTTO\",\"quickPick\":true,\"stake\":1000000}"))
                .then().statusCode(201)
                .body("lines[0].selection", equalTo("01-05-07-12-23-49"))
                .body("lines[0].potentialWin", nullValue())
                .body("lines[1].selection", matchesPattern("([0-9]{2}-){5}[0-9]{2}"))
                .body("pricePaid", equalTo(2_000_000));
        assertThat(fixtures.balance(player.id())).isEqualTo(3_000_000);
    }

    @Test
    void badInputGetsAStableProblemAndWritesNothing() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        record Case(String body, int status, String type) {
        }
        String tooMany = ticket(IntStream.range(0, 41).mapToObj(i -> line("TWO_D_BACK", String.format("%02d", i), 100_000))
                .collect(Collectors.toList()).toArray(String[]::new));
        List<Case> cases = List.of(
                new Case(ticket(line("NINE_D", "123456789", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "123", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "12a4", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "١٢٣٤", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "１２３４", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("SHIO", "UNICORN", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "1234", 100_000), line("FOUR_D", "1234", 200_000)), 400, "validation-failed"),
                new Case(ticket(line("COLOK_MACAU", "12", 100_000), line("COLOK_MACAU", "21", 100_000)), 400, "validation-failed"),
                new Case(ticket(line("FOUR_D", "1234", 99_999)), 422, "stake-out-of-range"),
                new Case(ticket(line("FOUR_D", "1234", 100_000_100)), 422, "stake-out-of-range"),
                new Case(ticket(line("FOUR_D", "1234", 150_000)), 422, "stake-out-of-range"),
                new Case(ticket(line("FOUR_D", "1234", -100_000)), 422, "stake-out-of-range"),
                new Case(ticket(line("LOTTO", "1-2-3-4-5-6", 1_000_000)), 400, "validation-failed"),
                new Case(tooMany, 422, "too-many-lines"),
                new Case("{\"lines\":[]}", 400, "validation-failed"),
                new Case("{\"lines\":[null]}", 400, "validation-failed"),
                new Case("{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\",\"bbfs\":\"1234\",\"stake\":100000}]}", 400, "validation-failed"),
                new Case("{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\"}]}", 400, "validation-failed"),
                new Case("{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\",\"stake\":1.5}]}", 400, "malformed-request"),
                new Case("{\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1234\",\"stake\":100000,\"extra\":1}]}", 400, "malformed-request"),
                new Case("[1,2,3]", 400, "malformed-request"),
                new Case("null", 400, "validation-failed"));
        var broke = fixtures.fundedPlayer(50_000);
        var unverified = TestPlayers.stored("betting", p -> p);
        fixtures.fund(unverified.id(), 1_000_000);
        double unitsBefore = transactions.capacityUnitsConsumed();
        for (Case c : cases) {
            buy(player, draw.id(), UUID.randomUUID().toString(), c.body()).then()
                    .statusCode(c.status())
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://fairdraw.io/problems/" + c.type()));
        }
        buy(player, "4d-jakarta-20000101T0000", UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000)))
                .then().statusCode(404).body("type", equalTo("https://fairdraw.io/problems/draw-not-found"));
        buy(player, "../../etc", UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(404);
        buy(player, draw.id(), "short", ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(400)
                .body("type", equalTo("https://fairdraw.io/problems/idempotency-key-invalid"));
        buy(broke, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 200_000))).then().statusCode(422)
                .body("type", equalTo("https://fairdraw.io/problems/insufficient-funds"));
        buy(unverified, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(403)
                .body("type", equalTo("https://fairdraw.io/problems/not-verified"));

        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000);
        assertThat(fixtures.balance(broke.id())).isEqualTo(50_000);
        assertThat(fixtures.balance(unverified.id())).isEqualTo(1_000_000);
        assertThat(fixtures.leaves(draw.id())).isEmpty();
        assertThat(transactions.capacityUnitsConsumed()).isEqualTo(unitsBefore);
        player.as().get("/v1/players/me/tickets").then().body("items", hasSize(0));
    }

    @Test
    void aClosedDrawSellsNothing() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        fixtures.close(draw.id());
        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(409)
                .body("type", equalTo("https://fairdraw.io/problems/draw-not-open"));
        assertThat(fixtures.balance(player.id())).isEqualTo(1_000_000);
    }

    @Test
    void aOneLineTicketCostsAKnownNumberOfWriteUnits() {
        Draw draw = fixtures.open(FOUR_D);
        var player = fixtures.fundedPlayer(1_000_000);
        double before = transactions.capacityUnitsConsumed();
        var byTableBefore = transactions.capacityUnitsByTable();
        buy(player, draw.id(), UUID.randomUUID().toString(), ticket(line("FOUR_D", "1234", 100_000))).then().statusCode(201);
        double units = transactions.capacityUnitsConsumed() - before;
        var byTable = new java.util.TreeMap<String, Double>();
        transactions.capacityUnitsByTable().forEach((table, total) -> {
            double spent = total - byTableBefore.getOrDefault(table, 0.0);
            if (spent > 0) {
                byTable.put(table, spent);
            }
        });
        System.out.printf("write units for a one-line ticket: %.1f %s%n", units, byTable);
        // 10 writes and 3 condition checks, each at least 2 units in a transaction; the figures are in docs/betting.md.
        assertThat(units).isBetween(26.0, 56.0);
        assertThat(byTable).containsOnlyKeys("fairdraw-accounts", "fairdraw-bet-lines", "fairdraw-draw-gates", "fairdraw-idempotency",
                "fairdraw-liability", "fairdraw-limit-counters", "fairdraw-player-safety", "fairdraw-players", "fairdraw-postings",
                "fairdraw-tickets", "fairdraw-transfers");
    }
}
