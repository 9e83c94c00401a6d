package io.fairdraw.draw;

import io.fairdraw.model.draw.Beacon;
import io.fairdraw.model.fairness.Encoding;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A beacon for laptops and tests: chain hash all zeros (SPEC §5), a round every three seconds,
 * each round's "signature" an HMAC of the round under a local secret, its randomness the
 * signature's SHA-256. Every draw it touches carries the zero chain hash, which the independent
 * verifier refuses unless told otherwise. A production start with it fails unless explicitly
 * allowed. It is reached only through {@link Beacons}, the choice unless {@code fairdraw.draw.beacon=drand}.
 */
@ApplicationScoped
@Typed(LocalBeacon.class)
public class LocalBeacon implements BeaconSource {
    static final long GENESIS_SECONDS = 1_692_803_367L;
    static final long PERIOD_SECONDS = 3;

    private final byte[] secret;

    public LocalBeacon(@ConfigProperty(name = "fairdraw.draw.local-beacon-secret", defaultValue = "local beacon: not random") String secret,
            @ConfigProperty(name = "fairdraw.draw.allow-local-beacon", defaultValue = "false") boolean allowed) {
        if (LaunchMode.current() == LaunchMode.NORMAL && !allowed) {
            throw new IllegalStateException("production draws need a real beacon; set fairdraw.draw.allow-local-beacon=true only on a laptop");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String chainHash() {
        return Beacon.LOCAL_CHAIN;
    }

    @Override
    public long genesisSeconds() {
        return GENESIS_SECONDS;
    }

    @Override
    public long periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public Optional<Round> round(long round, Instant now) {
        if (now.getEpochSecond() < GENESIS_SECONDS + (round - 1) * PERIOD_SECONDS) {
            return Optional.empty();
        }
        byte[] signature = Encoding.hmacSha256(secret, new Encoding().u64(round).bytes());
        HexFormat hex = HexFormat.of();
        return Optional.of(new Round(round, hex.formatHex(signature), null, hex.formatHex(Encoding.sha256(signature))));
    }
}
