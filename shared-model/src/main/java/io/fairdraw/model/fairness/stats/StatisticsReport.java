package io.fairdraw.model.fairness.stats;

import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import io.fairdraw.model.fairness.stats.LongestRunOfOnes.ClassTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the draw statistics at report sizes and writes docs/fairness/statistics.md. The only
 * class of shared-model that touches a file, and only in {@link #main}: the report itself is
 * rendered by a pure function.
 *
 * <pre>
 * java -cp shared-model/target/classes io.fairdraw.model.fairness.stats.StatisticsReport \
 *     [output.md [fourDDraws lottoDraws streamBits]]
 * </pre>
 */
public final class StatisticsReport {
    public static final String DEFAULT_OUTPUT = "docs/fairness/statistics.md";
    public static final List<Double> LEVELS = List.of(0.01, 0.001);

    private StatisticsReport() {
    }

    /** What was measured, and how long each part took. */
    public record Results(Sizes sizes, FourDFindings fourD, double fourDSeconds, LottoFindings lotto,
                          double lottoSeconds, StreamFindings stream, double streamSeconds,
                          LongestRunOfOnes longestRunWithExactTable) {

        public List<PValue> pValues() {
            List<PValue> pValues = new ArrayList<>(fourD.pValues());
            pValues.addAll(lotto.pValues());
            pValues.addAll(stream.pValues());
            return pValues;
        }

        public double seconds() {
            return fourDSeconds + lottoSeconds + streamSeconds;
        }
    }

    /** Where it ran. */
    public record Environment(int cores, String jdk, String os, String date) {

        public static Environment current() {
            return new Environment(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 0 && args.length != 1 && args.length != 4) {
            System.err.println("usage: StatisticsReport [output.md [fourDDraws lottoDraws streamBits]]");
            System.exit(2);
        }
        Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        Sizes sizes = args.length == 4
            ? new Sizes(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]))
            : Sizes.REPORT;
        Results results = measure(sizes);
        Files.writeString(output, render(results, Environment.current()));
        for (PValue p : results.pValues()) {
            System.out.printf(Locale.ROOT, "%-60s %s%n", p.test(), formatP(p.value()));
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", output, results.seconds());
    }

    public static Results measure(Sizes sizes) {
        Timed<FourDFindings> fourD = timed(() -> DrawStatistics.fourD(sizes));
        Timed<LottoFindings> lotto = timed(() -> DrawStatistics.lotto(sizes));
        Timed<BitSequence> bits = timed(() -> DrawStatistics.streamBits(sizes.streamDraw(), sizes.streamBits()));
        Timed<StreamFindings> stream = timed(() -> StreamFindings.of(bits.value()));
        ClassTable exact = ClassTable.exact(ClassTable.M10000.blockLength(), ClassTable.M10000.lowestClass(),
            ClassTable.M10000.probabilities().size());
        return new Results(sizes, fourD.value(), fourD.seconds(), lotto.value(), lotto.seconds(), stream.value(),
            bits.seconds() + stream.seconds(), LongestRunOfOnes.of(bits.value(), exact));
    }

    public static String render(Results results, Environment environment) {
        StringBuilder out = new StringBuilder();
        out.append(ReportText.introduction(results, environment));
        out.append(ReportText.samples(results.sizes()));
        out.append("## Results\n\n| # | test | statistic | p-value | α = 0.01 | α = 0.001 |\n|---|---|---|---|---|---|\n");
        List<PValue> pValues = results.pValues();
        for (int i = 0; i < pValues.size(); i++) {
            PValue p = pValues.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", i + 1, p.test(), p.statistic(),
                formatP(p.value()), verdict(p, LEVELS.get(0)), verdict(p, LEVELS.get(1))));
        }
        out.append(ReportText.reading(pValues));
        out.append(ReportText.method(results));
        out.append(ReportText.rerun());
        return out.toString();
    }

    static String formatP(double p) {
        return p >= 1e-4 ? String.format(Locale.ROOT, "%.6f", p) : String.format(Locale.ROOT, "%.3e", p);
    }

    private static String verdict(PValue p, double alpha) {
        return p.rejectsAt(alpha) ? "**fail**" : "pass";
    }

    private record Timed<T>(T value, double seconds) {
    }

    private static <T> Timed<T> timed(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1e9);
    }
}
