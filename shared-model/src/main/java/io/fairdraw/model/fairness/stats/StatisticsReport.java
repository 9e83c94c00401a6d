package io.fairdraw.model.fairness.stats;

import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import io.fairdraw.model.fairness.stats.LongestRunOfOnes.ClassTable;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the draw statistics at chosen sizes ({@link #measure}) and renders docs/fairness/statistics.md
 * from the results ({@link #render}), both pure; the command that writes the file is bench's
 * {@code FairnessReport} ({@code bin/fairness-report}).
 */
public final class StatisticsReport {
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

    public static String formatP(double p) {
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
