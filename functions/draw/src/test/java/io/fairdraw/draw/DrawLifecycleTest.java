package io.fairdraw.draw;

import static io.fairdraw.draw.Scheduler.fire;
import static io.fairdraw.draw.Scheduler.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.betting.PricedLine;
import io.fairdraw.model.betting.Ticket;
import io.fairdraw.model.betting.TicketId;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.draws.DrawItems;
import io.fairdraw.platform.draws.Draws;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.tickets.TicketItems;
import io.fairdraw.testsupport.FairnessVerifier;
import io.fairdraw.testsupport.LocalDynamo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A draw's whole life through the scheduler's events, duplicates and early or late steps included. */
@QuarkusTest
class DrawLifecycleTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String GAME = "4d-jakarta";

    @Inject
    TestClock clock;

    static Map<String, AttributeValue> draw(String drawId) {
        return LocalDynamo.shared().client().getItem(b -> b.tableName(Table.DRAWS.defaultName()).consistentRead(true)
                .key(Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(drawId)))).item();
    }

    static List<String> gates(String drawId) {
        return java.util.stream.IntStream.range(0, Draws.GATE_SHARDS).mapToObj(shard -> LocalDynamo.shared().client().getItem(b -> b
                .tableName(Table.DRAW_GATES.defaultName()).consistentRead(true).key(DrawItems.gateKey(drawId, shard))).item())
                .filter(item -> item != null && !item.isEmpty()).map(i -> i.get("status").s()).toList();
    }

    static TicketLeaf sell(String drawId, String ticketId, String selection, long stake) {
        Ticket ticket = new Ticket(new TicketId(ticketId), PlayerId.derive("https://players.example.com", ticketId), "4d-jakarta", 1, "IDR",
                List.of(new PricedLine("FOUR_D", selection, stake, stake, OptionalLong.empty(), 0, 0, 0)), Instant.now());
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.TICKETS.defaultName())
                .item(TicketItems.item(ticket, new AuditStamp("test", new RequestId("sell-" + ticketId)))));
        return ticket.leaf();
    }

    @Inject
    io.fairdraw.platform.draws.SealTrees trees;

    @Test
    void aDrawOpensClosesSealsAndExecutesOnceAndTheIndependentVerifierAgrees() throws Exception {
        String drawTime = "2026-11-23T14:00:00Z"; // 21:00 in Jakarta
        String drawId = "4d-jakarta-20261123T2100";
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));

        assertThat(outcome(fire(GAME, "OPEN", drawTime))).isEqualTo("DONE");
        String commitment = draw(drawId).get("commitment").s();
        // The catalogue keeps seven draws of 4D Jakarta on sale: the next day's goes on sale too, with its own commitment.
        String following = "4d-jakarta-20261124T2100";
        String followingCommitment = draw(following).get("commitment").s();
        assertThat(followingCommitment).isNotEqualTo(commitment);
        assertThat(outcome(fire(GAME, "OPEN", drawTime))).isEqualTo("ALREADY_DONE");
        assertThat(draw(drawId).get("commitment").s()).isEqualTo(commitment);
        assertThat(draw(following).get("commitment").s()).isEqualTo(followingCommitment);
        assertThat(gates(following)).hasSize(Draws.GATE_SHARDS).containsOnly("OPEN");
        assertThat(gates(drawId)).hasSize(Draws.GATE_SHARDS).containsOnly("OPEN");
        assertThat(draw(drawId)).doesNotContainKey("seed");

        List<TicketLeaf> sold = new ArrayList<>(List.of(sell(drawId, drawId + ".b" + "0".repeat(31), "1234", 10_000),
                sell(drawId, drawId + ".a" + "0".repeat(31), "0007", 20_000), sell(drawId, drawId + ".c" + "0".repeat(31), "9999", 5_000)));
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("REJECTED");
        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("REJECTED");
        // The scheduler fires CLOSE and SEAL at the cut-off, not at the draw time: the step finds its draw.
        assertThat(outcome(fire(GAME, "CLOSE", "2026-11-23T13:45:00Z"))).isEqualTo("NOT_YET");
        assertThat(outcome(fire(GAME, "CLOSE", drawTime))).isEqualTo("NOT_YET");
        assertThat(draw(drawId).get("status").s()).isEqualTo("OPEN");

        clock.set(Instant.parse("2026-11-23T13:45:00Z")); // the cut-off
        assertThat(outcome(fire(GAME, "CLOSE", "2026-11-23T13:45:00Z"))).isEqualTo("DONE");
        assertThat(gates(drawId)).containsOnly("CLOSED");
        assertThat(outcome(fire(GAME, "CLOSE", drawTime))).isEqualTo("ALREADY_DONE");

        // Tests seal in chunks of two leaves and stop after every chunk: three tickets take two invocations.
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("IN_PROGRESS");
        assertThat(draw(drawId).get("status").s()).isEqualTo("CLOSED");
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("DONE");
        sold.sort(TicketLeaf.CANONICAL_ORDER);
        List<byte[]> hashes = sold.stream().map(t -> MerkleTree.leafHash(t.bytes())).toList();
        var sealed = draw(drawId);
        assertThat(sealed.get("root").s()).isEqualTo(HEX.formatHex(MerkleTree.root(hashes)));
        assertThat(sealed.get("leafCount").n()).isEqualTo("3");
        assertThat(sealed.get("totalStakeMinor").n()).isEqualTo("35000");
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("ALREADY_DONE");

        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("NOT_YET");
        clock.set(Instant.parse(sealed.get("sealDeadline").s()));
        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("DONE");
        var drawn = draw(drawId);
        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("ALREADY_DONE");
        // The execute schedule fires again minutes later for late beacon rounds: it names the same draw.
        assertThat(fire(GAME, "EXECUTE", "2026-11-23T14:05:00Z").get("drawId").asText()).isEqualTo(drawId);
        assertThat(outcome(fire(GAME, "EXECUTE", "2026-11-23T14:05:00Z"))).isEqualTo("ALREADY_DONE");
        assertThat(draw(drawId)).isEqualTo(drawn);

        byte[] seed = HEX.parseHex(drawn.get("seed").s());
        assertThat(HEX.formatHex(Commitment.of(drawId, drawn.get("beaconChain").s(), Long.parseLong(drawn.get("beaconRound").n()), seed)))
                .isEqualTo(commitment);
        int[] digits = new OutcomeStream(seed, drawId, MerkleTree.root(hashes), HEX.parseHex(drawn.get("beaconRandomness").s())).fourD();
        assertThat(drawn.get("numbers").l().stream().map(n -> Integer.parseInt(n.n())).toList())
                .containsExactly(digits[0], digits[1], digits[2], digits[3]);

        assertThat(FairnessVerifier.verify(published(drawn, sold, hashes), "--allow-local-beacon")).isEqualTo("1 passed, 0 failed");
        assertThat(FairnessVerifier.verify(published(drawn, sold, hashes))).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void aLargeSealResumesChunkByChunkToTheRootOfEveryTicketAndServesProofsFromTheStoredTree() {
        String drawTime = "2026-12-01T14:00:00Z";
        String drawId = "4d-jakarta-20261201T2100";
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        fire(GAME, "OPEN", drawTime);
        List<TicketLeaf> sold = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 101; i++) {
            String id = drawId + "." + String.format("%032x", new java.math.BigInteger(128, random));
            sold.add(sell(drawId, id, String.format("%04d", random.nextInt(10_000)), 1_000 * (1 + random.nextInt(50))));
        }
        clock.set(Instant.parse("2026-12-01T13:45:00Z"));
        fire(GAME, "CLOSE", drawTime);
        int invocations = 1;
        while (outcome(fire(GAME, "SEAL", drawTime)).equals("IN_PROGRESS")) {
            invocations++;
        }
        assertThat(invocations).isEqualTo(51);
        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("ALREADY_DONE");

        sold.sort(TicketLeaf.CANONICAL_ORDER);
        List<byte[]> hashes = sold.stream().map(t -> MerkleTree.leafHash(t.bytes())).toList();
        byte[] root = MerkleTree.root(hashes);
        assertThat(draw(drawId).get("root").s()).isEqualTo(HEX.formatHex(root));
        assertThat(draw(drawId).get("leafCount").n()).isEqualTo("101");
        assertThat(draw(drawId).get("totalStakeMinor").n()).isEqualTo(Long.toString(sold.stream().mapToLong(TicketLeaf::pricePaidMinor).sum()));
        for (int i : new int[] {0, 1, 2, 50, 63, 64, 99, 100}) {
            var inclusion = trees.inclusion(drawId, sold.get(i).ticketId(), hashes.get(i)).orElseThrow();
            assertThat(inclusion.index()).isEqualTo(i);
            assertThat(inclusion.path()).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(MerkleTree.proof(hashes, i));
            assertThat(MerkleTree.verify(hashes.get(i), i, 101, inclusion.path(), root)).isTrue();
        }
        assertThat(trees.inclusion(drawId, sold.get(5).ticketId(), hashes.get(6))).isEmpty();
    }

    @Test
    void anOpenStepAfterItsDrawsCutOffNeverPutsThatDrawOnSale() {
        // The OPEN step of 20 December's draw arrives late, between its cut-off (13:45) and its draw (14:00).
        clock.set(Instant.parse("2026-12-20T13:50:00Z"));
        var answer = fire(GAME, "OPEN", "2026-12-20T13:50:00Z");
        assertThat(outcome(answer)).isEqualTo("DONE");
        assertThat(draw("4d-jakarta-20261220T2100")).as("sales of that draw are over").isEmpty();
        // It opens from the first draw whose cut-off is ahead, and the catalogue's seven draws on sale still hold.
        for (int day = 21; day <= 27; day++) {
            assertThat(draw("4d-jakarta-202612" + day + "T2100").get("status").s()).as("20 + %d December", day - 20).isEqualTo("OPEN");
        }
        assertThat(draw("4d-jakarta-20261228T2100")).isEmpty();
        // The close step of the skipped draw finds nothing to close and changes nothing.
        assertThat(outcome(fire(GAME, "CLOSE", "2026-12-20T13:45:00Z"))).isEqualTo("REJECTED");
        assertThat(draw("4d-jakarta-20261220T2100")).isEmpty();
    }

    @Test
    void aSealThatMissesItsDeadlineVoidsTheDraw() {
        // A day no other test opens: a later-dated test's catch-up would take an open draw of another's through its missed steps.
        String drawTime = "2026-11-05T14:00:00Z";
        String drawId = "4d-jakarta-20261105T2100";
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        fire(GAME, "OPEN", drawTime);
        clock.set(Instant.parse("2026-11-05T13:46:00Z"));
        fire(GAME, "CLOSE", drawTime);
        clock.set(Instant.parse(draw(drawId).get("sealDeadline").s()).plus(Duration.ofSeconds(1)));

        assertThat(outcome(fire(GAME, "SEAL", drawTime))).isEqualTo("VOIDED");
        assertThat(draw(drawId).get("status").s()).isEqualTo("VOIDED");
        assertThat(draw(drawId).get("voidReason").s()).isEqualTo("SEAL_DEADLINE");
        assertThat(outcome(fire(GAME, "EXECUTE", drawTime))).isEqualTo("ALREADY_DONE");
        assertThat(draw(drawId)).doesNotContainKey("seed");
    }

    /**
     * The scheduler was down across two draws of Lotto 6/49 (the one game no other test here
     * draws): one sealed but never executed, one never even closed. The first firing after their
     * beacon deadlines takes each through what it missed, in order and by the rules the missed
     * firings would have applied: the sealed draw is drawn on its committed round, the other is
     * voided because its seal can no longer come before its round. A second firing changes nothing.
     */
    @Test
    void afterDowntimeTheNextFiringCatchesUpEveryDrawThatMissedItsSteps() {
        String lotto = "lotto-6-49";
        String sealedButNeverDrawn = "lotto-6-49-20261202T2000"; // Wednesday 2 December, 13:00 UTC
        String neverClosed = "lotto-6-49-20261205T2000";
        clock.set(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(outcome(fire(lotto, "OPEN", "2026-12-02T06:00:00Z"))).isEqualTo("DONE");
        assertThat(draw(neverClosed).get("status").s()).isEqualTo("OPEN");
        clock.set(Instant.parse("2026-12-02T12:31:00Z"));
        assertThat(outcome(fire(lotto, "CLOSE", "2026-12-02T12:30:00Z"))).isEqualTo("DONE");
        assertThat(outcome(fire(lotto, "SEAL", "2026-12-02T12:31:00Z"))).isEqualTo("DONE");
        // Down from here until the morning of 9 December: no EXECUTE of the 2nd, no step at all of the 5th.
        clock.set(Instant.parse("2026-12-09T06:00:00Z"));
        assertThat(outcome(fire(lotto, "OPEN", "2026-12-09T06:00:00Z"))).isIn("DONE", "ALREADY_DONE");

        var drawn = draw(sealedButNeverDrawn);
        assertThat(drawn.get("status").s()).isEqualTo("COMPLETED");
        assertThat(drawn.get("numbers").l()).hasSize(6);
        assertThat(Commitment.of(sealedButNeverDrawn, drawn.get("beaconChain").s(), Long.parseLong(drawn.get("beaconRound").n()),
                HEX.parseHex(drawn.get("seed").s()))).isEqualTo(HEX.parseHex(drawn.get("commitment").s()));
        var voided = draw(neverClosed);
        assertThat(voided.get("status").s()).isEqualTo("VOIDED");
        assertThat(voided.get("voidReason").s()).isEqualTo("SEAL_DEADLINE");
        assertThat(voided).doesNotContainKey("seed");
        assertThat(gates(neverClosed)).as("no ticket can be sold for it").containsOnly("CLOSED");

        clock.set(Instant.parse("2026-12-09T06:05:00Z"));
        fire(lotto, "OPEN", "2026-12-09T06:05:00Z");
        assertThat(draw(sealedButNeverDrawn).get("numbers")).isEqualTo(drawn.get("numbers"));
        assertThat(draw(neverClosed).get("status").s()).isEqualTo("VOIDED");
    }

    @Test
    void malformedAndUnknownEventsAreRejectedAndChangeNothing() {
        int before = LocalDynamo.shared().client().scan(b -> b.tableName(Table.DRAWS.defaultName())).count();
        for (String event : List.of("{}", "{\"gameId\":\"4d-jakarta\"}", "{\"gameId\":\"4d-jakarta\",\"step\":\"OPEN\"}",
                "{\"gameId\":\"4d-jakarta\",\"step\":\"DANCE\",\"scheduledTime\":\"2026-11-25T14:00:00Z\"}",
                "{\"gameId\":\"4d-jakarta\",\"step\":\"OPEN\",\"scheduledTime\":\"tomorrow\"}",
                "{\"gameId\":42,\"step\":\"OPEN\",\"scheduledTime\":\"2026-11-25T14:00:00Z\"}",
                "{\"gameId\":\"5d-nowhere\",\"step\":\"OPEN\",\"scheduledTime\":\"2026-11-25T14:00:00Z\"}")) {
            assertThat(outcome(fire(event))).as(event).isEqualTo("REJECTED");
        }
        assertThat(LocalDynamo.shared().client().scan(b -> b.tableName(Table.DRAWS.defaultName())).count()).isEqualTo(before);
    }

    /** The draw as the public API will publish it (SPEC §7), with every ticket's inclusion proof. */
    private static ArrayNode published(Map<String, AttributeValue> drawn, List<TicketLeaf> sold, List<byte[]> hashes) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode draw = json.createObjectNode();
        draw.put("specVersion", 1).put("drawId", drawn.get("pk").s()).put("commitment", drawn.get("commitment").s());
        draw.putObject("game").put("type", "4D");
        draw.putObject("beacon").put("chainHash", drawn.get("beaconChain").s()).put("round", Long.parseLong(drawn.get("beaconRound").n()))
                .put("signature", drawn.get("beaconSignature").s()).put("randomness", drawn.get("beaconRandomness").s());
        draw.putObject("seal").put("leafCount", Long.parseLong(drawn.get("leafCount").n())).put("currency", "IDR")
                .put("totalStakeMinor", Long.parseLong(drawn.get("totalStakeMinor").n())).put("root", drawn.get("root").s())
                .put("headerHash", drawn.get("headerHash").s());
        draw.put("seed", drawn.get("seed").s());
        ArrayNode numbers = draw.putArray("numbers");
        drawn.get("numbers").l().forEach(n -> numbers.add(Integer.parseInt(n.n())));
        ArrayNode tickets = draw.putArray("tickets");
        for (int i = 0; i < sold.size(); i++) {
            TicketLeaf leaf = sold.get(i);
            ObjectNode ticket = tickets.addObject().put("ticketId", leaf.ticketId()).put("currency", leaf.currency())
                    .put("pricePaidMinor", leaf.pricePaidMinor());
            ArrayNode lines = ticket.putArray("lines");
            leaf.lines().forEach(l -> lines.addObject().put("betType", l.betType()).put("selection", l.selection()).put("stakeMinor", l.stakeMinor()));
            ticket.put("index", i);
            ArrayNode proof = ticket.putArray("proof");
            MerkleTree.proof(hashes, i).forEach(p -> proof.add(HEX.formatHex(p)));
        }
        return json.createArrayNode().add(draw);
    }
}
