package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fairdraw.testsupport.LocalSecretsManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The local control plane, on its own port, never the API's: health, the functions and their
 * processes, the events on the bus, the queues and their dead letters, the scheduler's plan, the
 * invariants over all stored data ({@link Audit});
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) to run a function
 * by hand; and the SQS JSON API's SendMessage and SendMessageBatch for functions that send to a
 * queue of the topology; the sandbox payment provider ({@link SandboxPage}: its payments and
 * payouts, hosted page, signing and settlement report); and Secrets Manager's GetSecretValue for
 * the functions' secrets ({@link LocalSecrets}); and, per function, the DynamoDB calls its IAM
 * policy refused and the grants wider than its calls needed ({@code GET /iam}, {@link TableGrants}).
 */
final class ControlApi implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final Map<String, FunctionHost> functions;
    private final Map<String, LocalQueue> queues;
    private final EventBus bus;
    private final DrawScheduler scheduler;
    private final SandboxPage sandbox;
    private static final Logger LOG = Logger.getLogger(ControlApi.class);
    private final Audit audit;
    private final Chaos chaos;
    private final LocalSecretsManager secrets;
    private final Map<String, TableGrants> grants;
    /** The functions by the access key they sign with, for Secrets Manager and SQS. */
    private final Map<String, ServiceGrants> byAccessKey = new java.util.HashMap<>();
    private final Map<String, ServiceGrants> serviceGrants;
    private HttpServer server;

    ControlApi(Map<String, FunctionHost> functions, Map<String, LocalQueue> queues, EventBus bus, DrawScheduler scheduler, SandboxPage sandbox,
            Audit audit, Chaos chaos, LocalSecretsManager secrets, Map<String, TableGrants> grants,
            Map<String, ServiceGrants> serviceGrants) {
        this.secrets = secrets;
        this.grants = grants;
        this.serviceGrants = serviceGrants;
        serviceGrants.forEach((name, g) -> byAccessKey.put(ServiceGrants.accessKeyOf(name), g));
        this.audit = audit;
        this.chaos = chaos;
        this.functions = functions;
        this.queues = queues;
        this.bus = bus;
        this.scheduler = scheduler;
        this.sandbox = sandbox;
    }

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    boolean ready() {
        return functions.values().stream().allMatch(FunctionHost::ready);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher invoke = INVOKE.matcher(path);
            try {
                route(exchange, path, method, invoke);
            } catch (IllegalArgumentException bad) {
                // Unreadable JSON, a number that is none, a rate out of range: refused, nothing changed.
                byte[] body = Json.bytes(Map.of("type", "https://fairdraw.io/problems/local-bad-request", "title", "Bad request",
                        "status", 400, "detail", String.valueOf(bad.getMessage())));
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void route(HttpExchange exchange, String path, String method, Matcher invoke) throws IOException {
        if (secrets != null && LocalSecretsManager.handles(exchange)) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String> refused = caller(exchange).map(g -> g.getSecretValue(LocalSecretsManager.secretNameIn(body)))
                    .orElse(Optional.of(unknownCaller(exchange, "secretsmanager:GetSecretValue")));
            if (refused.isPresent()) {
                LOG.warnf("IAM denied: %s", refused.get());
                Json.reply(exchange, 400, Map.of("__type", "AccessDeniedException", "message", refused.get()));
            } else {
                secrets.handle(exchange, body);
            }
        } else if (sandbox.handles(path)) {
            sandbox.handle(exchange);
        } else if (method.equals("POST") && invoke.matches()) {
            invoke(exchange, invoke.group(1));
        } else if (method.equals("POST") && path.startsWith("/sqs")) {
            sqs(exchange);
        } else if (method.equals("GET") && path.equals("/health")) {
            Json.reply(exchange, ready() ? 200 : 503, Map.of("ready", ready()));
        } else if (method.equals("GET") && path.equals("/functions")) {
            Json.reply(exchange, 200, functions.values().stream().map(FunctionHost::status).toList());
        } else if (method.equals("GET") && path.equals("/events")) {
            Json.reply(exchange, 200, bus.recent());
        } else if (method.equals("POST") && path.startsWith("/queues/") && path.endsWith("/redrive")) {
            LocalQueue queue = queues.get(path.substring("/queues/".length(), path.length() - "/redrive".length()));
            if (queue == null) {
                Json.reply(exchange, 404, Map.of("message", "no such queue"));
            } else {
                Json.reply(exchange, 200, Map.of("redriven", queue.redrive()));
            }
        } else if (method.equals("GET") && path.equals("/queues")) {
            Json.reply(exchange, 200, queues.values().stream().map(LocalQueue::status).toList());
        } else if (path.equals("/chaos")) {
            chaos(exchange);
        } else if (method.equals("GET") && path.equals("/audit")) {
            Map<String, Object> report = audit.run();
            Json.reply(exchange, Boolean.TRUE.equals(report.get("holds")) ? 200 : 409, report);
        } else if (method.equals("GET") && path.equals("/iam")) {
            Map<String, Object> report = new java.util.TreeMap<>();
            grants.forEach((name, g) -> report.put(name, g.report()));
            serviceGrants.forEach((name, g) -> {
                Map<String, Object> merged = new java.util.LinkedHashMap<>(grants.containsKey(name) ? grants.get(name).report() : Map.of());
                Map<String, Object> services = g.report();
                java.util.List<Object> denied = new java.util.ArrayList<>((java.util.List<?>) merged.getOrDefault("denied", java.util.List.of()));
                denied.addAll((java.util.List<?>) services.get("denied"));
                merged.put("denied", denied);
                merged.put("unused", services.get("unused"));
                report.put(name, merged);
            });
            Json.reply(exchange, 200, report);
        } else if (method.equals("POST") && path.equals("/schedule/miss") && scheduler != null) {
            miss(exchange);
        } else if (method.equals("GET") && path.equals("/schedule")) {
            // As text: Jackson here has no java.time support, and a record with an Instant in it failed the reply.
            Json.reply(exchange, 200, scheduler == null ? java.util.List.of() : scheduler.upcoming(20).stream()
                    .map(f -> Map.of("at", f.at().toString(), "gameId", f.gameId(), "step", f.step(), "drawTime", f.drawTime().toString()))
                    .toList());
        } else {
            Json.reply(exchange, 404, Map.of("message", "no such control route; see local-cloud/README.md"));
        }
    }

    /** POST starts faults ({seed, writeFaultRate, duplicateRate, killEverySeconds}), DELETE stops them, GET says what was dealt. */
    private void chaos(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                JsonNode body = Json.parse(exchange.getRequestBody().readAllBytes());
                chaos.start(new Chaos.Settings(body.path("seed").asLong(1), body.path("writeFaultRate").asDouble(0.05),
                        body.path("duplicateRate").asDouble(0.1), body.path("killEverySeconds").asInt(20)));
            }
            case "DELETE" -> chaos.stop();
            default -> {
            }
        }
        Json.reply(exchange, 200, chaos.status());
    }

    /** Lambda's Invoke API: RequestResponse (default) answers the function's result; Event answers 202 at once. */
    private void invoke(HttpExchange exchange, String name) throws IOException {
        FunctionHost function = functions.get(name);
        if (function == null) {
            Json.reply(exchange, 404, Map.of("Type", "User", "message", "Function not found: " + name));
            return;
        }
        byte[] payload = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        if ("Event".equals(type)) {
            function.invokeAsync(payload);
            Json.reply(exchange, 202, new byte[0]);
            return;
        }
        try {
            Invocation.Result result = function.invoke(payload).get();
            if (result.failed()) {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", result.errorType());
            }
            Json.reply(exchange, 200, result.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Json.reply(exchange, 500, Map.of("message", String.valueOf(e.getCause())));
        }
    }

    /** SendMessage and SendMessageBatch of the SQS JSON protocol (AmazonSQS.*, awsJson1_0). */
    private void sqs(HttpExchange exchange) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        JsonNode body;
        try {
            body = Json.parse(exchange.getRequestBody().readAllBytes());
        } catch (IllegalArgumentException e) {
            Json.reply(exchange, 400, Map.of("__type", "com.amazonaws.sqs#InvalidRequest", "message", e.getMessage()));
            return;
        }
        String url = body.path("QueueUrl").asText();
        String name = url.substring(url.lastIndexOf('/') + 1);
        LocalQueue queue = queues.get(name);
        if (queue == null) {
            Json.reply(exchange, 400, Map.of("__type", "com.amazonaws.sqs#QueueDoesNotExist", "message", "no queue " + url));
            return;
        }
        Optional<String> refused = caller(exchange).map(g -> g.sendMessage(name))
                .orElse(Optional.of(unknownCaller(exchange, "sqs:SendMessage")));
        if (refused.isPresent()) {
            LOG.warnf("IAM denied: %s", refused.get());
            Json.reply(exchange, 400, Map.of("__type", "com.amazonaws.sqs#AccessDenied", "message", refused.get()));
            return;
        }
        switch (target) {
            case "AmazonSQS.SendMessage" -> {
                String messageBody = body.path("MessageBody").asText();
                Json.reply(exchange, 200, Map.of("MessageId", queue.send(messageBody), "MD5OfMessageBody", LocalQueue.md5(messageBody)));
            }
            case "AmazonSQS.SendMessageBatch" -> {
                ObjectNode answer = Json.object();
                ArrayNode successful = answer.putArray("Successful");
                answer.putArray("Failed");
                for (JsonNode entry : body.path("Entries")) {
                    String messageBody = entry.path("MessageBody").asText();
                    ObjectNode ok = successful.addObject();
                    ok.put("Id", entry.path("Id").asText());
                    ok.put("MessageId", queue.send(messageBody));
                    ok.put("MD5OfMessageBody", LocalQueue.md5(messageBody));
                }
                Json.reply(exchange, 200, answer);
            }
            default -> Json.reply(exchange, 400, Map.of("__type", "com.amazonaws.sqs#UnsupportedOperation", "message", target + " is not served here"));
        }
    }

    /** POST /schedule/miss {"gameId", "step", "drawTime"}: the scheduler skips that step of that draw. */
    private void miss(HttpExchange exchange) throws IOException {
        JsonNode body = Json.parse(exchange.getRequestBody().readAllBytes());
        java.time.Instant drawTime;
        try {
            drawTime = java.time.Instant.parse(body.path("drawTime").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("drawTime is not an instant: " + e.getMessage(), e);
        }
        Json.reply(exchange, 200, Map.of("missed", scheduler.miss(body.path("gameId").asText(""), body.path("step").asText(""), drawTime)));
    }

    /** The function a signed request came from, by its access key. */
    private Optional<ServiceGrants> caller(HttpExchange exchange) {
        return ServiceGrants.accessKeyIn(exchange.getRequestHeaders().getFirst("Authorization")).map(byAccessKey::get);
    }

    private static String unknownCaller(HttpExchange exchange, String action) {
        String key = ServiceGrants.accessKeyIn(exchange.getRequestHeaders().getFirst("Authorization")).orElse("no signature");
        return "The security token included in the request is invalid (" + key + " is no function's key): " + action;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
