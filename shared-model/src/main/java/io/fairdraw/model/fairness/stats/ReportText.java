package io.fairdraw.model.fairness.stats;

import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import io.fairdraw.model.fairness.stats.LongestRunOfOnes.ClassTable;
import io.fairdraw.model.fairness.stats.StatisticsReport.Environment;
import io.fairdraw.model.fairness.stats.StatisticsReport.Results;
import java.util.List;
import java.util.Locale;

/** The prose of docs/fairness/statistics.md around the table of p-values. */
final class ReportText {
    private ReportText() {
    }

    static String introduction(Results results, Environment environment) {
        return format("""
            # Statistical tests of the draws

            The numbers of a Fairdraw draw come from the outcome stream of [SPEC.md](SPEC.md) §6:
            HMAC-SHA256 in counter mode, read as 32-bit words, turned into digits and lotto numbers by
            rejection sampling. Fairness rests on that construction, not on any statistical test. What the
            tests below can do is catch an implementation that departs from it in a way that biases the
            numbers: a modulo bias, a range off by one, a skipped or repeated word, a reused stream. They
            run on draws derived by the platform's own code (`OutcomeStream.fourD()`, `lotto(6, 49)` and
            `nextWord()`), exactly as a real draw derives them.

            Run on %s with %d cores, JDK %s, on %s. Generating the draws and testing
            them took %.1f s (4D %.1f s, lotto %.1f s, stream %.1f s).

            """, environment.date(), environment.cores(), environment.jdk(), environment.os(), results.seconds(),
            results.fourDSeconds(), results.lottoSeconds(), results.streamSeconds());
    }

    static String samples(Sizes sizes) {
        return format("""
            ## Samples

            | sample | size | draws |
            |---|---|---|
            | 4D results, `fourD()` | %,d draws (%,d digits) | i = 0 .. %,d |
            | lotto 6/49, `lotto(6, 49)` | %,d draws (%,d picks) | i = %,d .. %,d |
            | one outcome stream, `nextWord()` in order, each word from its most significant bit | %,d bits (%,d words) | i = %,d |

            Draw i has seed `SHA-256("stats-" + i)`, drawId `"stats-" + i`, root `SHA-256("stats-root")`
            and beacon randomness `SHA-256("stats-randomness")` (strings as UTF-8), so anyone can derive the
            same draws. The three samples use different draws, so the three groups of tests are independent.

            """, sizes.fourDDraws(), 4L * sizes.fourDDraws(), sizes.fourDDraws() - 1, sizes.lottoDraws(),
            6L * sizes.lottoDraws(), sizes.firstLottoDraw(), sizes.streamDraw() - 1, sizes.streamBits(),
            sizes.streamBits() / 32, sizes.streamDraw());
    }

    static String reading(List<PValue> pValues) {
        int tests = pValues.size();
        double high = 0.01;
        double low = 0.001;
        return format("""

            ## Reading the results

            A test fails at level α when its p-value is below α. If the draws are fair, every p-value is
            uniform on [0, 1]: a correct implementation fails each test with probability α. Over the %d
            p-values above, it fails at least one at α = 0.01 with probability at most %.1f%% (%.1f%% if the
            tests were independent; some are not, such as the two cumulative sums), and at α = 0.001 with
            probability at most %.2f%% (%.2f%%). A lone failure at 0.01 is therefore unremarkable; a failure at
            0.001, or the same test failing again at another sample size, calls for a look at the code.

            """, tests, 100 * tests * high, 100 * (1 - Math.pow(1 - high, tests)), 100 * tests * low,
            100 * (1 - Math.pow(1 - low, tests)));
    }

