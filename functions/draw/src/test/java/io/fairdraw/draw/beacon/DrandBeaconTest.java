package io.fairdraw.draw.beacon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.fairdraw.draw.beacon.RecordedDrand.MAINNET;
import static io.fairdraw.draw.beacon.RecordedDrand.QUICKNET;
import static io.fairdraw.draw.beacon.RecordedDrand.infoPath;
import static io.fairdraw.draw.beacon.RecordedDrand.json;
import static io.fairdraw.draw.beacon.RecordedDrand.roundPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.draw.BeaconSource.Round;
import io.fairdraw.draw.beacon.RecordedDrand.Network;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drand client against relays serving real recorded rounds. What matters most: a round is
 * returned only as drand published it; anything else, or no relay at all, fails loudly instead of
 * passing for "not yet".
 */
class DrandBeaconTest {
    private static final long ROUND = 72785;
    @RegisterExtension
    static final RecordedDrand RELAYS = new RecordedDrand();

    @Test
    void everyRecordedQuicknetRoundIsReturnedAsDrandPublishedIt() {
        RELAYS.serveInfo("a", QUICKNET);
        RELAYS.serveRecordedRounds("a", QUICKNET);
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

        for (JsonNode recorded : QUICKNET.rounds()) {
            long round = recorded.get("round").asLong();
            assertThat(beacon.round(round, QUICKNET.timeOf(round))).as("round %d", round)
                    .contains(new Round(round, recorded.get("signature").asText(), null, recorded.get("randomness").asText()));
        }
        RELAYS.server().verify(1, getRequestedFor(urlEqualTo(infoPath("a", QUICKNET))));
    }

    @Test
    void everyRecordedMainnetRoundCarriesItsPreviousSignatureRoundOneTheGenesisSeed() {
        RELAYS.serveInfo("a", MAINNET);
        RELAYS.serveRecordedRounds("a", MAINNET);
        DrandBeacon beacon = new DrandBeacon(MAINNET.settings(List.of(RELAYS.relay("a"))));

        for (JsonNode recorded : MAINNET.rounds()) {
            long round = recorded.get("round").asLong();
            assertThat(beacon.round(round, MAINNET.timeOf(round).plusSeconds(600))).as("round %d", round)
                    .contains(new Round(round, recorded.get("signature").asText(), recorded.get("previous_signature").asText(),
                            recorded.get("randomness").asText()));
        }
    }

    @Test
    void theGenesisAndPeriodThatNameARoundComeFromTheCheckedChainInformationFetchedOnce() {
        RELAYS.serveInfo("a", QUICKNET);
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settingsWithTimes(List.of(RELAYS.relay("a"))));

        assertThat(beacon.chainHash()).isEqualTo("52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971");
        assertThat(beacon.genesisSeconds()).isEqualTo(1_692_803_367L);
        assertThat(beacon.periodSeconds()).isEqualTo(3);
        assertThat(beacon.genesisSeconds()).isEqualTo(1_692_803_367L);
        RELAYS.server().verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void bothRecordedChainsHashToTheirChainHash() throws RelayFailure {
        for (Network network : List.of(QUICKNET, MAINNET)) {
            assertThat(DrandChain.parse(network.info()).computedHash()).isEqualTo(network.chainHash());
        }
    }

