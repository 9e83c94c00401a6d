package io.fairdraw.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.localcloud.FunctionHost;
import io.fairdraw.localcloud.FunctionPackage;
import io.fairdraw.localcloud.Invocation;
import io.fairdraw.localcloud.RuntimeClient;
import io.fairdraw.testsupport.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: a new execution environment of the betting function (its function.zip under AWS's
 * runtime interface client, with Lambda's JVM flags, as local-cloud hosts it) from process
 * start to its first answered event, {@code GET /v1/games}, against a minimal Quarkus lambda-http
 * function answering {@code GET /ping}, started the same way; the two alternate, several times.
 */
final class StartupBench {
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Path root;
    private final Path work;
    private final int rounds;

    StartupBench(Path root, Path work, boolean full) {
        this.root = root;
        this.work = work;
        this.rounds = full ? 10 : 5;
    }

    ObjectNode run() throws Exception {
        List<Path> ricJars = RuntimeClient.jars(root);
        Map<String, String> base = new LinkedHashMap<>();
        base.put(RuntimeClient.JNI_PROPERTY, RuntimeClient.nativeLibrary(ricJars, work.resolve("ric")).toString());
        String java = ProcessHandle.current().info().command().orElse("java");

        LocalDynamo local = LocalDynamo.shared();
        IdentityStub identity = new IdentityStub();
        Map<String, String> betting = new LinkedHashMap<>(base);
        betting.put("quarkus.dynamodb.endpoint-override", local.endpoint().toString());
        betting.put("quarkus.dynamodb.aws.region", LocalDynamo.REGION);
        betting.put("quarkus.dynamodb.aws.credentials.type", "static");
        betting.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", LocalDynamo.ACCESS_KEY);
        betting.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", LocalDynamo.SECRET_KEY);
        betting.put("fairdraw.local.create-tables", "false");
        betting.putAll(identity.playerPoolSettings());
        betting.put("fairdraw.edge.origin-secret", GatewayEvents.ORIGIN_SECRET);

        FunctionPackage fairdraw = new FunctionPackage("betting", root.resolve("functions/betting/target/function.zip"),
                work.resolve("functions/betting"), HANDLER, 1024);
        FunctionPackage minimal = new FunctionPackage("minimal", root.resolve("bench/minimal-function/target/function.zip"),
                work.resolve("functions/minimal"), HANDLER, 1024);
        fairdraw.unpack();
        minimal.unpack();

        try {
            return measure(fairdraw, minimal, java, ricJars, base, betting);
        } finally {
            identity.close();
        }
    }

    private ObjectNode measure(FunctionPackage fairdraw, FunctionPackage minimal, String java, List<Path> ricJars, Map<String, String> base,
            Map<String, String> betting) throws Exception {
        double[] ours = new double[rounds];
        double[] baseline = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            baseline[round] = firstAnswer(minimal, java, ricJars, base, "/ping");
            ours[round] = firstAnswer(fairdraw, java, ricJars, betting, "/v1/games");
            Bench.log(String.format("start-up: round %d: minimal %.0f ms, betting %.0f ms", round + 1, baseline[round], ours[round]));
        }
        ObjectNode result = Results.object().put("rounds", rounds).put("bettingMedianMillis", median(ours))
                .put("minimalMedianMillis", median(baseline)).put("ratio", median(ours) / median(baseline));
        ArrayNode runs = result.putArray("runs");
        for (int round = 0; round < rounds; round++) {
            runs.add(Results.object().put("betting", ours[round]).put("minimal", baseline[round]));
        }
        return result;
    }

    /** Milliseconds from starting a new environment to the answer of its first event. */
    private double firstAnswer(FunctionPackage pkg, String java, List<Path> ricJars, Map<String, String> properties, String path)
            throws Exception {
        long start = System.nanoTime();
        try (FunctionHost host = new FunctionHost(pkg.name(), 120, 1, address -> pkg.command(address, java, ricJars, properties),
                work.resolve("logs/startup-" + pkg.name() + ".log"))) {
            host.start();
            Invocation.Result result = host.invoke(GatewayEvents.http("GET", path, path, Map.of(), null).getBytes(StandardCharsets.UTF_8)).get(120, TimeUnit.SECONDS);
            double millis = (System.nanoTime() - start) / 1e6;
            String body = new String(result.body(), StandardCharsets.UTF_8);
            if (result.failed() || !body.contains("\"statusCode\":200")) {
                throw new IllegalStateException(pkg.name() + " answered its first event with " + body);
            }
            return millis;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
