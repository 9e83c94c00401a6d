package io.fairdraw.registration.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit stamp of the current request: the caller as actor, and API Gateway's request id
 * (the one in its access logs). A request without one (a direct invocation) gets a fresh id.
 */
@RequestScoped
class RequestStamp {
    @Inject
    CurrentCaller caller;

    @Inject
    APIGatewayV2HTTPEvent event;

    AuditStamp stamp() {
        String requestId = Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .filter(id -> !id.isBlank())
                .orElseGet(() -> "local-" + UUID.randomUUID());
        return new AuditStamp(caller.get().actor(), new RequestId(requestId));
    }
}