    static String method(Results results) {
        LongestRunOfOnes nist = results.stream().longestRun();
        LongestRunOfOnes exact = results.longestRunWithExactTable();
        return format("""
            ## Method

            - **χ² goodness of fit** (each 4D position over 10 digits, the 4D result over 10,000 numbers,
              each lotto pick position over 49 numbers): Pearson's statistic against equal expected counts,
              p = Q(df/2, χ²/2) with df = categories − 1.
            - **Lotto numbers, every pick counted**: six picks of one draw exclude each other, so the 49
              counts vary less than multinomial counts and Pearson's statistic follows
              (N − K)/(N − 1) · χ²(N − 1) = 43/48 · χ²(48). It is multiplied by 48/43 before the p-value is
              taken; without that the test would be far more lenient than its stated level.
            - **Runs of equal digits** over the 4D digits in draw order (A, B, C, D of draw 0, then of
              draw 1, ...): for independent uniform digits, runs − 1 is exactly Binomial(n − 1, 9/10);
              two-sided normal p-value.
            - **Lag-1 serial correlation** of the same digits, against the known mean 4.5 and variance
              8.25: z = Σ (x_i − 4.5)(x_(i+1) − 4.5) / (8.25 √(n − 1)); two-sided normal p-value.
            - **NIST SP 800-22 rev1a subset** on the stream's bits, each exactly as the document specifies:
              2.1 frequency; 2.2 frequency within a block, M = 128; 2.3 runs; 2.4 longest run of ones,
              M = 10,000, K = 6 with the class probabilities of section 3.4; 2.13 cumulative sums, both
              modes; 2.12 approximate entropy, m = 10 (the document asks for m < ⌊log2 n⌋ − 5 = %d). Each
              implementation reproduces the worked examples of the document in its unit tests.
            - **Special functions**: erfc and igamc (the regularized upper incomplete gamma function) are
              implemented in `SpecialFunctions`, series and continued fractions in the manner of Numerical
              Recipes, accurate to a relative 3e-13 or better over the arguments used here.

            Two remarks on the NIST parameters:

            - The block-frequency test runs %,d blocks of 128 bits. Section 2.2.7 recommends M > 0.01 n and
              fewer than 100 blocks; M = 128 is the default of NIST's reference implementation. Each
              block's term (2·ones − M)²/M has mean exactly 1 and variance 2 − 2/M, against 2 for χ²(1),
              so however many blocks there are, the χ²(N) reference errs only by a standard deviation
              0.4%% too wide, on the side of passing.
            - The section 3.4 probabilities for M = 10,000 are not the exact ones: the exact class
              probabilities (from the recurrence in `LongestRunOfOnes.ClassTable.exact`) are
              %s, against the document's %s. For a fair stream the
              document's table adds about %.1e per block to the expected χ², %.2f here, where the
              expectation is K = 6. With the exact probabilities this sample gives χ² = %.3f, p = %s
              (the table above uses the document's).

            The suite's smaller sibling, `DrawStatisticsTest`, runs the same %d tests on 1,000,000 4D draws,
            200,000 lotto draws and 10,000,000 bits at α = 0.001 in every build.

            """, log2Floor(results.sizes().streamBits()) - 5, results.stream().blockFrequency().blocks(),
            rounded(exact.table()), rounded(nist.table()), inflation(exact.table(), nist.table()),
            nist.blocks() * inflation(exact.table(), nist.table()), exact.chiSquare(),
            StatisticsReport.formatP(exact.pValue()), Sizes.pValueCount());
    }

    static String rerun() {
        return """
            ## Rerun

            From the repository root, with a JDK 21 or newer (the script picks one):

            ```sh
            bin/fairness-report                      # these sizes, rewrites docs/fairness/statistics.md
            bin/fairness-report /tmp/ci.md 1000000 200000 10000000    # the sizes DrawStatisticsTest uses
            ```

            It builds the bench module and what it needs (`./mvnw -q -pl bench -am package -DskipTests`; set
            `MAVEN_ARGS=-o` to stay offline) and runs
            `java -cp "bench/target/classes:bench/target/lib/*" io.fairdraw.bench.FairnessReport <output.md> [4D draws, lotto draws, bits]`:
            the statistics are shared-model's (`StatisticsReport` measures and renders), the file is written by the command.
            The draws are fixed, so the p-values are the same on every machine; only the times differ.
            """;
    }

    /** Σ (π_exact − π_table)² / π_table: the expected excess of χ² per block. */
    private static double inflation(ClassTable exact, ClassTable table) {
        double sum = 0;
        for (int i = 0; i < table.probabilities().size(); i++) {
            double difference = exact.probabilities().get(i) - table.probabilities().get(i);
            sum += difference * difference / table.probabilities().get(i);
        }
        return sum;
    }

    private static String rounded(ClassTable table) {
        return table.probabilities().stream().map(p -> format("%.4f", p)).toList().toString();
    }

    private static int log2Floor(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    private static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
