package io.fairdraw.platform.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.player.CountryCode;
import java.util.Optional;
import java.util.UUID;

/**
 * What the gateway says of the request being served: API Gateway's request id (the one in its
 * access logs), or a fresh local id when a function is invoked without a gateway; and the
 * country the compliance authorizer placed the caller in, on routes behind it.
 */
public final class GatewayRequests {
    /**
     * The authorizer context's key for the caller's country ({@code requestContext.authorizer.lambda.country}):
     * a contract with the compliance function's {@code ContextKeys.COUNTRY}.
     */
    public static final String AUTHORIZED_COUNTRY = "country";

    private GatewayRequests() {
    }

    /** The country the authorizer admitted the caller from; empty when no authorizer stood in front. */
    public static Optional<CountryCode> authorizedCountry(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getLambda)
                .map(context -> context.get(AUTHORIZED_COUNTRY))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(CountryCode::isValid)
                .map(CountryCode::new);
    }

    public static RequestId requestId(APIGatewayV2HTTPEvent event) {
        return new RequestId(Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .filter(id -> !id.isBlank())
                .orElseGet(() -> "local-" + UUID.randomUUID()));
    }
}
