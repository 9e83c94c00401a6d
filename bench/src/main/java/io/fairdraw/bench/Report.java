package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes {@code docs/performance.md} and its PNG charts from the scenarios' results. */
final class Report {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final double PLACEMENT_TARGET = 1.15;
    private static final double READS_TARGET = 1.10;
    private static final int SHARDS = io.fairdraw.platform.tickets.TicketItems.SHARDS;

    private final Path root;
    private final Path results;
    private final Path charts;

    Report(Path root, Path results) {
        this.root = root;
        this.results = results;
        this.charts = root.resolve("docs/performance");
    }

    void write() throws IOException {
        Files.createDirectories(charts);
        JsonNode placement = Results.read(results, "placement");
        JsonNode startup = Results.read(results, "startup");
        List<JsonNode> fixed = settlements("fixed");
        List<JsonNode> lotto = settlements("lotto");
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Every figure here is a ratio against a baseline measured in the same run, on the same machine, against the same\n")
                .append("DynamoDB Local: absolute times on a laptop say little about Lambda and DynamoDB in AWS, but a ratio between two\n")
                .append("ways of doing the same work on the same machine does. `bench/run` measured them and wrote this page; the\n")
                .append("charts are in `docs/performance/`.\n\n");
        md.append("## Machine\n\n").append(Machine.describe()).append("\n");
        if (placement != null) {
            placement(md, placement);
        }
        if (!fixed.isEmpty()) {
            fixedOdds(md, fixed);
        }
        if (!lotto.isEmpty()) {
            lotto(md, lotto);
        }
        if (startup != null) {
            startup(md, startup);
        }
        md.append(Files.readString(root.resolve("bench/src/main/resources/performance-notes.md")));
        Files.writeString(root.resolve("docs/performance.md"), md.toString());
        Bench.log("wrote docs/performance.md");
    }

