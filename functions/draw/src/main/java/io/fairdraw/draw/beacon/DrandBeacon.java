package io.fairdraw.draw.beacon;

import io.fairdraw.draw.BeaconSource;
import io.fairdraw.model.fairness.BeaconSchedule;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * The production beacon: drand's HTTP API on the configured relays, tried in order.
 *
 * <p>The chain's information is fetched once, from the first relay that serves it, and accepted
 * only if it hashes to the configured chain hash: no relay can move a draw's round by changing the
 * genesis time or period. The genesis time and period used to name a round at OPEN always come
 * from that checked information; configured values are only compared with it. A round is accepted
 * only as {@link DrandChain#accept} allows. The BLS signature is not checked here but by the
 * independent verifier (docs/fairness/verify.mjs), which a published draw must pass.
 *
 * <p>A round whose time has not come is "not yet" without asking any relay (with the genesis time
 * and period configured, not even for the chain's information). A relay that is unreachable, slow,
 * answers an error or something that fails the checks is passed over for the next one. A relay
 * may say it does not have a round (404 or 425) for up to {@code max-relay-lag} after the round's
 * time; that is "not yet". When no relay gives the round, {@link BeaconUnavailable} fails the
 * invocation, which Lambda retries (the scheduler invokes the function asynchronously).
 */
public final class DrandBeacon implements BeaconSource {
    private static final Logger LOG = Logger.getLogger(DrandBeacon.class);

    private final DrandSettings settings;
    private final RelayClient relays;
    private volatile DrandChain chain;

    public DrandBeacon(DrandSettings settings) {
        this.settings = settings;
        this.relays = new RelayClient(settings.connectTimeout(), settings.readTimeout());
    }

    @Override
    public String chainHash() {
        return settings.chainHash();
    }

    @Override
    public long genesisSeconds() {
        return chain().genesisSeconds();
    }

    @Override
    public long periodSeconds() {
        return chain().periodSeconds();
    }

    @Override
    public Optional<Round> round(long round, Instant now) {
        if (round < 1) {
            throw new IllegalArgumentException("drand rounds start at 1, not " + round);
        }
        long genesis = settings.genesisSeconds().orElseGet(() -> chain().genesisSeconds());
        long period = settings.periodSeconds().orElseGet(() -> chain().periodSeconds());
        long due = BeaconSchedule.timeOf(round, genesis, period);
        if (now.getEpochSecond() < due) {
            return Optional.empty();
        }
        DrandChain known = chain();
        long late = now.getEpochSecond() - due;
        boolean notYet = false;
        List<String> failures = new ArrayList<>();
        for (URI relay : settings.relays()) {
            try {
                Optional<Round> answer = ask(relay, round, known, late);
                if (answer.isPresent()) {
                    return answer;
                }
                notYet = true;
            } catch (RelayFailure failure) {
                LOG.warnf("drand relay %s, round %d: %s", relay, round, failure.getMessage());
                failures.add(relay + ": " + failure.getMessage());
            }
        }
        if (notYet) {
            return Optional.empty();
        }
        throw new BeaconUnavailable("no drand relay gave round " + round + " of chain " + settings.chainHash() + ": " + String.join("; ", failures));
    }

    /** The relay's round; empty while it may still lack it, {@code late} seconds after the round's time. */
    private Optional<Round> ask(URI relay, long round, DrandChain known, long late) throws RelayFailure {
        RelayClient.Answer answer = relays.get(URI.create(relay + "/" + settings.chainHash() + "/public/" + round));
        if (answer.status() == 200) {
            return Optional.of(known.accept(round, answer.json()));
        }
        if (answer.status() == 404 || answer.status() == 425) {
            if (late < settings.maxRelayLag().toSeconds()) {
                return Optional.empty();
            }
            throw new RelayFailure("answered HTTP " + answer.status() + ", " + late + " s after the round's time");
        }
        throw new RelayFailure("answered HTTP " + answer.status());
    }

    private DrandChain chain() {
        DrandChain known = chain;
        if (known == null) {
            synchronized (this) {
                if (chain == null) {
                    chain = fetchChain();
                }
                known = chain;
            }
        }
        return known;
    }

    private DrandChain fetchChain() {
        List<String> failures = new ArrayList<>();
        for (URI relay : settings.relays()) {
            try {
                RelayClient.Answer answer = relays.get(URI.create(relay + "/" + settings.chainHash() + "/info"));
                if (answer.status() != 200) {
                    throw new RelayFailure("answered HTTP " + answer.status());
                }
                DrandChain info = DrandChain.parse(answer.json());
                info.requireHash(settings.chainHash());
                expect("genesis-seconds", settings.genesisSeconds(), info.genesisSeconds());
                expect("period-seconds", settings.periodSeconds(), info.periodSeconds());
                LOG.infof("drand chain %s (%s, %s): genesis %d, a round every %d s; information from %s", info.hash(), info.beaconId(),
                        info.scheme().id, info.genesisSeconds(), info.periodSeconds(), relay);
                return info;
            } catch (RelayFailure failure) {
                LOG.warnf("drand relay %s, chain information: %s", relay, failure.getMessage());
                failures.add(relay + ": " + failure.getMessage());
            }
        }
        throw new BeaconUnavailable("no drand relay gave the information of chain " + settings.chainHash() + ": " + String.join("; ", failures));
    }

    /** The information is the chain's own (it hashed right), so a difference is a configuration mistake. */
    private static void expect(String key, OptionalLong configured, long actual) {
        if (configured.isPresent() && configured.getAsLong() != actual) {
            throw new IllegalStateException("fairdraw.draw.drand." + key + " is " + configured.getAsLong() + " but the chain's is " + actual);
        }
    }
}
