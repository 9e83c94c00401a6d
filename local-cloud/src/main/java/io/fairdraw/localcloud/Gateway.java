package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The HTTP API of the topology on one port: routes to functions as payload format 2.0 events,
 * the Lambda authorizer (REQUEST type, simple responses) in front of {@code auth: authorizer}
 * routes with its identity sources as the cache key, and the answers API Gateway itself gives:
 * 404 for no route, 401 when an identity source is missing, 403 when the authorizer refuses,
 * 500 when a function fails. CloudFront's headers are added first ({@link Edge}).
 */
final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class);
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String API_ID = "localapi";

    private final Routes routes;
    private final Map<String, FunctionHost> functions;
    private final Edge edge;
    private final String authorizerFunction;
    private final List<String> identitySources;
    private final long authorizerTtlMillis;
    private final Map<String, CachedDecision> decisions = new ConcurrentHashMap<>();
    private final StaticFiles staticFiles;
    private HttpServer server;

    private record CachedDecision(boolean authorized, JsonNode context, long expiresAtMillis) {
    }

    Gateway(JsonNode topology, Map<String, FunctionHost> functions, Edge edge, StaticFiles staticFiles) {
        this.routes = new Routes(topology);
        this.functions = functions;
        this.edge = edge;
        this.staticFiles = staticFiles;
        JsonNode authorizer = topology.get("authorizer");
        this.authorizerFunction = authorizer.get("function").asText();
        this.identitySources = new ArrayList<>();
        authorizer.get("identitySources").forEach(source -> identitySources.add(source.asText()));
        this.authorizerTtlMillis = authorizer.path("resultTtlSeconds").asLong(0) * 1000;
    }

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<Routes.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                if (staticFiles.serve(exchange)) {
                    return;
                }
                Json.reply(exchange, 404, Json.bytes(Map.of("message", "Not Found")));
                return;
            }
            String target = match.get().route().function();
            if (!functions.containsKey(target)) {
                // A laptop started with a subset of the functions (FAIRDRAW_FUNCTIONS): say so, not 500.
                Json.reply(exchange, 503, Json.bytes(Map.of("message", target + " is not running here: local-cloud was started without it "
                        + "(FAIRDRAW_FUNCTIONS)")));
                return;
            }
            Request request = Request.of(exchange, requestId, match.get(), edge);
            if (match.get().route().auth().equals("authorizer")) {
                Optional<JsonNode> context = authorize(exchange, request);
                if (context.isEmpty()) {
                    return;
                }
                request.authorizerContext = context.get();
            }
            forward(exchange, request);
        } catch (RuntimeException e) {
            LOG.error("the gateway could not handle a request", e);
            Json.reply(exchange, 500, Json.bytes(Map.of("message", "Internal Server Error")));
        }
    }

    /** The authorizer's context when it admits the request; otherwise the refusal is already sent. */
    private Optional<JsonNode> authorize(HttpExchange exchange, Request request) throws IOException {
        List<String> values = new ArrayList<>();
        for (String source : identitySources) {
            String header = source.substring("$request.header.".length()).toLowerCase(Locale.ROOT);
            String value = request.headers.get(header);
            if (value == null || value.isEmpty()) {
                Json.reply(exchange, 401, Json.bytes(Map.of("message", "Unauthorized")));
                return Optional.empty();
            }
            values.add(value);
        }
        String key = String.join("\u0000", values);
        long now = System.currentTimeMillis();
        CachedDecision decision = decisions.get(key);
        if (decision == null || decision.expiresAtMillis() < now) {
            ObjectNode event = request.authorizerEvent(values);
            Invocation.Result result = call(authorizerFunction, Json.bytes(event));
            if (result.failed()) {
                LOG.errorf("the authorizer failed: %s", new String(result.body(), StandardCharsets.UTF_8));
                Json.reply(exchange, 500, Json.bytes(Map.of("message", "Internal Server Error")));
                return Optional.empty();
            }
            JsonNode answer = Json.parse(result.body());
            decision = new CachedDecision(answer.path("isAuthorized").asBoolean(false), answer.path("context"), now + authorizerTtlMillis);
            if (authorizerTtlMillis > 0) {
                decisions.put(key, decision);
            }
        }
        if (!decision.authorized()) {
            Json.reply(exchange, 403, Json.bytes(Map.of("message", "Forbidden")));
            return Optional.empty();
        }
        return Optional.of(decision.context());
    }

    private void forward(HttpExchange exchange, Request request) throws IOException {
        Invocation.Result result = call(request.match.route().function(), Json.bytes(request.functionEvent()));
        if (result.failed()) {
            LOG.errorf("%s failed on %s: %s", request.match.route().function(), request.match.route().key(),
                    new String(result.body(), StandardCharsets.UTF_8));
            Json.reply(exchange, 500, Json.bytes(Map.of("message", "Internal Server Error")));
            return;
        }
        JsonNode response = Json.parse(result.body());
        var headers = exchange.getResponseHeaders();
        response.path("headers").fields().forEachRemaining(header -> headers.set(header.getKey(), header.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(header -> {
            headers.remove(header.getKey());
            header.getValue().forEach(value -> headers.add(header.getKey(), value.asText()));
        });
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        byte[] body = new byte[0];
        if (response.hasNonNull("body")) {
            String text = response.get("body").asText();
            body = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        int status = response.path("statusCode").asInt(200);
        boolean noBody = body.length == 0 || method(exchange).equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String method(HttpExchange exchange) {
        return exchange.getRequestMethod();
    }

    private Invocation.Result call(String function, byte[] event) {
        FunctionHost host = functions.get(function);
        if (host == null) {
            throw new IllegalStateException("the topology routes to " + function + ", which is not running");
        }
        try {
            return host.invoke(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** One request as the gateway sees it, and the events made of it. */
    private static final class Request {
        private final String requestId;
        private final Routes.Match match;
        private final String method;
        private final String rawPath;
        private final String rawQuery;
        private final Map<String, String> headers;
        private final List<String> cookies;
        private final byte[] body;
        private final String sourceIp;
        private final Instant time = Instant.now();
        private JsonNode authorizerContext;

        private Request(String requestId, Routes.Match match, String method, String rawPath, String rawQuery, Map<String, String> headers,
                List<String> cookies, byte[] body, String sourceIp) {
            this.requestId = requestId;
            this.match = match;
            this.method = method;
            this.rawPath = rawPath;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.cookies = cookies;
            this.body = body;
            this.sourceIp = sourceIp;
        }

        static Request of(HttpExchange exchange, String requestId, Routes.Match match, Edge edge) throws IOException {
            // Header names in lower case, repeated headers joined with commas, cookies apart: payload format 2.0.
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> cookies = new ArrayList<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("cookie")) {
                    values.forEach(value -> List.of(value.split(";")).forEach(c -> cookies.add(c.trim())));
                } else {
                    headers.put(lower, String.join(",", values));
                }
            });
            String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
            headers.put("x-forwarded-for", sourceIp);
            headers.put("x-forwarded-proto", "http");
            headers.put("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
            edge.apply(headers);
            String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            return new Request(requestId, match, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), rawQuery, headers,
                    cookies, exchange.getRequestBody().readAllBytes(), sourceIp);
        }

        private String routeKey() {
            return match.route().key();
        }

        ObjectNode functionEvent() {
            ObjectNode event = common("2.0");
            event.put("routeKey", routeKey());
            ObjectNode context = requestContext(event);
            if (authorizerContext != null) {
                context.putObject("authorizer").set("lambda", authorizerContext);
            }
            if (body.length > 0) {
                Optional<String> text = utf8(body);
                event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
                event.put("isBase64Encoded", text.isEmpty());
            } else {
                event.put("isBase64Encoded", false);
            }
            return event;
        }

        ObjectNode authorizerEvent(List<String> identitySource) {
            ObjectNode event = common("2.0");
            event.put("type", "REQUEST");
            event.put("routeArn", "arn:aws:execute-api:us-east-1:000000000000:" + API_ID + "/$default/" + method + rawPath);
            ArrayNode sources = event.putArray("identitySource");
            identitySource.forEach(sources::add);
            event.put("routeKey", routeKey());
            requestContext(event).putNull("authentication");
            return event;
        }

        private ObjectNode common(String version) {
            ObjectNode event = Json.object();
            event.put("version", version);
            event.put("rawPath", rawPath);
            event.put("rawQueryString", rawQuery);
            if (!cookies.isEmpty()) {
                ArrayNode list = event.putArray("cookies");
                cookies.forEach(list::add);
            }
            ObjectNode headerNode = event.putObject("headers");
            headers.forEach(headerNode::put);
            Map<String, String> query = query(rawQuery);
            if (!query.isEmpty()) {
                ObjectNode q = event.putObject("queryStringParameters");
                query.forEach(q::put);
            }
            if (!match.pathParameters().isEmpty()) {
                ObjectNode p = event.putObject("pathParameters");
                match.pathParameters().forEach(p::put);
            }
            return event;
        }

        private ObjectNode requestContext(ObjectNode event) {
            ObjectNode context = event.putObject("requestContext");
            context.put("accountId", "000000000000");
            context.put("apiId", API_ID);
            String host = headers.getOrDefault("host", "localhost");
            context.put("domainName", host);
            context.put("domainPrefix", host.split("[.:]")[0]);
            ObjectNode http = context.putObject("http");
            http.put("method", method);
            http.put("path", URLDecoder.decode(rawPath, StandardCharsets.UTF_8));
            http.put("protocol", "HTTP/1.1");
            http.put("sourceIp", sourceIp);
            http.put("userAgent", headers.getOrDefault("user-agent", ""));
            context.put("requestId", requestId);
            context.put("routeKey", routeKey());
            context.put("stage", "$default");
            context.put("time", CLF_TIME.format(time));
            context.put("timeEpoch", time.toEpochMilli());
            return context;
        }

        /** Query parameters, repeated ones joined with commas as payload format 2.0 does. */
        private static Map<String, String> query(String raw) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (raw.isEmpty()) {
                return parameters;
            }
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                parameters.merge(name, value, (a, b) -> a + "," + b);
            }
            return parameters;
        }

        private static Optional<String> utf8(byte[] bytes) {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }
    }
}
