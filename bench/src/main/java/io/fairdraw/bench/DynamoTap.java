package io.fairdraw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pass-through HTTP hop in front of DynamoDB Local that every DynamoDB call of a benchmark goes
 * through, the function's and the baseline's alike (so both pay the same hop). It counts calls per
 * operation and the write capacity DynamoDB reports (it asks for {@code ReturnConsumedCapacity}
 * on writes, and takes the figures out of the answer again, so the caller reads the answer it
 * asked for), and while capturing keeps the writes' bodies, as sent, so the baseline can send the
 * very same requests without the function. Its target can change between phases.
 */
final class DynamoTap implements AutoCloseable {
    private static final String TARGET = "X-Amz-Target";
    private static final String PREFIX = "DynamoDB_20120810.";
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");

    /** A write the function sent, as sent: its operation and JSON body. */
    record Captured(String operation, String body) {
    }

    private volatile URI target;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(64);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final LongAdder writeUnitsMilli = new LongAdder();
    private final ConcurrentLinkedQueue<Captured> captured = new ConcurrentLinkedQueue<>();
    private volatile boolean capturing;

    DynamoTap(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Sends every later call to another DynamoDB endpoint. */
    void retarget(URI endpoint) {
        target = endpoint;
    }

    void capture(boolean on) {
        capturing = on;
    }

    /** The writes captured since the last call, in the order they arrived. */
    List<Captured> drain() {
        List<Captured> out = new java.util.ArrayList<>();
        for (Captured c = captured.poll(); c != null; c = captured.poll()) {
            out.add(c);
        }
        return out;
    }

    /** Calls per operation and write units since the last reset. */
    Map<String, Long> calls() {
        Map<String, Long> out = new java.util.TreeMap<>();
        calls.forEach((operation, count) -> out.put(operation, count.sum()));
        return out;
    }

    /** Mean milliseconds DynamoDB Local took per call of each operation, hop included, since the last reset. */
    Map<String, Double> meanMillis() {
        Map<String, Double> out = new java.util.TreeMap<>();
        nanos.forEach((operation, total) -> out.put(operation, total.sum() / 1e6 / Math.max(1, calls.get(operation).sum())));
        return out;
    }

    double writeUnits() {
        return writeUnitsMilli.sum() / 1000.0;
    }

    void reset() {
        calls.clear();
        nanos.clear();
        writeUnitsMilli.reset();
    }

    /**
     * Sends a captured request again (to the tables its body names), as the baseline does, over
     * {@link HttpURLConnection} with keep-alive: the transport of the SDK's URL connection client,
     * which the functions use, with the body buffered as the functions send theirs (see
     * platform's {@code BufferedRequests}). The response's JSON.
     */
    String send(String operation, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        connection.setRequestProperty(TARGET, PREFIX + operation);
        connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=0");
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(bytes);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(operation + " answered " + status + ": " + answer);
            }
            return answer;
        }
    }

    /** When the latest TransactWriteItems reached the tap and when the tap had answered it, in {@link System#nanoTime()}. */
    record Hop(long arrived, long answered) {
    }

    private volatile Hop lastTransaction = new Hop(0, 0);

    /** The latest TransactWriteItems's passage; exact for its caller only while calls do not overlap. */
    Hop lastTransaction() {
        return lastTransaction;
    }

    private void forward(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String amzTarget = exchange.getRequestHeaders().getFirst(TARGET);
            String operation = amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            calls.computeIfAbsent(operation, key -> new LongAdder()).increment();
            boolean write = WRITES.contains(operation);
            boolean askedHere = false;
            if (write) {
                if (capturing) {
                    captured.add(new Captured(operation, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                }
                byte[] asked = askForCapacity(body);
                askedHere = asked != body;
                body = asked;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            long before = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            nanos.computeIfAbsent(operation, key -> new LongAdder()).add(System.nanoTime() - before);
            byte[] answer = response.body();
            if (write && response.statusCode() == 200) {
                answer = countCapacity(answer, askedHere);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            if (operation.equals("TransactWriteItems")) {
                lastTransaction = new Hop(arrived, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] askForCapacity(byte[] body) throws IOException {
        JsonNode request = Results.WIRE.readTree(body);
        if (request instanceof ObjectNode object && !object.has("ReturnConsumedCapacity")) {
            object.put("ReturnConsumedCapacity", "TOTAL");
            return Results.WIRE.writeValueAsBytes(object);
        }
        return body;
    }

    /** Counts the write units of an answer; the answer without them when the caller did not ask. */
    private byte[] countCapacity(byte[] body, boolean askedHere) throws IOException {
        JsonNode answer = Results.WIRE.readTree(body);
        JsonNode consumed = answer.path("ConsumedCapacity");
        for (JsonNode table : consumed.isArray() ? consumed : List.of(consumed)) {
            if (table.has("CapacityUnits")) {
                writeUnitsMilli.add(Math.round(table.get("CapacityUnits").asDouble() * 1000));
            }
        }
        if (askedHere && answer instanceof ObjectNode object) {
            object.remove("ConsumedCapacity");
            return Results.WIRE.writeValueAsBytes(object);
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
