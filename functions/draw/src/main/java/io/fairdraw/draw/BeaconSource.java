package io.fairdraw.draw;

import java.time.Instant;
import java.util.Optional;

/** A randomness beacon: drand in production, a local stand-in on a laptop that says so. */
public interface BeaconSource {
    String chainHash();

    long genesisSeconds();

    long periodSeconds();

    /** The round's value once it has been produced; empty before its time. */
    Optional<Round> round(long round, Instant now);

    record Round(long round, String signature, String previousSignature, String randomness) {
    }
}
