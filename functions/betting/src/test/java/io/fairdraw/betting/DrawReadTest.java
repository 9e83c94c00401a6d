package io.fairdraw.betting;

import static io.fairdraw.betting.BettingFixtures.FOUR_D;
import static io.fairdraw.betting.BettingFixtures.LOTTO;
import static io.fairdraw.betting.BettingFixtures.buy;
import static io.fairdraw.betting.BettingFixtures.line;
import static io.fairdraw.betting.BettingFixtures.ticket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Games, draws as published, and inclusion proofs: public where anyone may verify, owner or auditor for a proof. */
@QuarkusTest
class DrawReadTest {
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    BettingFixtures fixtures;

    @Test
    void theCatalogueIsPublicWithEveryBetTypesTerms() {
        given().get("/v1/games").then().statusCode(200)
                .body("catalogueVersion", equalTo(1))
                .body("items.id", hasItem(FOUR_D))
                .body("items.find { it.id == '4d-jakarta' }.betTypes.FOUR_D.multiplierMilli", equalTo(3_000_000))
                .body("items.find { it.id == '4d-jakarta' }.betTypes.FOUR_D.discountBasisPoints", equalTo(6600))
                .body("items.find { it.id == '4d-jakarta' }.schedule.zone", equalTo("Asia/Jakarta"))
                .body("items.find { it.id == 'lotto-6-49' }.pick", equalTo(6))
                .body("items.find { it.id == 'lotto-6-49' }.tierShareBasisPoints.6", equalTo(3000));
    }

    @Test
    void aDrawIsPublishedWithItsCommitmentAndNoSecretsBeforeItIsDrawn() {
        Draw draw = fixtures.open(LOTTO);
        given().get("/v1/draws/{id}", draw.id()).then().statusCode(200)
                .body("specVersion", equalTo(1))
                .body("drawId", equalTo(draw.id()))
                .body("game.type", equalTo("LOTTO"))
                .body("game.pick", equalTo(6))
                .body("status", equalTo("OPEN"))
                .body("commitment", equalTo(draw.commitment()))
                .body("beacon.round", equalTo((int) draw.beacon().round()))
                .body("beacon.signature", nullValue())
                .body("seed", nullValue())
                .body("numbers", nullValue())
                .body("localBeacon", equalTo(true));
        given().queryParam("game", LOTTO).queryParam("status", "open").get("/v1/draws").then().statusCode(200)
                .body("items.drawId", hasItem(draw.id()));
        fixtures.close(draw.id());
        given().queryParam("game", LOTTO).queryParam("status", "OPEN").get("/v1/draws").then().statusCode(200)
                .body("items.drawId", not(hasItem(draw.id())));
        given().queryParam("game", "no-such-game").get("/v1/draws").then().statusCode(404)
                .body("type", equalTo("https://fairdraw.io/problems/game-not-found"));
        given().queryParam("game", LOTTO).queryParam("status", "BOGUS").get("/v1/draws").then().statusCode(400);
        given().queryParam("game", LOTTO).queryParam("limit", 0).get("/v1/draws").then().statusCode(400);
        given().get("/v1/draws/{id}", "lotto-6-49-19990101T0000").then().statusCode(404)
                .body("type", equalTo("https://fairdraw.io/problems/draw-not-found"));
        given().get("/v1/draws/{id}", "x".repeat(3000)).then().statusCode(404);
    }

    @Test
    void aTicketsInclusionProofReproducesTheSealedRootForItsOwnerOrAnAuditorOnly() {
        Draw draw = fixtures.open(FOUR_D);
        var alice = fixtures.fundedPlayer(5_000_000);
        var bob = fixtures.fundedPlayer(5_000_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            var buyer = i % 2 == 0 ? alice : bob;
            ids.add(buy(buyer, draw.id(), UUID.randomUUID().toString(), ticket(line("TWO_D_MIDDLE", String.format("%02d", i), 100_000)))
                    .then().statusCode(201).extract().path("ticketId"));
        }
        alice.as().get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(0)).then().statusCode(409)
                .body("type", equalTo("https://fairdraw.io/problems/proof-not-ready"));
        Draw sealed = fixtures.seal(draw.id());
        byte[] root = HEX.parseHex(sealed.seal().orElseThrow().root());

        for (int i = 0; i < ids.size(); i += 2) {
            var proof = alice.as().get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(i)).then().statusCode(200)
                    .body("root", equalTo(sealed.seal().get().root()))
                    .body("leafCount", equalTo(7))
                    .extract().jsonPath();
            TicketLeaf leaf = new TicketLeaf(proof.getString("ticketId"), draw.id(), proof.getString("currency"),
                    proof.getLong("pricePaidMinor"), List.of(new TicketLeaf.Line(proof.getString("lines[0].betType"),
                            proof.getString("lines[0].selection"), proof.getLong("lines[0].stakeMinor"))));
            List<byte[]> path = proof.getList("proof", String.class).stream().map(HEX::parseHex).toList();
            assertThat(MerkleTree.verify(MerkleTree.leafHash(leaf.bytes()), proof.getLong("index"), 7, path, root)).isTrue();
            assertThat(MerkleTree.verify(MerkleTree.leafHash(leaf.bytes()), proof.getLong("index") ^ 1, 7, path, root)).isFalse();
        }
        alice.as().get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(1)).then().statusCode(404)
                .body("type", equalTo("https://fairdraw.io/problems/ticket-not-found"));
        given().auth().oauth2(Tokens.auditor()).get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(1)).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(1)).then().statusCode(403);
        given().get("/v1/draws/{d}/proof/{t}", draw.id(), ids.get(1)).then().statusCode(401);
        Draw other = fixtures.open(FOUR_D);
        bob.as().get("/v1/draws/{d}/proof/{t}", other.id(), ids.get(1)).then().statusCode(404);
    }
}
