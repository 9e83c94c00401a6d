package io.fairdraw.draw.beacon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * drand relays serving the real rounds recorded in test-support's {@code drand/rounds.json}: one
 * WireMock server on a loopback port for the test class, reset before each test. Relays are told
 * apart by a path prefix ({@code /a}, {@code /b}, ...), each a base URL of its own. Register it as
 * a static field with {@code @RegisterExtension}.
 */
final class RecordedDrand implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NETWORKS = load();
    static final Network QUICKNET = new Network(NETWORKS.get("quicknet"));
    static final Network MAINNET = new Network(NETWORKS.get("mainnet"));

    private WireMockServer server;

    /** One recorded network: its chain information and rounds, as rounds.json has them. */
    record Network(JsonNode recorded) {
        String chainHash() {
            return recorded.get("chain_hash").asText();
        }

        long genesisSeconds() {
            return recorded.get("genesis_time").asLong();
        }

        long periodSeconds() {
            return recorded.get("period").asLong();
        }

        Instant timeOf(long round) {
            return Instant.ofEpochSecond(genesisSeconds() + (round - 1) * periodSeconds());
        }

        List<JsonNode> rounds() {
            List<JsonNode> rounds = new ArrayList<>();
            recorded.get("rounds").forEach(rounds::add);
            return rounds;
        }

        JsonNode recordedRound(long round) {
            return rounds().stream().filter(r -> r.get("round").asLong() == round).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("round " + round + " is not recorded"));
        }

        /** The chain information as a relay serves it at /{chainHash}/info (drand's v1 HTTP API). */
        ObjectNode info() {
            ObjectNode info = JSON.createObjectNode()
                    .put("public_key", recorded.get("public_key").asText())
                    .put("period", periodSeconds())
                    .put("genesis_time", genesisSeconds())
                    .put("hash", chainHash())
                    .put("groupHash", recorded.get("groupHash").asText())
                    .put("schemeID", recorded.get("schemeID").asText());
            info.putObject("metadata").put("beaconID", recorded.get("beaconID").asText());
            return info;
        }

        /** A recorded round as a relay serves it at /{chainHash}/public/{round}. */
        ObjectNode answer(long round) {
            JsonNode recordedRound = recordedRound(round);
            ObjectNode answer = JSON.createObjectNode().put("round", round)
                    .put("randomness", recordedRound.get("randomness").asText())
                    .put("signature", recordedRound.get("signature").asText());
            if (recordedRound.hasNonNull("previous_signature")) {
                answer.put("previous_signature", recordedRound.get("previous_signature").asText());
            }
            return answer;
        }

        /** Settings for these relays with the usual timeouts, the genesis time and period left to the chain's information. */
        DrandSettings settings(List<URI> relays) {
            return new DrandSettings(chainHash(), relays, OptionalLong.empty(), OptionalLong.empty(), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        DrandSettings settingsWithTimes(List<URI> relays) {
            DrandSettings plain = settings(relays);
            return new DrandSettings(plain.chainHash(), plain.relays(), OptionalLong.of(genesisSeconds()), OptionalLong.of(periodSeconds()),
                    plain.connectTimeout(), plain.readTimeout(), plain.maxRelayLag());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
    }

    WireMockServer server() {
        return server;
    }

    URI relay(String name) {
        return URI.create(server.baseUrl() + "/" + name);
    }

    void serveInfo(String relay, Network network) {
        serveInfo(relay, network, UnaryOperator.identity());
    }

    void serveInfo(String relay, Network network, UnaryOperator<ObjectNode> change) {
        serve(infoPath(relay, network), json(change.apply(network.info()).toString()));
    }

    void serveRecordedRounds(String relay, Network network) {
        network.rounds().forEach(r -> serveRound(relay, network, r.get("round").asLong(), json(network.answer(r.get("round").asLong()).toString())));
    }

    void serveRound(String relay, Network network, long round, ResponseDefinitionBuilder response) {
        serve(roundPath(relay, network, round), response);
    }

    static String infoPath(String relay, Network network) {
        return "/" + relay + "/" + network.chainHash() + "/info";
    }

    static String roundPath(String relay, Network network, long round) {
        return "/" + relay + "/" + network.chainHash() + "/public/" + round;
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A loopback URL nothing listens on: connections to it are refused. */
    static URI refusingRelay() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlEqualTo(path)).willReturn(response));
    }

    private static JsonNode load() {
        try (InputStream in = RecordedDrand.class.getClassLoader().getResourceAsStream("drand/rounds.json")) {
            return JSON.readTree(in).get("networks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
