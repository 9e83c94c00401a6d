package io.fairdraw.localcloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * A function's DynamoDB endpoint: a pass-through to DynamoDB Local that first holds the call to
 * the function's IAM policy ({@link TableGrants}: refused as AWS refuses it, with
 * AccessDeniedException, and logged), then lets {@link Chaos} make a write fail before it applies,
 * apply it and lose the answer (the case exactly-once code must survive: the SDK retries a call
 * that in fact succeeded), or throttle it. Reads and the table streams are never faulted.
 */
final class DynamoProxy implements AutoCloseable {
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String DENIED_PREFIX = "com.amazon.coral.service#";

    private static final Logger LOG = Logger.getLogger(DynamoProxy.class);

    private final URI target;
    private final Chaos chaos;
    private final TableGrants grants;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;

    /** A proxy that lets every call through, for tests of the faults alone. */
    DynamoProxy(URI target, Chaos chaos) {
        this(target, chaos, null);
    }

    DynamoProxy(URI target, Chaos chaos, TableGrants grants) {
        this.target = target;
        this.chaos = chaos;
        this.grants = grants;
    }

    /** Starts on a free port; returns its endpoint. */
    String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String targetHeader = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = targetHeader.substring(targetHeader.indexOf('.') + 1);
            if (grants != null) {
                Optional<TableGrants.Need> refused = grants.authorize(operation, Json.parse(body));
                if (refused.isPresent()) {
                    String message = grants.denialMessage(refused.get());
                    LOG.warnf("IAM denied %s: %s", grants.function(), message);
                    error(exchange, 400, DENIED_PREFIX, "AccessDeniedException", message);
                    return;
                }
            }
            Chaos.Fault fault = WRITES.contains(operation) ? chaos.writeFault() : Chaos.Fault.NONE;
            if (fault == Chaos.Fault.FAIL_BEFORE) {
                error(exchange, 500, ERROR_PREFIX, "InternalServerError", "chaos: failed before applying");
                return;
            }
            if (fault == Chaos.Fault.THROTTLE) {
                error(exchange, 400, ERROR_PREFIX, "ThrottlingException", "chaos: throttled");
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (fault == Chaos.Fault.FAIL_AFTER) {
                error(exchange, 500, ERROR_PREFIX, "InternalServerError", "chaos: applied, then the answer was lost");
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String prefix, String type, String message) throws IOException {
        byte[] bytes = Json.bytes(Map.of("__type", prefix + type, "message", message));
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
