package io.fairdraw.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The events API Gateway sends a Lambda authorizer of an HTTP API (REQUEST type, payload format
 * 2.0), field by field after AWS's documented example ("Working with AWS Lambda authorizers for
 * HTTP APIs", API Gateway developer guide), as an object for direct calls and as the JSON the
 * gateway really sends for calls through a function's Lambda entry.
 *
 * <pre>{@code
 * String json = AuthorizerEvents.request("POST", "/v1/players")
 *         .bearer(Tokens.playerA()).originSecret(secret).viewer("ID", "JK").json();
 * }</pre>
 */
public final class AuthorizerEvents {
    /** The headers the authorizer's result cache is keyed on, in the order of its identity sources. */
    public static final List<String> IDENTITY_SOURCE_HEADERS = List.of(
            "authorization", "cloudfront-viewer-country", "cloudfront-viewer-country-region", "x-fairdraw-origin-secret");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AuthorizerEvents() {
    }

    /** An event for a call of {@code method path}, with the headers every request has and nothing else. */
    public static Request request(String method, String path) {
        return new Request(method, path);
    }

    /** A builder of one event; header names are stored lowercased, as the gateway sends them. */
    public static final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String requestId = "gw-" + UUID.randomUUID();
        private Instant time = Instant.now();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("host", "api.fairdraw.test");
            headers.put("user-agent", "fairdraw-tests");
            headers.put("x-forwarded-proto", "https");
            headers.put("accept", "application/json");
        }

        public Request bearer(String token) {
            return header("authorization", "Bearer " + token);
        }

        public Request originSecret(String secret) {
            return header("x-fairdraw-origin-secret", secret);
        }

        /** The viewer's country and region as CloudFront sends them: "ID" and "JK" (no country prefix). */
        public Request viewer(String country, String region) {
            header("cloudfront-viewer-country", country);
            return region == null ? this : header("cloudfront-viewer-country-region", region);
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public Request without(String header) {
            headers.remove(header.toLowerCase(Locale.ROOT));
            return this;
        }

        public Request requestId(String id) {
            this.requestId = id;
            return this;
        }

        public Request at(Instant instant) {
            this.time = instant;
            return this;
        }

        public APIGatewayV2CustomAuthorizerEvent event() {
            return APIGatewayV2CustomAuthorizerEvent.builder()
                    .withVersion("2.0")
                    .withType("REQUEST")
                    .withRouteArn(routeArn())
                    .withIdentitySource(identitySource())
                    .withRouteKey(routeKey())
                    .withRawPath(path)
                    .withRawQueryString("")
                    .withHeaders(new LinkedHashMap<>(headers))
                    .withRequestContext(APIGatewayV2CustomAuthorizerEvent.RequestContext.builder()
                            .withAccountId("123456789012")
                            .withApiId("fairdrawapi")
                            .withDomainName("api.fairdraw.test")
                            .withDomainPrefix("api")
                            .withHttp(APIGatewayV2CustomAuthorizerEvent.Http.builder()
                                    .withMethod(method)
                                    .withPath(path)
                                    .withProtocol("HTTP/1.1")
                                    .withSourceIp("192.0.2.10")
                                    .withUserAgent("fairdraw-tests")
                                    .build())
                            .withRequestId(requestId)
                            .withRouteKey(routeKey())
                            .withStage("$default")
                            .withTime(CLF_TIME.format(time))
                            .withTimeEpoch(time.toEpochMilli())
                            .build())
                    .build();
        }

        /**
         * The same event as the gateway's JSON. The event class cannot be written back with a
         * plain ObjectMapper (its getters return Joda and java.time types), so the document is
         * built from the same fields; {@code authentication} is there as AWS sends it.
         */
        public String json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", "2.0");
            root.put("type", "REQUEST");
            root.put("routeArn", routeArn());
            identitySource().forEach(root.putArray("identitySource")::add);
            root.put("routeKey", routeKey());
            root.put("rawPath", path);
            root.put("rawQueryString", "");
            ObjectNode headerNode = root.putObject("headers");
            headers.forEach(headerNode::put);
            ObjectNode context = root.putObject("requestContext");
            context.put("accountId", "123456789012");
            context.put("apiId", "fairdrawapi");
            context.putNull("authentication");
            context.put("domainName", "api.fairdraw.test");
            context.put("domainPrefix", "api");
            ObjectNode http = context.putObject("http");
            http.put("method", method);
            http.put("path", path);
            http.put("protocol", "HTTP/1.1");
            http.put("sourceIp", "192.0.2.10");
            http.put("userAgent", "fairdraw-tests");
            context.put("requestId", requestId);
            context.put("routeKey", routeKey());
            context.put("stage", "$default");
            context.put("time", CLF_TIME.format(time));
            context.put("timeEpoch", time.toEpochMilli());
            try {
                return JSON.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings always serialises", e);
            }
        }

        private String routeKey() {
            return method + " " + path;
        }

        private String routeArn() {
            return "arn:aws:execute-api:us-east-1:123456789012:fairdrawapi/$default/" + method + path;
        }

        /** The values of the identity-source headers this request has, in their configured order. */
        private List<String> identitySource() {
            List<String> values = new ArrayList<>();
            for (String name : IDENTITY_SOURCE_HEADERS) {
                if (headers.containsKey(name)) {
                    values.add(headers.get(name));
                }
            }
            return values;
        }
    }
}
