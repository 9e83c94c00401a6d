package io.fairdraw.compliance;

import java.util.Objects;
import java.util.Optional;

/**
 * What the authorizer reads of a request, as the gateway passed it: the bearer token, the edge's
 * origin secret and its viewer-location headers. Values are untrusted text; the service decides
 * what they are worth. {@code routeKey} is the route template ("POST /v1/players"), for logs.
 */
public record GatewayRequest(
        String routeKey,
        Optional<String> bearerToken,
        Optional<String> originSecret,
        Optional<String> viewerCountry,
        Optional<String> viewerRegion) {

    public GatewayRequest {
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(originSecret, "originSecret");
        Objects.requireNonNull(viewerCountry, "viewerCountry");
        Objects.requireNonNull(viewerRegion, "viewerRegion");
    }
}
