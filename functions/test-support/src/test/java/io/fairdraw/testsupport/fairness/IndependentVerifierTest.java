package io.fairdraw.testsupport.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.testsupport.FairnessVerifier;
import org.junit.jupiter.api.Test;

/**
 * The platform's fairness implementation and the independent verifier in docs/fairness (Node,
 * no shared code) agree on 1,000 generated draws that use real recorded drand rounds, and the
 * verifier rejects every tampered one. Needs Node.js and `npm ci` in docs/fairness, which
 * bin/test runs first.
 */
class IndependentVerifierTest {
    private static final int DRAWS = 1_000;
    private final PublishedDraws generator = new PublishedDraws();

    @Test
    void theIndependentVerifierAcceptsAThousandDraws() throws Exception {
        ArrayNode draws = generator.generate(DRAWS, 20261123L);
        assertThat(generator.beaconCount()).isGreaterThan(10);
        assertThat(verify(draws)).isEqualTo(DRAWS + " passed, 0 failed");
    }

    @Test
    void theIndependentVerifierRejectsEveryTamperedDraw() throws Exception {
        ArrayNode draws = generator.generate(12, 7L);
        ArrayNode tampered = PublishedDraws.JSON.createArrayNode();
        tampered.add(flipHex((ObjectNode) draws.get(0).deepCopy(), "seed"));
        ObjectNode wrongNumber = (ObjectNode) draws.get(1).deepCopy();
        ArrayNode numbers = (ArrayNode) wrongNumber.get("numbers");
        numbers.set(0, numbers.get(0).asInt() == 9 ? 8 : numbers.get(0).asInt() + 1);
        tampered.add(wrongNumber);
        ObjectNode wrongRoot = (ObjectNode) draws.get(2).deepCopy();
        flipHex((ObjectNode) wrongRoot.get("seal"), "root");
        tampered.add(wrongRoot);
        ObjectNode wrongSignature = (ObjectNode) draws.get(3).deepCopy();
        flipHex((ObjectNode) wrongSignature.get("beacon"), "signature");
        tampered.add(wrongSignature);
        ObjectNode wrongRound = (ObjectNode) draws.get(4).deepCopy();
        ((ObjectNode) wrongRound.get("beacon")).put("round", wrongRound.get("beacon").get("round").asLong() + 1);
        tampered.add(wrongRound);
        ObjectNode wrongTicket = withTickets(draws);
        ObjectNode ticket = (ObjectNode) wrongTicket.get("tickets").get(0);
        ticket.put("pricePaidMinor", ticket.get("pricePaidMinor").asLong() + 1);
        tampered.add(wrongTicket);

        assertThat(verify(tampered)).isEqualTo("0 passed, 6 failed");
    }

    private static ObjectNode withTickets(ArrayNode draws) {
        for (int i = 5; i < draws.size(); i++) {
            if (!draws.get(i).get("tickets").isEmpty()) {
                return (ObjectNode) draws.get(i).deepCopy();
            }
        }
        throw new IllegalStateException("no generated draw carries a ticket to tamper with");
    }

    private static ObjectNode flipHex(ObjectNode node, String field) {
        String hex = node.get(field).asText();
        char first = hex.charAt(0);
        node.put(field, (first == '0' ? '1' : '0') + hex.substring(1));
        return node;
    }

    private static String verify(ArrayNode draws) throws Exception {
        return FairnessVerifier.verify(draws);
    }
}
