package io.fairdraw.bench;

import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import io.fairdraw.model.fairness.stats.PValue;
import io.fairdraw.model.fairness.stats.StatisticsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes docs/fairness/statistics.md: shared-model's statistics of the draws measured at report
 * sizes and rendered, then written here, so the pure model reads and writes no file.
 *
 * <pre>
 * bin/fairness-report [output.md [fourDDraws lottoDraws streamBits]]
 * </pre>
 */
public final class FairnessReport {
    static final String DEFAULT_OUTPUT = "docs/fairness/statistics.md";

    private FairnessReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 0 && args.length != 1 && args.length != 4) {
            System.err.println("usage: FairnessReport [output.md [fourDDraws lottoDraws streamBits]]");
            System.exit(2);
        }
        Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        Sizes sizes = args.length == 4
                ? new Sizes(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                : Sizes.REPORT;
        StatisticsReport.Results results = StatisticsReport.measure(sizes);
        Files.writeString(output, StatisticsReport.render(results, StatisticsReport.Environment.current()));
        for (PValue p : results.pValues()) {
            System.out.printf(Locale.ROOT, "%-60s %s%n", p.test(), StatisticsReport.formatP(p.value()));
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", output, results.seconds());
    }
}
