package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmarks' entry point; {@code bench/run} calls it once per scenario, each in a JVM of its
 * own, then once more for the report:
 * <pre>
 *   placement [--full]                 bet placement, handler against bare transaction
 *   settlement fixed|lotto LINES       one draw of LINES lines settled (and, fixed odds, fully scanned)
 *   startup [--full]                   first answer of a new environment, betting against minimal
 *   report                             docs/performance.md and its charts from the results
 * </pre>
 * The repository root is the working directory; results go to {@code bench/target/results}.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("name a scenario: placement, settlement, startup or report");
        }
        Path root = Path.of("").toAbsolutePath();
        Path target = root.resolve("bench/target");
        Path results = target.resolve("results");
        boolean full = arguments.contains("--full");
        JsonNode figures;
        String name;
        switch (arguments.get(0)) {
            case "placement" -> {
                name = "placement";
                figures = new PlacementBench(root, target.resolve("work"), full).run();
            }
            case "settlement" -> {
                boolean lotto = arguments.get(1).equals("lotto");
                int lines = Integer.parseInt(arguments.get(2));
                name = "settlement-" + arguments.get(1) + "-" + lines;
                figures = new SettlementBench(lotto, lines).run();
            }
            case "startup" -> {
                name = "startup";
                figures = new StartupBench(root, target.resolve("work"), full).run();
            }
            case "report" -> {
                new Report(root, results).write();
                return;
            }
            default -> throw new IllegalArgumentException("no scenario " + arguments.get(0));
        }
        Results.write(results, name, figures);
        log("wrote " + results.resolve(name + ".json"));
        // DynamoDB Local and the functions' threads would keep the JVM alive.
        System.exit(0);
    }

    /** Progress, on standard error: standard output carries the functions' own logs. */
    static void log(String line) {
        System.err.println("[bench] " + line);
    }
}
