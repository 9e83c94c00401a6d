package io.fairdraw.model.fairness;

import java.util.HexFormat;

/** SPEC §2: the commitment to a draw's seed and beacon, published before any ticket is sold. */
public final class Commitment {
    public static final String DOMAIN = "fairdraw/commitment/v1";
    public static final int SEED_BYTES = 32;

    private Commitment() {
    }

    public static byte[] of(String drawId, String chainHash, long beaconRound, byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a seed is " + SEED_BYTES + " bytes");
        }
        requireChainHash(chainHash);
        if (beaconRound < 1) {
            throw new IllegalArgumentException("drand rounds start at 1");
        }
        return Encoding.sha256(new Encoding().str(DOMAIN).str(drawId).str(chainHash).u64(beaconRound).lp(seed).bytes());
    }

    static void requireChainHash(String chainHash) {
        if (chainHash == null || !chainHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a chain hash is 64 lowercase hex characters");
        }
        HexFormat.of().parseHex(chainHash);
    }
}
