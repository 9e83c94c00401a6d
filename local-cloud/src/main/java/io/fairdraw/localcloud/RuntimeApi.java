package io.fairdraw.localcloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The Lambda Runtime API of one execution environment (one endpoint per function process, all of
 * a function's endpoints taking from its one queue of events), as the managed runtimes poll it ("AWS Lambda runtime
 * API", Lambda developer guide): {@code GET /2018-06-01/runtime/invocation/next} hands out the
 * next event with its request id and deadline, {@code .../{id}/response} and {@code .../{id}/error}
 * settle it, {@code /runtime/init/error} reports a failed start. A JVM function hosted by AWS's
 * runtime interface client and a native {@code bootstrap} both speak it.
 */
final class RuntimeApi implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RuntimeApi.class);
    private static final String PREFIX = "/2018-06-01/runtime";
    private static final Pattern SETTLE = Pattern.compile(PREFIX + "/invocation/([^/]+)/(response|error)");

    private final String function;
    private final String functionArn;
    private final int timeoutSeconds;
    private final HttpServer server;
    private final BlockingDeque<Invocation> pending;
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean polled = new AtomicBoolean();
    private final BooleanSupplier processAlive;
    /** Moves on when the environment dies, so a poll its dead process left waiting takes nothing. */
    private final AtomicInteger generation = new AtomicInteger();

    RuntimeApi(String function, int timeoutSeconds, BlockingDeque<Invocation> pending, BooleanSupplier processAlive) throws IOException {
        this.function = function;
        this.pending = pending;
        this.processAlive = processAlive;
        this.functionArn = "arn:aws:lambda:us-east-1:000000000000:function:" + function;
        this.timeoutSeconds = timeoutSeconds;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** True once a runtime asked for an event: its initialisation is over. */
    boolean ready() {
        return polled.get();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** Whether an event has run past the function's timeout. */
    boolean overdue(long nowMillis) {
        long limit = TimeUnit.SECONDS.toMillis(timeoutSeconds);
        return inFlight.values().stream().anyMatch(invocation -> nowMillis - invocation.dispatchedAtMillis() > limit);
    }

    /** Takes back what a dead environment was running: retried when due, failed otherwise. */
    List<Invocation> abandonInFlight(String errorType) {
        List<Invocation> abandoned = new ArrayList<>(inFlight.values());
        inFlight.clear();
        polled.set(false);
        generation.incrementAndGet();
        for (Invocation invocation : abandoned) {
            if (invocation.retryAfterCrash()) {
                LOG.warnf("%s: retrying an event its environment did not finish (attempt %d)", function, invocation.attempts() + 1);
                pending.add(invocation);
            } else {
                invocation.outcome().complete(new Invocation.Result(
                        ("{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"the execution environment ended before answering\"}")
                                .getBytes(StandardCharsets.UTF_8), errorType));
            }
        }
        return abandoned;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PREFIX + "/invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
                return;
            }
            Matcher settle = SETTLE.matcher(path);
            if (settle.matches() && exchange.getRequestMethod().equals("POST")) {
                settle(exchange, settle.group(1), settle.group(2).equals("error"));
                return;
            }
            if (path.equals(PREFIX + "/init/error")) {
                LOG.errorf("%s failed to initialise: %s", function, new String(read(exchange.getRequestBody()), StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            reply(exchange, 404, "{\"errorType\":\"InvalidRequest\",\"errorMessage\":\"unknown runtime API path\"}");
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polled.set(true);
        int caller = generation.get();
        Invocation invocation = null;
        while (invocation == null) {
            try {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // A poll left waiting by a process that has just died must not take the next event.
            if (generation.get() != caller || !processAlive.getAsBoolean()) {
                if (invocation != null) {
                    pending.offerFirst(invocation);
                }
                return;
            }
        }
        invocation.dispatched();
        inFlight.put(invocation.requestId(), invocation);
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + invocation.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        byte[] payload = invocation.payload();
        exchange.sendResponseHeaders(200, payload.length);
        exchange.getResponseBody().write(payload);
    }

    private void settle(HttpExchange exchange, String requestId, boolean error) throws IOException {
        byte[] body = read(exchange.getRequestBody());
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            reply(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown or settled request id\"}");
            return;
        }
        String errorType = null;
        if (error) {
            errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            errorType = errorType == null ? "Unhandled" : errorType;
        }
        invocation.outcome().complete(new Invocation.Result(body, errorType));
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
