package io.fairdraw.compliance.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import io.fairdraw.compliance.GatewayRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an HTTP API authorizer event (payload format 2.0, REQUEST type). Anything else, or an
 * event without headers or request context, is not what API Gateway sends and is malformed.
 * Header names are matched in any case: the gateway lowercases them, a local gateway might not.
 */
final class GatewayRequests {
    static final String AUTHORIZATION = "authorization";
    static final String ORIGIN_SECRET = "x-fairdraw-origin-secret";
    static final String VIEWER_COUNTRY = "cloudfront-viewer-country";
    static final String VIEWER_REGION = "cloudfront-viewer-country-region";
    private static final String BEARER = "bearer ";
    private static final String PAYLOAD_VERSION = "2.0";
    private static final String REQUEST_TYPE = "REQUEST";

    private GatewayRequests() {
    }

    /** The request, or empty for an event that is not a well-formed authorizer event. */
    static Optional<GatewayRequest> from(APIGatewayV2CustomAuthorizerEvent event) {
        if (event == null || !PAYLOAD_VERSION.equals(event.getVersion()) || !REQUEST_TYPE.equals(event.getType())
                || event.getHeaders() == null || event.getRequestContext() == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        event.getHeaders().forEach((name, value) -> {
            if (name != null && value != null) {
                headers.put(name, value);
            }
        });
        String routeKey = event.getRouteKey() == null ? "(no route key)" : event.getRouteKey();
        return Optional.of(new GatewayRequest(routeKey,
                header(headers, AUTHORIZATION).flatMap(GatewayRequests::bearerToken),
                header(headers, ORIGIN_SECRET),
                header(headers, VIEWER_COUNTRY),
                header(headers, VIEWER_REGION)));
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return Optional.ofNullable(headers.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The token of a {@code Bearer} credential (the scheme in any case); other schemes carry none. */
    private static Optional<String> bearerToken(String authorization) {
        if (authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim()).filter(token -> !token.isEmpty());
    }
}
