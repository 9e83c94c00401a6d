package io.fairdraw.draw.beacon;

import io.fairdraw.model.draw.Beacon;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@link DrandConfig} checked: a 64-hex chain hash that is not the local beacon's, at least one
 * absolute http(s) relay URL, positive times. Anything else fails the beacon's creation, naming
 * every key that is wrong.
 */
public record DrandSettings(String chainHash, List<URI> relays, OptionalLong genesisSeconds, OptionalLong periodSeconds,
        Duration connectTimeout, Duration readTimeout, Duration maxRelayLag) {
    private static final String PREFIX = "fairdraw.draw.drand.";
    private static final Pattern CHAIN_HASH = Pattern.compile("[0-9a-f]{64}");

    public DrandSettings {
        Objects.requireNonNull(chainHash, "chainHash");
        Objects.requireNonNull(genesisSeconds, "genesisSeconds");
        Objects.requireNonNull(periodSeconds, "periodSeconds");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(maxRelayLag, "maxRelayLag");
        relays = List.copyOf(relays);
        List<String> problems = new ArrayList<>();
        if (!CHAIN_HASH.matcher(chainHash).matches()) {
            problems.add(PREFIX + "chain-hash is not 64 lowercase hex digits");
        } else if (Beacon.LOCAL_CHAIN.equals(chainHash)) {
            problems.add(PREFIX + "chain-hash is the local beacon's");
        }
        if (relays.isEmpty()) {
            problems.add(PREFIX + "urls names no relay");
        }
        relays.stream().filter(relay -> !isBaseUrl(relay)).forEach(relay -> problems.add(PREFIX + "urls: " + relay + " is not an http(s) base URL"));
        if (genesisSeconds.isPresent() && genesisSeconds.getAsLong() <= 0) {
            problems.add(PREFIX + "genesis-seconds is not a positive unix time");
        }
        if (periodSeconds.isPresent() && periodSeconds.getAsLong() <= 0) {
            problems.add(PREFIX + "period-seconds is not positive");
        }
        if (!connectTimeout.isPositive() || !readTimeout.isPositive()) {
            problems.add(PREFIX + "connect-timeout or read-timeout is not positive");
        }
        if (maxRelayLag.isNegative()) {
            problems.add(PREFIX + "max-relay-lag is negative");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the drand beacon is selected but its configuration is wrong: " + String.join("; ", problems));
        }
    }

    public static DrandSettings from(DrandConfig config) {
        List<URI> relays = new ArrayList<>();
        for (String url : config.urls().orElse(List.of())) {
            try {
                relays.add(URI.create(url.strip().replaceAll("/+$", "")));
            } catch (IllegalArgumentException notAUri) {
                throw new IllegalStateException(PREFIX + "urls: " + url + " is not a URL", notAUri);
            }
        }
        return new DrandSettings(config.chainHash().map(String::strip).orElse(""), relays, config.genesisSeconds(), config.periodSeconds(),
                config.connectTimeout(), config.readTimeout(), config.maxRelayLag());
    }

    private static boolean isBaseUrl(URI relay) {
        return ("http".equals(relay.getScheme()) || "https".equals(relay.getScheme())) && relay.getHost() != null
                && relay.getRawQuery() == null && relay.getRawFragment() == null && !relay.toString().endsWith("/");
    }
}
