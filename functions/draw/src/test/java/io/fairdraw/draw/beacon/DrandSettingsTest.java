package io.fairdraw.draw.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Selecting drand without a usable chain hash or relay stops the function, naming every key that is wrong. */
class DrandSettingsTest {
    private static final String QUICKNET = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

    record Config(Optional<String> chainHash, Optional<List<String>> urls, OptionalLong genesisSeconds, OptionalLong periodSeconds,
            Duration connectTimeout, Duration readTimeout, Duration maxRelayLag) implements DrandConfig {
        static Config of(String chainHash, List<String> urls) {
            return new Config(Optional.ofNullable(chainHash), Optional.ofNullable(urls), OptionalLong.empty(), OptionalLong.empty(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30));
        }
    }

    @Test
    void theConfiguredRelaysAreKeptInOrderWithoutTrailingSlashes() {
        DrandSettings settings = DrandSettings.from(Config.of(" " + QUICKNET + " ",
                List.of("https://api.drand.sh/", " https://drand.cloudflare.com")));

        assertThat(settings.chainHash()).isEqualTo(QUICKNET);
        assertThat(settings.relays()).containsExactly(URI.create("https://api.drand.sh"), URI.create("https://drand.cloudflare.com"));
    }

    @Test
    void noChainHashAndNoRelayAreBothNamed() {
        assertThatThrownBy(() -> DrandSettings.from(Config.of(null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fairdraw.draw.drand.chain-hash is not 64 lowercase hex digits")
                .hasMessageContaining("fairdraw.draw.drand.urls names no relay");
    }

    @Test
    void theLocalBeaconsChainHashIsNotADrandChain() {
        assertThatThrownBy(() -> DrandSettings.from(Config.of("0".repeat(64), List.of("https://api.drand.sh"))))
                .hasMessageContaining("fairdraw.draw.drand.chain-hash is the local beacon's");
    }

    @Test
    void aRelayMustBeAnHttpBaseUrl() {
        for (String url : List.of("api.drand.sh", "ftp://api.drand.sh", "https://api.drand.sh?round=1", "https://api.drand.sh/#x")) {
            assertThatThrownBy(() -> DrandSettings.from(Config.of(QUICKNET, List.of(url))))
                    .as(url)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fairdraw.draw.drand.urls");
        }
    }

    @Test
    void timesAndTimeoutsArePositive() {
        Config zero = new Config(Optional.of(QUICKNET), Optional.of(List.of("https://api.drand.sh")), OptionalLong.of(0), OptionalLong.of(0),
                Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(-1));

        assertThatThrownBy(() -> DrandSettings.from(zero))
                .hasMessageContaining("genesis-seconds is not a positive unix time")
                .hasMessageContaining("period-seconds is not positive")
                .hasMessageContaining("connect-timeout or read-timeout is not positive")
                .hasMessageContaining("max-relay-lag is negative");
    }
}
