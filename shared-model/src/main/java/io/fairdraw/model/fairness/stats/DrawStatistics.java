package io.fairdraw.model.fairness.stats;

import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.fairness.OutcomeStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Draws derived exactly as in production (SPEC §6, {@link OutcomeStream}), for the statistical
 * tests. Draw i has seed SHA-256("stats-" + i) and draw id "stats-" + i; every draw shares one
 * fixed root and one fixed beacon randomness, so the samples are reproducible anywhere. The 4D
 * draws, the lotto draws and the bit stream use disjoint draws (see {@link Sizes}), which keeps
 * the three groups of tests independent of each other.
 */
public final class DrawStatistics {
    public static final String DRAW_PREFIX = "stats-";
    public static final byte[] ROOT = sha256("stats-root");
    public static final byte[] RANDOMNESS = sha256("stats-randomness");
    public static final int LOTTO_PICK = 6;
    public static final int LOTTO_OF = 49;

    private DrawStatistics() {
    }

    /**
     * How much to draw. 4D draws are draws 0 .. fourDDraws − 1, lotto draws the next lottoDraws,
     * and the bits are the first streamBits bits of the draw after those.
     */
    public record Sizes(int fourDDraws, int lottoDraws, int streamBits) {
        /** What CI runs: under a minute on two cores. */
        public static final Sizes CI = new Sizes(1_000_000, 200_000, 10_000_000);
        /** What docs/fairness/statistics.md reports. */
        public static final Sizes REPORT = new Sizes(10_000_000, 2_000_000, 100_000_000);
        /** 50,000 draws put 5 expected draws on each of the 10,000 4D results, χ²'s usual floor. */
        public static final int MIN_FOUR_D_DRAWS = 50_000;
        /** 500 draws put about 10 expected picks on each number at each pick position. */
        public static final int MIN_LOTTO_DRAWS = 500;
        /** Section 2.4.2 of SP 800-22 takes M = 10^4 from 750,000 bits; these tests use that table. */
        public static final int MIN_STREAM_BITS = 750_016;
        public static final int MAX_DRAWS = 100_000_000;

        public Sizes {
            if (fourDDraws < MIN_FOUR_D_DRAWS || lottoDraws < MIN_LOTTO_DRAWS
                || (long) fourDDraws + lottoDraws >= MAX_DRAWS) {
                throw new IllegalArgumentException("at least " + MIN_FOUR_D_DRAWS + " 4D and " + MIN_LOTTO_DRAWS
                    + " lotto draws, fewer than " + MAX_DRAWS + " in all");
            }
            if (streamBits < MIN_STREAM_BITS || streamBits > BitSequence.MAX_BITS || streamBits % 32 != 0) {
                throw new IllegalArgumentException("stream bits are whole 32-bit words, " + MIN_STREAM_BITS + ".."
                    + BitSequence.MAX_BITS + ", not " + streamBits);
            }
        }

        public int firstLottoDraw() {
            return fourDDraws;
        }

        public int streamDraw() {
            return fourDDraws + lottoDraws;
        }

        /** How many p-values the suite gives: 7 for 4D, 1 + K for lotto, 7 for the stream. */
        public static int pValueCount() {
            return 7 + (1 + LOTTO_PICK) + 7;
        }
    }

    public static OutcomeStream outcomeStream(int draw) {
        String drawId = DRAW_PREFIX + draw;
        return new OutcomeStream(sha256(drawId), drawId, ROOT, RANDOMNESS);
    }

    /** Four digits per draw, for draws first .. first + draws − 1. Draws are independent, so they run in parallel. */
    public static byte[] fourDDigits(int first, int draws) {
        byte[] digits = new byte[Math.multiplyExact(draws, FourDFindings.DIGITS)];
        IntStream.range(0, draws).parallel().forEach(i -> {
            int[] result = outcomeStream(first + i).fourD();
            for (int position = 0; position < result.length; position++) {
                digits[i * FourDFindings.DIGITS + position] = (byte) result[position];
            }
        });
        return digits;
    }

    /** Six numbers from 1..49 per draw, in draw order, for draws first .. first + draws − 1. */
    public static byte[] lottoPicks(int first, int draws) {
        byte[] picks = new byte[Math.multiplyExact(draws, LOTTO_PICK)];
        IntStream.range(0, draws).parallel().forEach(i -> {
            List<Integer> numbers = outcomeStream(first + i).lotto(LOTTO_PICK, LOTTO_OF);
            for (int position = 0; position < LOTTO_PICK; position++) {
                picks[i * LOTTO_PICK + position] = (byte) (int) numbers.get(position);
            }
        });
        return picks;
    }

    /** The first {@code bits} bits of one draw's stream, read with nextWord() in order. */
    public static BitSequence streamBits(int draw, int bits) {
        if (bits % 32 != 0) {
            throw new IllegalArgumentException("whole 32-bit words, not " + bits + " bits");
        }
        return BitSequence.ofWords32(bits / 32, outcomeStream(draw)::nextWord);
    }

    public static FourDFindings fourD(Sizes sizes) {
        return FourDFindings.of(fourDDigits(0, sizes.fourDDraws()));
    }

    public static LottoFindings lotto(Sizes sizes) {
        return LottoFindings.of(lottoPicks(sizes.firstLottoDraw(), sizes.lottoDraws()), LOTTO_PICK, LOTTO_OF);
    }

    public static StreamFindings nist(Sizes sizes) {
        return StreamFindings.of(streamBits(sizes.streamDraw(), sizes.streamBits()));
    }

    private static byte[] sha256(String text) {
        return Encoding.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