    @Test
    void aRoundWhoseTimeHasNotComeIsNotYetAndNoRelayIsAsked() {
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settingsWithTimes(List.of(RELAYS.relay("a"))));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND).minusSeconds(1))).isEmpty();
        assertThat(beacon.round(ROUND + 1_000_000, QUICKNET.timeOf(ROUND))).isEmpty();
        RELAYS.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutConfiguredTimesAFutureRoundAsksForTheChainInformationOnceAndNeverForTheRound() {
        RELAYS.serveInfo("a", QUICKNET);
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND).minusSeconds(1))).isEmpty();
        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND).minusSeconds(1))).isEmpty();
        RELAYS.server().verify(1, anyRequestedFor(anyUrl()));
        RELAYS.server().verify(0, getRequestedFor(urlMatching(".*/public/.*")));
    }

    @Test
    void aRelayWithoutTheRoundShortlyAfterItsTimeMeansNotYet() {
        RELAYS.serveInfo("a", QUICKNET);
        RELAYS.serveRound("a", QUICKNET, ROUND, aResponse().withStatus(404));
        RELAYS.serveRound("a", QUICKNET, ROUND + 1, aResponse().withStatus(425));
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND).plusSeconds(5))).isEmpty();
        assertThat(beacon.round(ROUND + 1, QUICKNET.timeOf(ROUND + 1).plusSeconds(29))).isEmpty();
    }

    @Test
    void aRelayStillWithoutTheRoundAfterMaxRelayLagFailsTheStepInsteadOfWaitingForever() {
        RELAYS.serveInfo("a", QUICKNET);
        RELAYS.serveRound("a", QUICKNET, ROUND, aResponse().withStatus(404));
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

        assertThatThrownBy(() -> beacon.round(ROUND, QUICKNET.timeOf(ROUND).plusSeconds(30)))
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining("answered HTTP 404, 30 s after the round's time");
    }

    @Test
    void whenTheFirstRelayFailsTheSecondAnswers() {
        RELAYS.serveInfo("a", QUICKNET);
        RELAYS.serveRound("a", QUICKNET, ROUND, aResponse().withStatus(500));
        RELAYS.serveRecordedRounds("b", QUICKNET);
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"), RELAYS.relay("b"))));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND))).map(Round::randomness)
                .contains(QUICKNET.recordedRound(ROUND).get("randomness").asText());
        RELAYS.server().verify(1, getRequestedFor(urlEqualTo(roundPath("a", QUICKNET, ROUND))));
        RELAYS.server().verify(1, getRequestedFor(urlEqualTo(roundPath("b", QUICKNET, ROUND))));
    }

    @Test
    void aRelayThatRefusesConnectionsOrAnswersTooSlowlyIsPassedOver() {
        RELAYS.serveInfo("b", QUICKNET);
        RELAYS.serveRound("b", QUICKNET, ROUND, json(QUICKNET.answer(ROUND).toString()).withFixedDelay(4_000));
        RELAYS.serveRecordedRounds("c", QUICKNET);
        DrandSettings usual = QUICKNET.settings(List.of(RecordedDrand.refusingRelay(), RELAYS.relay("b"), RELAYS.relay("c")));
        DrandBeacon beacon = new DrandBeacon(new DrandSettings(usual.chainHash(), usual.relays(), usual.genesisSeconds(), usual.periodSeconds(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), usual.maxRelayLag()));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND))).map(Round::signature)
                .contains(QUICKNET.recordedRound(ROUND).get("signature").asText());
        RELAYS.server().verify(1, getRequestedFor(urlEqualTo(roundPath("b", QUICKNET, ROUND))));
        RELAYS.server().verify(1, getRequestedFor(urlEqualTo(roundPath("c", QUICKNET, ROUND))));
    }

    @Test
    void whenEveryRelayFailsTheStepFailsNamingEachRelayAndWhy() {
        RELAYS.serveInfo("a", QUICKNET);
        RELAYS.serveRound("a", QUICKNET, ROUND, aResponse().withStatus(500));
        RELAYS.serveRound("b", QUICKNET, ROUND, aResponse().withStatus(503));
        URI refusing = RecordedDrand.refusingRelay();
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"), RELAYS.relay("b"), refusing)));

        assertThatThrownBy(() -> beacon.round(ROUND, QUICKNET.timeOf(ROUND)))
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining("no drand relay gave round 72785 of chain " + QUICKNET.chainHash())
                .hasMessageContaining(RELAYS.relay("a") + ": answered HTTP 500")
                .hasMessageContaining(RELAYS.relay("b") + ": answered HTTP 503")
                .hasMessageContaining(refusing + ": unreachable");
    }

    @Test
    void noRelayReachableForTheChainInformationFailsTheStep() {
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RecordedDrand.refusingRelay(), RELAYS.relay("a"))));

        assertThatThrownBy(beacon::periodSeconds)
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining("no drand relay gave the information of chain " + QUICKNET.chainHash())
                .hasMessageContaining("unreachable")
                .hasMessageContaining("answered HTTP 404");
    }

    static Stream<Arguments> refusedAnswers() {
        String quicknetSignature = QUICKNET.recordedRound(ROUND).get("signature").asText();
        return Stream.of(
                refused("randomness changed", QUICKNET, 8, a -> a.put("randomness", flip(a.get("randomness").asText())).toString(),
                        "randomness is not the SHA-256 of its signature"),
                refused("signature changed", QUICKNET, 8, a -> a.put("signature", flip(a.get("signature").asText())).toString(),
                        "randomness is not the SHA-256 of its signature"),
                refused("another round", QUICKNET, 8, a -> QUICKNET.answer(10).toString(), "asked for round 8, answered round 10"),
                refused("round number changed", QUICKNET, 8, a -> a.put("round", 9).toString(), "asked for round 8, answered round 9"),
                refused("round as a string", QUICKNET, 8, a -> a.put("round", "8").toString(), "round is missing or not a whole number"),
                refused("a mainnet signature on quicknet", QUICKNET, ROUND, a -> MAINNET.answer(ROUND).toString(),
                        "signature is not 48 bytes of lowercase hex"),
                refused("a quicknet signature on mainnet", MAINNET, ROUND, a -> a.put("signature", quicknetSignature)
                        .put("randomness", QUICKNET.recordedRound(ROUND).get("randomness").asText()).toString(),
                        "signature is not 96 bytes of lowercase hex"),
                refused("upper-case hex", QUICKNET, 8, a -> a.put("signature", a.get("signature").asText().toUpperCase(Locale.ROOT)).toString(),
                        "signature is not 48 bytes of lowercase hex"),
                refused("not hex", QUICKNET, 8, a -> a.put("randomness", "z" + a.get("randomness").asText().substring(1)).toString(),
                        "randomness is not 32 bytes of lowercase hex"),
                refused("a truncated signature", QUICKNET, 8, a -> a.put("signature", a.get("signature").asText().substring(2)).toString(),
                        "signature is not 48 bytes of lowercase hex"),
                refused("no randomness", QUICKNET, 8, a -> a.without("randomness").toString(), "randomness is missing or not a string"),
                refused("not JSON", QUICKNET, 8, a -> "<html>Bad gateway</html>", "the answer is not JSON"),
                refused("truncated JSON", QUICKNET, 8, a -> a.toString().substring(0, 40), "the answer is not JSON"),
                refused("an empty body", QUICKNET, 8, a -> "", "the answer is not a JSON object"),
                refused("a JSON array", QUICKNET, 8, a -> "[" + a + "]", "the answer is not a JSON object"),
                refused("a duplicated key", QUICKNET, 8, a -> a.toString().replace("{", "{\"round\":9,"), "the answer is not JSON"),
                refused("trailing data", QUICKNET, 8, a -> a + " {}", "the answer is not JSON"),
                refused("mainnet without its previous signature", MAINNET, ROUND, a -> a.without("previous_signature").toString(),
                        "previous_signature is missing or not a string"),
                refused("mainnet with a short previous signature", MAINNET, ROUND,
                        a -> a.put("previous_signature", a.get("previous_signature").asText().substring(0, 64)).toString(),
                        "previous_signature is not 96 bytes of lowercase hex"),
                refused("mainnet round 1 not chained to the genesis seed", MAINNET, 1,
                        a -> a.put("previous_signature", flip(a.get("previous_signature").asText())).toString(),
                        "round 1's previous signature is not the chain's genesis seed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAnswers")
    void aTamperedOrMalformedAnswerIsRefusedNeverReturned(String change, Network network, long round, Function<ObjectNode, String> body,
            String reason) {
        RELAYS.serveInfo("a", network);
        RELAYS.serveRound("a", network, round, json(body.apply(network.answer(round))));
        DrandBeacon beacon = new DrandBeacon(network.settings(List.of(RELAYS.relay("a"))));

        assertThatThrownBy(() -> beacon.round(round, network.timeOf(round)))
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aRelayServingATamperedRoundIsPassedOverForAnHonestOne() {
        RELAYS.serveInfo("a", QUICKNET);
        ObjectNode tampered = QUICKNET.answer(ROUND);
        tampered.put("randomness", flip(tampered.get("randomness").asText()));
        RELAYS.serveRound("a", QUICKNET, ROUND, json(tampered.toString()));
        RELAYS.serveRecordedRounds("b", QUICKNET);
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"), RELAYS.relay("b"))));

        assertThat(beacon.round(ROUND, QUICKNET.timeOf(ROUND))).map(Round::randomness)
                .contains(QUICKNET.recordedRound(ROUND).get("randomness").asText());
    }

    @Test
    void aRelayServingAnotherChainIsRefusedBeforeAnyRoundIsAsked() {
        RELAYS.serveInfo("a", QUICKNET, info -> MAINNET.info());
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

        assertThatThrownBy(() -> beacon.round(ROUND, QUICKNET.timeOf(ROUND)))
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining("it serves chain " + MAINNET.chainHash() + ", not " + QUICKNET.chainHash());
        RELAYS.server().verify(0, getRequestedFor(urlMatching(".*/public/.*")));
    }

    @Test
    void chainInformationChangedUnderTheRightHashIsRefused() {
        for (Function<ObjectNode, ObjectNode> change : List.<Function<ObjectNode, ObjectNode>>of(
                info -> info.put("period", 30),
                info -> info.put("genesis_time", QUICKNET.genesisSeconds() - 3),
                info -> info.put("public_key", MAINNET.info().get("public_key").asText()).put("schemeID", "pedersen-bls-chained"))) {
            RELAYS.server().resetAll();
            RELAYS.serveInfo("a", QUICKNET, change::apply);
            DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"))));

            assertThatThrownBy(beacon::genesisSeconds)
                    .isInstanceOf(BeaconUnavailable.class)
                    .hasMessageContaining("its chain information does not hash to " + QUICKNET.chainHash());
        }
    }

    @Test
    void aSchemeTheVerifierDoesNotCheckOrAKeyOfTheWrongGroupIsRefused() {
        RELAYS.serveInfo("a", QUICKNET, info -> info.put("schemeID", "bls-unchained-on-g1"));
        RELAYS.serveInfo("b", QUICKNET, info -> info.put("schemeID", "pedersen-bls-chained"));
        DrandBeacon beacon = new DrandBeacon(QUICKNET.settings(List.of(RELAYS.relay("a"), RELAYS.relay("b"))));

        assertThatThrownBy(beacon::periodSeconds)
                .isInstanceOf(BeaconUnavailable.class)
                .hasMessageContaining("scheme bls-unchained-on-g1 is not one the verifier checks")
                .hasMessageContaining("public_key is not 48 bytes of lowercase hex");
    }

    @Test
    void aConfiguredGenesisOrPeriodThatIsNotTheChainsStopsTheBeacon() {
        RELAYS.serveInfo("a", QUICKNET);
        DrandSettings quicknet = QUICKNET.settingsWithTimes(List.of(RELAYS.relay("a")));
        DrandBeacon beacon = new DrandBeacon(new DrandSettings(quicknet.chainHash(), quicknet.relays(), quicknet.genesisSeconds(),
                OptionalLong.of(30), quicknet.connectTimeout(), quicknet.readTimeout(), quicknet.maxRelayLag()));

        assertThatThrownBy(beacon::genesisSeconds)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fairdraw.draw.drand.period-seconds is 30 but the chain's is 3");
    }

    private static Arguments refused(String change, Network network, long round, Function<ObjectNode, String> body, String reason) {
        return Arguments.of(change, network, round, body, reason);
    }

    /** The same hex with its last digit changed. */
    private static String flip(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }
}
