package io.fairdraw.platform.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.model.id.RequestId;
import java.util.Optional;
import java.util.UUID;

/**
 * The id of the gateway request being served: API Gateway's request id (the one in its access
 * logs), or a fresh local id when a function is invoked without a gateway.
 */
public final class GatewayRequests {
    private GatewayRequests() {
    }

    public static RequestId requestId(APIGatewayV2HTTPEvent event) {
        return new RequestId(Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .filter(id -> !id.isBlank())
                .orElseGet(() -> "local-" + UUID.randomUUID()));
    }
}
