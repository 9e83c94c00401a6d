package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.fairness.OutcomeStream;
import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The draws derived with OutcomeStream (SPEC §6) pass the statistical suite at CI sizes
 * ({@link Sizes#CI}): 1,000,000 4D draws, 200,000 lotto 6/49 draws and 10,000,000 bits of one
 * outcome stream, drawn once for the whole class.
 *
 * <p>Every p-value is compared with α = 0.001. There are 21 of them (7 for 4D, 7 for lotto, 7
 * NIST), so a correct implementation fails the suite with probability at most 21 × 0.001 = 2.1%
 * (1 − 0.999^21 = 2.08% if the tests were independent; some are not). The draws are fixed, so that
 * is the chance that this one sample is an unlucky one, not a rate of flaky runs: a given
 * implementation passes on every run or fails on every run. docs/fairness/statistics.md runs the
 * same tests on ten times as many draws and bits.
 *
 * <p>The last tests feed the same statistics with samplers that carry classic defects, to show
 * that the suite would notice them.
 */
class DrawStatisticsTest {
    static final double ALPHA = 0.001;
    static FourDFindings fourD;
    static LottoFindings lotto;
    static StreamFindings stream;

    @BeforeAll
    static void drawTheSamples() {
        fourD = DrawStatistics.fourD(Sizes.CI);
        lotto = DrawStatistics.lotto(Sizes.CI);
        stream = DrawStatistics.nist(Sizes.CI);
    }

    @Test
    void theSuiteChecksTheTwentyOnePValuesItsLevelIsStatedFor() {
        assertThat(fourD.pValues().size() + lotto.pValues().size() + stream.pValues().size())
            .isEqualTo(Sizes.pValueCount()).isEqualTo(21);
        assertThat(fourD.draws()).isEqualTo(1_000_000);
        assertThat(lotto.draws()).isEqualTo(200_000);
        assertThat(stream.bits()).isEqualTo(10_000_000);
    }

    @Test
    void everyFourDPositionIsUniformOverTheTenDigits() {
        assertThat(fourD.positions()).hasSize(4).allSatisfy(chi -> assertThat(chi.pValue()).isGreaterThanOrEqualTo(ALPHA));
    }

    @Test
    void everyFourDResultIsEquallyLikely() {
        assertThat(fourD.numbers().degreesOfFreedom()).isEqualTo(9_999);
        assertThat(fourD.numbers().pValue()).isGreaterThanOrEqualTo(ALPHA);
    }

    @Test
    void consecutiveDigitsNeitherRepeatNorCorrelateMoreThanChanceAllows() {
        assertThat(fourD.runs().length()).isEqualTo(4_000_000);
        assertThat(fourD.runs().pValue()).isGreaterThanOrEqualTo(ALPHA);
        assertThat(fourD.serialCorrelation().pValue()).isGreaterThanOrEqualTo(ALPHA);
    }

    @Test
    void lottoNumbersAreEquallyLikelyOverAllPicks() {
        assertThat(lotto.allPicks().pValue()).isGreaterThanOrEqualTo(ALPHA);
    }

    @Test
    void lottoNumbersAreEquallyLikelyAtEveryPickPosition() {
        assertThat(lotto.pickPositions()).hasSize(6).allSatisfy(chi -> assertThat(chi.pValue()).isGreaterThanOrEqualTo(ALPHA));
    }

    @Test
    void theOutcomeStreamPassesTheNistSubset() {
        assertThat(stream.longestRun().table().blockLength()).isEqualTo(10_000);
        assertThat(stream.pValues()).hasSize(7)
            .allSatisfy(p -> assertThat(p.value()).as(p.test()).isGreaterThanOrEqualTo(ALPHA));
    }

    @Test
    void theSamplesAreTheDrawsTheSpecificationDerivesFromTheStatedSeeds() {
        OutcomeStream expected = new OutcomeStream(sha256("stats-7"), "stats-7", sha256("stats-root"), sha256("stats-randomness"));
        assertThat(DrawStatistics.outcomeStream(7).nextWord()).isEqualTo(expected.nextWord());

        List<Integer> digits = new ArrayList<>();
        for (int draw = 5; draw < 8; draw++) {
            for (int digit : DrawStatistics.outcomeStream(draw).fourD()) {
                digits.add(digit);
            }
        }
        assertThat(asList(DrawStatistics.fourDDigits(5, 3))).isEqualTo(digits);

        List<Integer> picks = new ArrayList<>(DrawStatistics.outcomeStream(9).lotto(6, 49));
        picks.addAll(DrawStatistics.outcomeStream(10).lotto(6, 49));
        assertThat(asList(DrawStatistics.lottoPicks(9, 2))).isEqualTo(picks);

        OutcomeStream words = DrawStatistics.outcomeStream(3);
        BitSequence bits = DrawStatistics.streamBits(3, 64);
        assertThat(bits.ones()).isEqualTo(Long.bitCount(words.nextWord()) + Long.bitCount(words.nextWord()));
        assertThat(List.of(Sizes.CI.firstLottoDraw(), Sizes.CI.streamDraw())).containsExactly(1_000_000, 1_200_000);
    }

    @Test
    void sizesTooSmallForTheTestsAreRefused() {
        assertThatThrownBy(() -> new Sizes(49_999, 500, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sizes(50_000, 499, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sizes(50_000, 500, 749_984)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sizes(50_000, 500, 1_000_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSamplerThatTakesOneByteModuloTenIsCaught() {
        // 256 = 25 · 10 + 6: digits 0-5 come up 26 times in 256, digits 6-9 only 25.
        int draws = 200_000;
        byte[] digits = new byte[4 * draws];
        for (int draw = 0; draw < draws; draw++) {
            OutcomeStream outcome = DrawStatistics.outcomeStream(draw);
            for (int position = 0; position < 4; position++) {
                digits[4 * draw + position] = (byte) ((outcome.nextWord() >>> 24) % 10);
            }
        }
        assertThat(FourDFindings.of(digits).positions()).allSatisfy(chi -> assertThat(chi.pValue()).isLessThan(ALPHA));
    }

    @Test
    void aLottoThatNeverPicksTheLastNumberOfItsPoolIsCaught() {
        // j = uniform(N − i − 1) instead of uniform(N − i): 49 can never be the first pick.
        int draws = 20_000;
        byte[] picks = new byte[6 * draws];
        for (int draw = 0; draw < draws; draw++) {
            OutcomeStream outcome = DrawStatistics.outcomeStream(draw);
            List<Integer> pool = new ArrayList<>();
            for (int number = 1; number <= 49; number++) {
                pool.add(number);
            }
            for (int i = 0; i < 6; i++) {
                picks[6 * draw + i] = (byte) (int) pool.remove((int) outcome.uniform(49 - i - 1));
            }
        }
        assertThat(LottoFindings.of(picks, 6, 49).pickPositions().get(0).pValue()).isLessThan(ALPHA);
    }

    @Test
    void aStreamThatRepeatsItselfIsCaught() {
        // As if the block counter wrapped after 32 blocks: the same 256 words over and over.
        OutcomeStream outcome = DrawStatistics.outcomeStream(0);
        long[] words = new long[256];
        for (int i = 0; i < words.length; i++) {
            words[i] = outcome.nextWord();
        }
        int[] next = {0};
        BitSequence bits = BitSequence.ofWords32(1 << 15, () -> words[next[0]++ % words.length]);
        assertThat(ApproximateEntropy.of(bits, ApproximateEntropy.SUITE_BLOCK_LENGTH).pValue()).isLessThan(ALPHA);
    }

    private static List<Integer> asList(byte[] values) {
        List<Integer> list = new ArrayList<>();
        for (byte value : values) {
            list.add((int) value);
        }
        return list;
    }

    private static byte[] sha256(String text) {
        return Encoding.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
