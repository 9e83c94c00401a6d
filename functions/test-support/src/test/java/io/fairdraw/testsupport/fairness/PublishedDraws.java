package io.fairdraw.testsupport.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.fairness.Commitment;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.fairness.SealedHeader;
import io.fairdraw.model.fairness.TicketLeaf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Generates complete published draws (SPEC §7) with the platform's implementation: seeded tickets,
 * their tree and seal, a real recorded drand round as beacon, the numbers, and some tickets'
 * inclusion proofs. The independent verifier must accept every one of them.
 */
final class PublishedDraws {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] BET_TYPES = {"4D", "3D", "2D_BACK", "COLOK_BEBAS"};

    private final List<JsonNode> beacons = new ArrayList<>();

    PublishedDraws() {
        try (InputStream in = PublishedDraws.class.getClassLoader().getResourceAsStream("drand/rounds.json")) {
            JsonNode networks = JSON.readTree(in).get("networks");
            for (String network : List.of("quicknet", "mainnet")) {
                JsonNode chain = networks.get(network);
                for (JsonNode round : chain.get("rounds")) {
                    ObjectNode beacon = JSON.createObjectNode();
                    beacon.put("chainHash", chain.get("chain_hash").asText());
                    beacon.put("round", round.get("round").asLong());
                    beacon.put("signature", round.get("signature").asText());
                    if (round.hasNonNull("previous_signature")) {
                        beacon.put("previousSignature", round.get("previous_signature").asText());
                    }
                    beacon.put("randomness", round.get("randomness").asText());
                    beacons.add(beacon);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int beaconCount() {
        return beacons.size();
    }

    ArrayNode generate(int count, long seed) {
        ArrayNode draws = JSON.createArrayNode();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            draws.add(draw(i, random));
        }
        return draws;
    }

    private ObjectNode draw(int index, Random random) {
        boolean lotto = index % 3 == 2;
        String drawId = (lotto ? "lotto-6-49-" : "4d-jakarta-") + String.format("2026%04dT2100", index);
        byte[] seed = Encoding.sha256(("seed-" + index).getBytes(StandardCharsets.UTF_8));
        JsonNode beacon = beacons.get(index % beacons.size());
        List<TicketLeaf> tickets = tickets(drawId, random.nextInt(12), random);
        List<byte[]> hashes = tickets.stream().map(t -> MerkleTree.leafHash(t.bytes())).toList();
        byte[] root = MerkleTree.root(hashes);
        long total = tickets.stream().mapToLong(TicketLeaf::pricePaidMinor).sum();
        SealedHeader header = new SealedHeader(drawId, tickets.size(), "IDR", total, root);
        OutcomeStream stream = new OutcomeStream(seed, drawId, root, HEX.parseHex(beacon.get("randomness").asText()));

        ObjectNode draw = JSON.createObjectNode();
        draw.put("specVersion", 1);
        draw.put("drawId", drawId);
        ObjectNode game = draw.putObject("game");
        ArrayNode numbers = JSON.createArrayNode();
        if (lotto) {
            game.put("type", "LOTTO").put("pick", 6).put("of", 49);
            stream.lotto(6, 49).forEach(numbers::add);
        } else {
            game.put("type", "4D");
            for (int digit : stream.fourD()) {
                numbers.add(digit);
            }
        }
        draw.put("commitment", HEX.formatHex(Commitment.of(drawId, beacon.get("chainHash").asText(), beacon.get("round").asLong(), seed)));
        draw.set("beacon", beacon.deepCopy());
        ObjectNode seal = draw.putObject("seal");
        seal.put("leafCount", tickets.size()).put("currency", "IDR").put("totalStakeMinor", total)
                .put("root", HEX.formatHex(root)).put("headerHash", HEX.formatHex(header.hash()));
        draw.put("seed", HEX.formatHex(seed));
        draw.set("numbers", numbers);
        ArrayNode proofs = draw.putArray("tickets");
        for (int t = 0; t < tickets.size(); t += 4) {
            proofs.add(ticket(tickets.get(t), t, MerkleTree.proof(hashes, t)));
        }
        return draw;
    }

    private static List<TicketLeaf> tickets(String drawId, int count, Random random) {
        List<TicketLeaf> tickets = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            List<TicketLeaf.Line> lines = new ArrayList<>();
            long price = 0;
            for (int l = 0; l <= random.nextInt(3); l++) {
                long stake = 1_000L * (1 + random.nextInt(50));
                lines.add(new TicketLeaf.Line(BET_TYPES[random.nextInt(BET_TYPES.length)], String.format("%04d", random.nextInt(10_000)), stake));
                price += stake;
            }
            tickets.add(new TicketLeaf("tk_" + Long.toHexString(random.nextLong()), drawId, "IDR", price, lines));
        }
        tickets.sort(TicketLeaf.CANONICAL_ORDER);
        return tickets;
    }

    private static ObjectNode ticket(TicketLeaf leaf, int index, List<byte[]> proof) {
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("ticketId", leaf.ticketId()).put("currency", leaf.currency()).put("pricePaidMinor", leaf.pricePaidMinor());
        ArrayNode lines = ticket.putArray("lines");
        for (TicketLeaf.Line line : leaf.lines()) {
            lines.addObject().put("betType", line.betType()).put("selection", line.selection()).put("stakeMinor", line.stakeMinor());
        }
        ticket.put("index", index);
        ArrayNode path = ticket.putArray("proof");
        proof.forEach(p -> path.add(HEX.formatHex(p)));
        return ticket;
    }
}
