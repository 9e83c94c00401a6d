package io.fairdraw.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/** API Gateway HTTP API events (payload format 2.0), as the gateway sends them to a function. */
final class GatewayEvents {
    private GatewayEvents() {
    }

    /** The edge's secret the benchmarked functions are configured with. */
    static final String ORIGIN_SECRET = "bench-origin-secret-0123456789abcdef";

    /** An event for {@code method path} with the given headers and body (none when null). */
    static String http(String method, String routeKey, String path, Map<String, String> headers, String body) {
        ObjectNode event = Results.object();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode eventHeaders = event.putObject("headers");
        eventHeaders.put("host", "api.fairdraw.local");
        eventHeaders.put("x-forwarded-for", "127.0.0.1");
        eventHeaders.put("x-forwarded-proto", "https");
        // CloudFront adds the origin secret to every request; the functions refuse one without it.
        eventHeaders.put("x-fairdraw-origin-secret", ORIGIN_SECRET);
        headers.forEach(eventHeaders::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "bench");
        context.put("domainName", "api.fairdraw.local");
        context.put("domainPrefix", "api");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "bench");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", method + " " + routeKey);
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }
}
