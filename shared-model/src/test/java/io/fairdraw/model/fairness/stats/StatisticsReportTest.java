package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.fairness.stats.DrawStatistics.Sizes;
import io.fairdraw.model.fairness.stats.StatisticsReport.Environment;
import io.fairdraw.model.fairness.stats.StatisticsReport.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatisticsReportTest {
    static final Environment MACHINE = new Environment(2, "Example JDK 21", "Linux amd64", "2026-01-01 00:00 UTC");
    static Results small;

    @BeforeAll
    static void measureTheSmallestSizes() {
        small = StatisticsReport.measure(new Sizes(Sizes.MIN_FOUR_D_DRAWS, Sizes.MIN_LOTTO_DRAWS, Sizes.MIN_STREAM_BITS));
    }

    @Test
    void theReportGivesEveryPValueWithItsVerdictAtBothLevels() {
        String report = StatisticsReport.render(small, MACHINE);
        List<String> rows = report.lines().filter(line -> line.matches("\\| \\d+ \\|.*")).toList();
        assertThat(rows).hasSize(Sizes.pValueCount());
        List<PValue> pValues = small.pValues();
        for (int i = 0; i < pValues.size(); i++) {
            PValue p = pValues.get(i);
            assertThat(rows.get(i)).startsWith("| " + (i + 1) + " | " + p.test() + " |")
                .contains("| " + StatisticsReport.formatP(p.value()) + " |")
                .endsWith(" | " + verdict(p, 0.01) + " | " + verdict(p, 0.001) + " |");
        }
    }

    @Test
    void theReportNamesTheMachineTheSizesAndTheCommandToRerunIt() {
        String report = StatisticsReport.render(small, MACHINE);
        assertThat(report).contains("2026-01-01 00:00 UTC", "2 cores", "Example JDK 21", "Linux amd64")
            .contains("| 50,000 draws (200,000 digits) | i = 0 .. 49,999 |", "| 750,016 bits (23,438 words) | i = 50,500 |")
            .contains("bin/fairness-report", "io.fairdraw.bench.FairnessReport");
    }

    @Test
    void aPValueBelowALevelIsMarkedAsAFailureAtThatLevelOnly() {
        FourDFindings fourD = small.fourD();
        List<ChiSquare> positions = new ArrayList<>(fourD.positions());
        positions.set(0, new ChiSquare(23.59, 9, 0.005));
        Results failing = new Results(small.sizes(), new FourDFindings(fourD.draws(), positions, fourD.numbers(),
            fourD.runs(), fourD.serialCorrelation()), 1, small.lotto(), 1, small.stream(), 1,
            small.longestRunWithExactTable());
        assertThat(StatisticsReport.render(failing, MACHINE))
            .contains("| 1 | 4D digit A uniform over 0-9 | χ² = 23.59, 9 df | 0.005000 | **fail** | pass |");
    }

    @Test
    void theCommittedReportCoversEveryTestOfTheSuiteAtReportSizes() throws IOException {
        String committed = Files.readString(Path.of("..", "docs", "fairness", "statistics.md"));
        assertThat(small.pValues()).allSatisfy(p -> assertThat(committed).contains("| " + p.test() + " |"));
        assertThat(committed).contains("| 10,000,000 draws (40,000,000 digits) |", "| 100,000,000 bits (3,125,000 words) |");
    }

    private static String verdict(PValue p, double alpha) {
        return p.rejectsAt(alpha) ? "**fail**" : "pass";
    }
}
