package io.fairdraw.model.fairness;

import java.util.Objects;

/** SPEC §4: what a draw's seal commits to, published before the beacon round exists. */
public record SealedHeader(String drawId, long leafCount, String currency, long totalStakeMinor, byte[] root) {
    public static final String DOMAIN = "fairdraw/seal/v1";

    public SealedHeader {
        Objects.requireNonNull(drawId, "drawId");
        Objects.requireNonNull(currency, "currency");
        if (leafCount < 0 || totalStakeMinor < 0 || root == null || root.length != 32) {
            throw new IllegalArgumentException("a header has non-negative counts and a 32-byte root");
        }
        root = root.clone();
    }

    public byte[] hash() {
        return Encoding.sha256(new Encoding().str(DOMAIN).str(drawId).u64(leafCount).str(currency).u64(totalStakeMinor).lp(root).bytes());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }
}
