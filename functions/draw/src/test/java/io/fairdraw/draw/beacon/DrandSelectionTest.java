package io.fairdraw.draw.beacon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fairdraw.draw.beacon.RecordedDrand.QUICKNET;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.fairdraw.draw.BeaconSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fairdraw.draw.beacon=drand} in the run-time configuration, as Terraform sets it, makes the
 * function's beacon the drand client on the configured relays, in order. The relays are a refused
 * port and a WireMock serving recorded quicknet.
 */
@QuarkusTest
@TestProfile(DrandSelectionTest.Drand.class)
class DrandSelectionTest {

    public static class Drand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fairdraw.draw.beacon", "drand", "fairdraw.draw.drand.chain-hash", QUICKNET.chainHash(),
                    "fairdraw.draw.drand.period-seconds", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Relays.class));
        }
    }

    /** A refused relay first, then one serving quicknet's information and round 1000. */
    public static class Relays implements QuarkusTestResourceLifecycleManager {
        /** The serving relay, for tests of this profile that serve a round late (BeaconOutageTest). */
        static volatile WireMockServer serving;
        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            serving = server;
            server.start();
            server.stubFor(get(urlEqualTo("/" + QUICKNET.chainHash() + "/info")).willReturn(RecordedDrand.json(QUICKNET.info().toString())));
            server.stubFor(get(urlEqualTo("/" + QUICKNET.chainHash() + "/public/1000"))
                    .willReturn(RecordedDrand.json(QUICKNET.answer(1000).toString())));
            return Map.of("fairdraw.draw.drand.urls", RecordedDrand.refusingRelay() + "," + server.baseUrl());
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    @Inject
    BeaconSource beacon;

    @Test
    void theBeaconIsDrandOnTheConfiguredChainAndRelays() {
        assertThat(beacon).isInstanceOf(DrandBeacon.class);
        assertThat(beacon.chainHash()).isEqualTo(QUICKNET.chainHash());
        assertThat(beacon.periodSeconds()).isEqualTo(3);
        assertThat(beacon.genesisSeconds()).isEqualTo(QUICKNET.genesisSeconds());
        assertThat(beacon.round(1000, Instant.now())).map(BeaconSource.Round::randomness)
                .contains(QUICKNET.recordedRound(1000).get("randomness").asText());
    }
}