    private void placement(StringBuilder md, JsonNode placement) throws IOException {
        md.append("## Bet placement\n\n");
        md.append("A ticket of ").append(placement.get("linesPerTicket").asInt()).append(" lines (4D, 3D, 2D back and front of one number, ")
                .append("the number skewed towards popular ones) bought through the betting function's Lambda handler, against the ")
                .append("bare `TransactWriteItems` of the same items made without the function, two ways: through the SDK, the same ")
                .append("request sent by a DynamoDB client configured as the functions' (the call any Java code makes), and on the wire, ")
                .append("the same bytes posted with no SDK at all (the floor). Target: the handler's p50 at most ")
                .append(PLACEMENT_TARGET).append("× the SDK call's.\n\n");
        md.append("| Concurrency | Tickets | Handler p50 | SDK call p50 | **p50 ratio** | Wire p50 | Ratio to wire | Handler p99 | SDK call p99 | p99 ratio "
                + "| Handler/s | SDK calls/s | Throughput ratio | Target |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--|\n");
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        for (JsonNode level : placement.get("levels")) {
            JsonNode handler = level.get("handler");
            JsonNode sdk = level.get("sdk");
            JsonNode bare = level.get("bare");
            String c = level.get("concurrency").asText();
            double ratio = level.get("p50Ratio").asDouble();
            // At one buyer DynamoDB Local's spread between the sides' tables outweighs the function's own time: judged with it held equal.
            double judged = level.has("p50RatioTransactionHeldEqual") ? Math.max(ratio, level.get("p50RatioTransactionHeldEqual").asDouble()) : ratio;
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | **%.2f×** | %.2f ms | %.2f× | %.2f ms | %.2f ms | %.2f× "
                    + "| %.0f | %.0f | %.2f× | %s |%n",
                    c, level.get("tickets").asInt(), handler.get("p50Millis").asDouble(), sdk.get("p50Millis").asDouble(), ratio,
                    bare.get("p50Millis").asDouble(), level.get("p50RatioToWire").asDouble(),
                    handler.get("p99Millis").asDouble(), sdk.get("p99Millis").asDouble(), level.get("p99Ratio").asDouble(),
                    handler.get("throughputPerSecond").asDouble(), sdk.get("throughputPerSecond").asDouble(),
                    level.get("throughputRatio").asDouble(), judged > PLACEMENT_TARGET ? "**missed**"
                            : level.has("p50RatioTransactionHeldEqual") ? "met, DynamoDB held equal too" : "met"));
            latency.addValue(handler.get("p50Millis").asDouble(), "handler p50", c);
            latency.addValue(sdk.get("p50Millis").asDouble(), "SDK call p50", c);
            latency.addValue(bare.get("p50Millis").asDouble(), "wire p50", c);
            latency.addValue(handler.get("p99Millis").asDouble(), "handler p99", c);
            latency.addValue(sdk.get("p99Millis").asDouble(), "SDK call p99", c);
        }
        for (JsonNode level : placement.get("levels")) {
            if (level.has("p50RatioTransactionHeldEqual")) {
                md.append(String.format(Locale.ROOT, "%nAt one buyer, each side's own time (its latency less its transaction's time at "
                        + "DynamoDB's hop, per call; medians): the handler %.2f ms (%.2f ms from the event to its transaction, %.2f ms "
                        + "from DynamoDB's answer to its own), the SDK call %.2f ms, the wire %.2f ms. The same transactions took "
                        + "different times at the hop on each side's tables (medians: handler %.2f ms, SDK call %.2f ms, wire %.2f ms), "
                        + "a spread larger than the function's own time, which is why the plain ratios at every level fall below 1 "
                        + "(see How the comparisons are made); with DynamoDB's part held equal (each side's own time plus "
                        + "the median transaction of all three, %.2f ms) the handler is **%.2f×** the SDK call (the target's "
                        + "figure at one buyer, %s) and %.2f× the wire.%n",
                        level.get("handler").get("ownMillis").asDouble(), level.get("functionBeforeTransactionMillis").asDouble(),
                        level.get("functionAfterTransactionMillis").asDouble(), level.get("sdk").get("ownMillis").asDouble(),
                        level.get("bare").get("ownMillis").asDouble(), level.get("handler").get("transactionAtHopMillis").asDouble(),
                        level.get("sdk").get("transactionAtHopMillis").asDouble(), level.get("bare").get("transactionAtHopMillis").asDouble(),
                        level.get("transactionAtHopMillis").asDouble(), level.get("p50RatioTransactionHeldEqual").asDouble(),
                        level.get("p50RatioTransactionHeldEqual").asDouble() <= PLACEMENT_TARGET ? "met" : "**missed**",
                        level.get("p50RatioToWireTransactionHeldEqual").asDouble()));
            }
        }
        md.append("\n| Concurrency | Write units per ticket as DynamoDB Local reports them (handler) | (bare) | DynamoDB calls per ticket (handler) |\n");
        md.append("|---:|---:|---:|:--|\n");
        for (JsonNode level : placement.get("levels")) {
            List<String> calls = new ArrayList<>();
            level.get("dynamoCallsPerTicket").fields().forEachRemaining(e -> calls.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                    e.getValue().asDouble())));
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", level.get("concurrency").asText(),
                    level.get("handlerWriteUnitsPerTicket").asDouble(), level.get("bareWriteUnitsPerTicket").asDouble(), String.join(", ", calls)));
        }
        purchaseItems(md, placement.get("purchaseItems"));
        scale(md, placement.get("purchaseItems"), placement.get("hotNumber"));
        JFreeChart chart = ChartFactory.createBarChart("Bet placement latency", "concurrency", "milliseconds", latency,
                PlotOrientation.VERTICAL, true, false, false);
        save(chart, "placement-latency.png");
        md.append("\n![Bet placement latency](performance/placement-latency.png)\n\n");
    }

    /** Every item of one purchase's transaction, its size and its write units, for four lines and for one. */
    private static void purchaseItems(StringBuilder md, JsonNode items) {
        if (items == null) {
            return;
        }
        JsonNode four = items.get("fourLines");
        JsonNode one = items.get("oneLine");
        md.append("\n### What a purchase writes\n\n");
        md.append(String.format(Locale.ROOT, "Billed as DynamoDB bills a transaction: two write units per started kilobyte of each item "
                + "written or checked, each item read back after the purchase and sized by DynamoDB's rules (`PurchaseItems`). "
                + "**A ticket of four lines: %d write units; of one line: %d.** DynamoDB Local reports a flat figure per table "
                + "(%.0f for either), which the table above shows and which does not change with the items.%n%n",
                four.get("writeUnits").asLong(), one.get("writeUnits").asLong(), four.get("reportedWriteUnits").asDouble()));
        md.append("| Item (four lines) | Action | Bytes | Write units | Why it is there |\n|:--|:--|---:|---:|:--|\n");
        for (JsonNode item : four.get("items")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s |%n", item.get("table").asText(), item.get("action").asText(),
                    item.get("bytes").asLong(), item.get("writeUnits").asLong(), item.get("why").asText()));
        }
        md.append(String.format(Locale.ROOT, "| **total** | | | **%d** | |%n", four.get("writeUnits").asLong()));
        List<String> oneLine = new ArrayList<>();
        for (JsonNode item : one.get("items")) {
            oneLine.add(item.get("table").asText() + " " + item.get("writeUnits").asLong());
        }
        md.append("\nOne line: ").append(String.join(", ", oneLine)).append(String.format(Locale.ROOT, "; **%d** in all.%n",
                one.get("writeUnits").asLong()));
    }

    /**
     * 10,000 tickets a second in the minutes before a cut-off: each table's write rate from the
     * items of a four-line purchase, and each table's hottest partition key from the hot-number run.
     */
    private void scale(StringBuilder md, JsonNode items, JsonNode hot) throws IOException {
        if (items == null || hot == null) {
            return;
        }
        int rate = HotNumber.TICKETS_PER_SECOND;
        md.append("\n### Scale on paper: ").append(String.format(Locale.ROOT, "%,d", rate)).append(" tickets a second\n\n");
        md.append("Each table's write rate if every ticket had four lines, from the items above (DynamoDB's default ceiling for an "
                + "on-demand table is 40,000 write units a second, raised through Service Quotas; "
                + "[quotas](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html)):\n\n");
        md.append("| Table | Items per ticket | Write units per ticket | Write units a second | Default table ceiling |\n|:--|---:|---:|---:|:--|\n");
        Map<String, long[]> perTable = new java.util.TreeMap<>();
        for (JsonNode item : items.get("fourLines").get("items")) {
            String table = item.get("table").asText() + (item.get("action").asText().equals("index") ? " (index)" : "");
            long[] sum = perTable.computeIfAbsent(table, t -> new long[2]);
            sum[0]++;
            sum[1] += item.get("writeUnits").asLong();
        }
        perTable.forEach((table, sum) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %,d | %s |%n", table, sum[0], sum[1],
                sum[1] * rate, sum[1] * rate > 40_000 ? "**above: raise the quota**" : "within")));
        int wrote = hot.get("transactions").asInt();
        md.append(String.format(Locale.ROOT, "%nOne second of that sale with every buyer on one number: %,d purchases of 2D back and "
                + "2D front of 77 by %s players (`HotNumber`; answers: %s), every transaction captured and each item counted against "
                + "its partition key. The hottest key of each table over the %,d purchases that wrote, and its write rate at %,d "
                + "such purchases a second (two units per item, each under a kilobyte), against DynamoDB's 1,000 write units a second "
                + "per partition ([partitions](https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html)); "
                + "the target is 40%%. A shard key's mean is %,d / %d = %.0f items a second (%.0f%%); the hottest is that plus the "
                + "spread of one second's random ticket ids:%n%n", hot.get("tickets").asInt(), hot.get("players").asText(),
                hot.get("statuses").toString().replaceAll("[{}\"]", "").replace(",", ", ").replace(":", ": "), wrote, rate, rate,
                SHARDS, rate / (double) SHARDS, rate * 2.0 / SHARDS / HotNumber.PARTITION_LIMIT * 100));
        md.append("| Table | Keys written | Items | Hottest key's items | Its write units a second | Of the partition limit | Target |\n"
                + "|:--|---:|---:|---:|---:|---:|:--|\n");
        for (JsonNode table : hot.get("tables")) {
            double units = table.get("hottestItems").asDouble() / wrote * rate * 2;
            double share = units / HotNumber.PARTITION_LIMIT;
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %.0f | %.0f%% | %s |%n", table.get("table").asText(),
                    table.get("keys").asInt(), table.get("items").asInt(), table.get("hottestItems").asInt(), units, share * 100,
                    share <= 0.40 ? "met" : "**missed**"));
        }
        DefaultCategoryDataset hottest = new DefaultCategoryDataset();
        for (JsonNode table : hot.get("tables")) {
            hottest.addValue(table.get("hottestItems").asDouble() / wrote * rate * 2 / HotNumber.PARTITION_LIMIT * 100, "hottest key",
                    table.get("table").asText());
            hottest.addValue(40, "target", table.get("table").asText());
        }
        JFreeChart chart = ChartFactory.createBarChart("Hottest partition key at " + String.format(Locale.ROOT, "%,d", rate)
                + " tickets a second, one number", "table", "% of a partition's 1,000 write units a second", hottest,
                PlotOrientation.HORIZONTAL, true, false, false);
        save(chart, "hot-number.png");
        md.append("\n![Hottest partition key per table](performance/hot-number.png)\n");
    }

    private void fixedOdds(StringBuilder md, List<JsonNode> runs) throws IOException {
        md.append("## Fixed-odds settlement\n\n");
        md.append("One 4D draw of N lines (tickets of four lines, numbers skewed towards popular ones), settled by payout's ")
                .append("`Settlement` (plan, then its ").append(SHARDS).append(" parts), against two full-scan baselines on the same ")
                .append("data. Each reads every line of the draw and checks it against the result; the first pays nobody, the second ")
                .append("pays every winning ticket through the same calls settlement makes (one ledger transfer with the ticket's ")
                .append("settlement marker and the owner's net-loss counters in its transaction). Items read are what DynamoDB ")
                .append("examined (a Query's or Scan's `ScannedCount`, a GetItem that found its item). Target: settlement reads within ")
                .append(Math.round((READS_TARGET - 1) * 100))
                .append("% of winning lines plus shards; its time growing with winners, not lines sold.\n\n");
        md.append("Which figure answers which question: **read ratio** and **reads per winning line** say how much of the draw ")
                .append("settlement reads, which is what DynamoDB bills and what grows with sales; **settlement / scan that pays** ")
                .append("compares two whole settlements doing the same writes, the like-for-like answer to \"is it faster\"; ")
                .append("**full scan (reads only)** is the cost of finding the winners by reading everything, a lower bound for any ")
                .append("settlement that scans, and not a settlement (it pays nobody).\n\n");
        md.append("| Lines | Winning lines | Winning tickets | Items read | Full scan items read | Read ratio | Reads / (winning lines + shards) ")
                .append("| Settlement | per winning ticket | Scan that pays | Settlement / scan that pays | Full scan (reads only) | per 1,000 lines | Target |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--|\n");
        XYSeries ourReads = new XYSeries("settlement: items read");
        XYSeries scanReads = new XYSeries("full scan: items read");
        XYSeries winners = new XYSeries("winning lines");
        XYSeries ourTime = new XYSeries("settlement: ms");
        XYSeries scanTime = new XYSeries("full scan (reads only): ms");
        XYSeries likeTime = new XYSeries("scan that pays: ms");
        for (JsonNode run : runs) {
            long lines = run.get("lines").asLong();
            long read = run.get("itemsRead").asLong();
            long scanned = run.get("fullScan").get("itemsRead").asLong();
            long winning = run.get("winningLines").asLong();
            double bound = read / (double) (winning + SHARDS);
            double scanMillis = run.get("fullScan").get("millis").asDouble();
            double millis = run.get("millis").asDouble();
            JsonNode like = run.get("fullScanAndPay");
            String likeTimeText = like == null ? "—" : String.format(Locale.ROOT, "%.1f s", like.get("millis").asDouble() / 1000);
            String likeRatio = like == null ? "—" : String.format(Locale.ROOT, "%.2f×", millis / like.get("millis").asDouble());
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.4f | %.2f | %.1f s | %.0f ms | %s | %s | %.1f s | %.0f ms | %s |%n", lines,
                    winning, run.get("winningTickets").asLong(), read, scanned, read / (double) scanned, bound, millis / 1000,
                    millis / Math.max(1, run.get("winningTickets").asLong()), likeTimeText, likeRatio, scanMillis / 1000, scanMillis / (lines / 1000.0),
                    bound <= READS_TARGET ? "met" : "**missed**"));
            if (like != null) {
                likeTime.add(lines, like.get("millis").asDouble());
            }
            ourReads.add(lines, Math.max(1, read));
            scanReads.add(lines, Math.max(1, scanned));
            winners.add(lines, Math.max(1, winning));
            ourTime.add(lines, run.get("millis").asDouble());
            scanTime.add(lines, run.get("fullScan").get("millis").asDouble());
        }
        save(logLog("Fixed-odds settlement: items read", "items read", ourReads, scanReads, winners), "settlement-reads.png");
        save(logLog("Fixed-odds settlement: time", "milliseconds", ourTime, likeTime, scanTime), "settlement-time.png");
        md.append("\n![Items read](performance/settlement-reads.png)\n\n![Time](performance/settlement-time.png)\n\n");
    }

    private void lotto(StringBuilder md, List<JsonNode> runs) throws IOException {
        md.append("## Lotto settlement\n\n");
        md.append("One 6/49 draw of N lines (picks leaning to 1–31). A lotto part must read its shard's every line to count ")
                .append("matches, so reads grow with lines by nature; the plan reads them once more to count each tier's winners.\n\n");
        md.append("| Lines | Winning tickets | Items read | Items written | Settlement |\n|---:|---:|---:|---:|---:|\n");
        for (JsonNode run : runs) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %.1f s |%n", run.get("lines").asLong(), run.get("winningTickets").asLong(),
                    run.get("itemsRead").asLong(), run.get("itemsWritten").asLong(), run.get("millis").asDouble() / 1000));
        }
        md.append("\n");
    }

    private void startup(StringBuilder md, JsonNode startup) throws IOException {
        md.append("## Start-up\n\n");
        md.append("A new execution environment, from process start to its first answered event, under AWS's runtime interface ")
                .append("client with Lambda's JVM flags (JVM mode; native start-up needs GraalVM, not on this machine): the betting ")
                .append("function (`GET /v1/games`) against a minimal Quarkus lambda-http function (`GET /ping`), alternating, ")
                .append(startup.get("rounds").asInt()).append(" rounds.\n\n");
        md.append(String.format(Locale.ROOT, "| Function | Median | %n|:--|---:|%n| minimal | %.0f ms |%n| betting | %.0f ms |%n| **ratio** | **%.2f×** |%n%n",
                startup.get("minimalMedianMillis").asDouble(), startup.get("bettingMedianMillis").asDouble(), startup.get("ratio").asDouble()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int round = 1;
        for (JsonNode run : startup.get("runs")) {
            data.addValue(run.get("minimal").asDouble(), "minimal", Integer.toString(round));
            data.addValue(run.get("betting").asDouble(), "betting", Integer.toString(round));
            round++;
        }
        save(ChartFactory.createBarChart("Start-up to first answer", "round", "milliseconds", data, PlotOrientation.VERTICAL, true, false, false),
                "startup.png");
        md.append("![Start-up](performance/startup.png)\n\n");
    }

    private List<JsonNode> settlements(String kind) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        if (!Files.isDirectory(results)) {
            return runs;
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("settlement-" + kind + "-")).toList()) {
                runs.add(Results.JSON.readTree(file.toFile()));
            }
        }
        runs.sort(Comparator.comparingLong(run -> run.get("lines").asLong()));
        return runs;
    }

    private static JFreeChart logLog(String title, String yLabel, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "lines sold", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("lines sold");
        x.setBase(10);
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        return chart;
    }

    private void save(JFreeChart chart, String name) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(charts.resolve(name).toFile(), chart, WIDTH, HEIGHT);
    }

    /** The machine the figures come from. */
    static final class Machine {
        private Machine() {
        }

        static String describe() throws IOException {
            String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
            String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
            if (memory.endsWith(" kB")) {
                memory = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(memory.replace(" kB", "").trim()) / 1024.0 / 1024.0);
            }
            return String.format(Locale.ROOT, "- Measured on %s (UTC).%n- %d cores visible to the JVM; CPU: %s; memory: %s.%n"
                    + "- %s %s on %s %s.%n- DynamoDB Local 2.6.1 in the benchmark's JVM, in memory.%n",
                    LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), cpu, memory,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                    System.getProperty("os.version"));
        }

        private static String firstValue(Path file, String key) throws IOException {
            if (!Files.isReadable(file)) {
                return "unknown";
            }
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        }
    }
}
