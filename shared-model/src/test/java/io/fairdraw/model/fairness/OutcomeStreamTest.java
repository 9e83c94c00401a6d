package io.fairdraw.model.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeStreamTest {
    static final byte[] SEED = new byte[32];
    static final byte[] ROOT = Encoding.sha256("root".getBytes());
    static final byte[] RANDOMNESS = Encoding.sha256("beacon".getBytes());

    static OutcomeStream stream(String drawId) {
        return new OutcomeStream(SEED, drawId, ROOT, RANDOMNESS);
    }

    @Test
    void theStreamIsHmacInCounterModeOverTheSpecMessage() {
        byte[] message = new Encoding().str(OutcomeStream.DOMAIN).str("d-1").lp(ROOT).lp(RANDOMNESS).bytes();
        byte[] block0 = Encoding.hmacSha256(SEED, new Encoding().raw(message).u32(0).bytes());
        byte[] block1 = Encoding.hmacSha256(SEED, new Encoding().raw(message).u32(1).bytes());
        OutcomeStream stream = stream("d-1");
        for (int word = 0; word < 16; word++) {
            byte[] block = word < 8 ? block0 : block1;
            int at = (word % 8) * 4;
            long expected = ((block[at] & 0xFFL) << 24) | ((block[at + 1] & 0xFFL) << 16) | ((block[at + 2] & 0xFFL) << 8) | (block[at + 3] & 0xFFL);
            assertThat(stream.nextWord()).as("word %d", word).isEqualTo(expected);
        }
    }

    @Test
    void everyRangeUsedIsSampledWithoutBias() {
        // For each n the platform draws from, the accepted words [0, limit) split into exactly
        // limit / n words per result: an exhaustive count, done arithmetically per residue class.
        long twoTo32 = 1L << 32;
        for (long n : List.of(10L, 49L, 48L, 47L, 46L, 45L, 44L, 2L, 3L, 7L, twoTo32 - 1, twoTo32)) {
            long limit = OutcomeStream.rejectionLimit(n);
            assertThat(limit % n).as("n=%d", n).isZero();
            assertThat(twoTo32 - limit).as("rejected words for n=%d", n).isLessThan(n);
            for (long r : List.of(0L, n - 1, n / 2)) {
                long preimages = (limit - 1 - r) / n + 1; // words x < limit with x mod n == r
                assertThat(preimages).as("n=%d r=%d", n, r).isEqualTo(limit / n);
            }
        }
    }

    @Test
    void resultsStayInRangeAndRejectedWordsAreSkipped() {
        OutcomeStream stream = stream("d-range");
        for (int i = 0; i < 10_000; i++) {
            assertThat(stream.uniform(49)).isBetween(0L, 48L);
        }
        assertThat(OutcomeStream.rejectionLimit(10)).isEqualTo(4_294_967_290L);
        assertThatThrownBy(() -> stream.uniform(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lottoPicksAreDistinctAndFourDDigitsAreDigits() {
        for (int d = 0; d < 200; d++) {
            OutcomeStream stream = stream("draw-" + d);
            List<Integer> picks = stream.lotto(6, 49);
            assertThat(new HashSet<>(picks)).hasSize(6);
            assertThat(picks).allMatch(p -> p >= 1 && p <= 49);
            assertThat(java.util.Arrays.stream(stream.fourD()).boxed().toList()).allMatch(digit -> digit >= 0 && digit <= 9);
        }
    }

    @Test
    void anyChangeOfSeedDrawRootOrBeaconChangesTheOutcome() {
        Set<String> outcomes = new HashSet<>();
        byte[] otherSeed = SEED.clone();
        otherSeed[31] = 1;
        byte[] otherRoot = ROOT.clone();
        otherRoot[0] ^= 1;
        byte[] otherRandomness = RANDOMNESS.clone();
        otherRandomness[5] ^= 1;
        outcomes.add(words(new OutcomeStream(SEED, "d", ROOT, RANDOMNESS)));
        outcomes.add(words(new OutcomeStream(otherSeed, "d", ROOT, RANDOMNESS)));
        outcomes.add(words(new OutcomeStream(SEED, "e", ROOT, RANDOMNESS)));
        outcomes.add(words(new OutcomeStream(SEED, "d", otherRoot, RANDOMNESS)));
        outcomes.add(words(new OutcomeStream(SEED, "d", ROOT, otherRandomness)));
        assertThat(outcomes).hasSize(5);
    }

    private static String words(OutcomeStream stream) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            words.append(stream.nextWord()).append(',');
        }
        return words.toString();
    }

    @Test
    void theDigitsAreUniformByChiSquare() {
        // 100,000 digits: chi-square with 9 degrees of freedom; 27.88 is the 0.001 critical value,
        // so a correct sampler fails this fixed-seed test with probability 1 in 1,000 at most.
        long[] counts = new long[10];
        for (int d = 0; d < 25_000; d++) {
            for (int digit : stream("chi-" + d).fourD()) {
                counts[digit]++;
            }
        }
        double expected = 100_000 / 10.0;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertThat(chiSquare).isLessThan(27.88);
    }

    @Test
    void theBeaconRoundIsTheFirstStrictlyAfterTheSealWindow() {
        long genesis = 1_692_803_367L;
        long period = 3;
        assertThat(BeaconSchedule.roundAfter(genesis, genesis, period)).isEqualTo(2);
        assertThat(BeaconSchedule.roundAfter(genesis + 1, genesis, period)).isEqualTo(2);
        assertThat(BeaconSchedule.roundAfter(genesis + 3, genesis, period)).isEqualTo(3);
        for (long t = genesis; t < genesis + 100; t++) {
            long round = BeaconSchedule.roundAfter(t, genesis, period);
            assertThat(BeaconSchedule.timeOf(round, genesis, period)).isGreaterThan(t);
            assertThat(BeaconSchedule.timeOf(round - 1, genesis, period)).isLessThanOrEqualTo(t);
        }
    }

    @Test
    void theCommitmentBindsEveryInput() {
        String chain = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";
        byte[] base = Commitment.of("d", chain, 10, SEED);
        byte[] seed = SEED.clone();
        seed[0] = 1;
        assertThat(Commitment.of("e", chain, 10, SEED)).isNotEqualTo(base);
        assertThat(Commitment.of("d", chain, 11, SEED)).isNotEqualTo(base);
        assertThat(Commitment.of("d", chain, 10, seed)).isNotEqualTo(base);
        assertThat(Commitment.of("d", chain.replace('5', '6'), 10, SEED)).isNotEqualTo(base);
        assertThatThrownBy(() -> Commitment.of("d", "XYZ", 10, SEED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Commitment.of("d", chain, 10, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
