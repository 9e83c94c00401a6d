package io.fairdraw.draw.beacon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * drand's settings under {@code fairdraw.draw.drand}. The chain hash and relays are optional here
 * so that a laptop on the local beacon starts; {@link DrandSettings} insists on them once drand is
 * selected.
 */
@ConfigMapping(prefix = "fairdraw.draw.drand")
public interface DrandConfig {
    /** The chain every draw is bound to, 64 hex digits; the trust anchor for everything a relay says. */
    Optional<String> chainHash();

    /** Relay base URLs, tried in order. */
    Optional<List<String>> urls();

    /** Expected genesis time of the chain; when set, checked against the chain's information. */
    OptionalLong genesisSeconds();

    /** Expected period of the chain; when set, checked against the chain's information. */
    OptionalLong periodSeconds();

    @WithDefault("2s")
    Duration connectTimeout();

    /** How long one relay may take to answer, once connected. */
    @WithDefault("5s")
    Duration readTimeout();

    /**
     * How long after a round's time a relay may still answer that it does not have the round
     * (404 or 425) and be believed; after that the answer counts as a failure, not as "not yet".
     */
    @WithDefault("30s")
    Duration maxRelayLag();
}
