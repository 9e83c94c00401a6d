package io.fairdraw.model.draw;

import java.util.Objects;

/** The randomness beacon a draw is bound to: a drand chain and the round it will use. */
public record Beacon(String chainHash, long round) {
    /** The chain hash of a laptop's local beacon: all zeros, so it can never pass for drand. */
    public static final String LOCAL_CHAIN = "0".repeat(64);

    public Beacon {
        Objects.requireNonNull(chainHash, "chainHash");
        if (!chainHash.matches("[0-9a-f]{64}") || round < 1) {
            throw new IllegalArgumentException("a beacon is a 64-hex chain hash and a round from 1");
        }
    }

    public boolean isLocal() {
        return LOCAL_CHAIN.equals(chainHash);
    }
}
