package io.fairdraw.model.fairness;

import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §6: the draw's byte stream, HMAC-SHA256 in counter mode keyed by the seed over the draw
 * id, the sealed root and the beacon's randomness; read as 4-byte words; turned into unbiased
 * integers by rejection sampling.
 */
public final class OutcomeStream {
    public static final String DOMAIN = "fairdraw/outcome/v1";
    private static final long TWO_TO_32 = 1L << 32;

    private final byte[] seed;
    private final byte[] message;
    private long counter;
    private byte[] block = new byte[0];
    private int position;

    public OutcomeStream(byte[] seed, String drawId, byte[] root, byte[] beaconRandomness) {
        if (seed.length != Commitment.SEED_BYTES || root.length != 32 || beaconRandomness.length != 32) {
            throw new IllegalArgumentException("seed, root and randomness are 32 bytes each");
        }
        this.seed = seed.clone();
        this.message = new Encoding().str(DOMAIN).str(drawId).lp(root).lp(beaconRandomness).bytes();
    }

    /** The next 4-byte big-endian unsigned word. */
    public long nextWord() {
        long word = 0;
        for (int i = 0; i < 4; i++) {
            if (position == block.length) {
                block = Encoding.hmacSha256(seed, new Encoding().raw(message).u32(counter++).bytes());
                position = 0;
            }
            word = (word << 8) | (block[position++] & 0xFF);
        }
        return word;
    }

    /** A uniform integer in [0, n), 1 <= n <= 2^32, by rejection sampling (no modulo bias). */
    public long uniform(long n) {
        if (n < 1 || n > TWO_TO_32) {
            throw new IllegalArgumentException("n is 1..2^32, not " + n);
        }
        long limit = rejectionLimit(n);
        while (true) {
            long word = nextWord();
            if (word < limit) {
                return word % n;
            }
        }
    }

    /** The first word value that is rejected: 2^32 - (2^32 mod n). */
    public static long rejectionLimit(long n) {
        return TWO_TO_32 - (TWO_TO_32 % n);
    }

    /** The 4D result: four digits A, B, C, D. */
    public int[] fourD() {
        int[] digits = new int[4];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (int) uniform(10);
        }
        return digits;
    }

    /** Lotto K/N: K picks without replacement from 1..N, in draw order. */
    public List<Integer> lotto(int pick, int of) {
        if (pick < 1 || pick > of) {
            throw new IllegalArgumentException("pick 1.." + of);
        }
        List<Integer> pool = new ArrayList<>();
        for (int number = 1; number <= of; number++) {
            pool.add(number);
        }
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < pick; i++) {
            picks.add(pool.remove((int) uniform(of - i)));
        }
        return picks;
    }
}
