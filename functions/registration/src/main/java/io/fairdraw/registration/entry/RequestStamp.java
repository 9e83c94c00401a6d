package io.fairdraw.registration.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.web.security.CurrentCaller;
import io.fairdraw.platform.web.GatewayRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

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
        return new AuditStamp(caller.get().actor(), GatewayRequests.requestId(event));
    }
}
