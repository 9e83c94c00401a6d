package io.fairdraw.platform.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The audit stamp of the current request: the authenticated caller as actor, and API Gateway's
 * request id (the one in its access logs). A request without one (a direct invocation) gets a
 * fresh id.
 */
@RequestScoped
public class RequestStamps {
    @Inject
    CurrentCaller caller;

    @Inject
    APIGatewayV2HTTPEvent event;

    public AuditStamp stamp() {
        return new AuditStamp(caller.get().actor(), GatewayRequests.requestId(event));
    }
}
