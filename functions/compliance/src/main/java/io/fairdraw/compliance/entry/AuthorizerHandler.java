package io.fairdraw.compliance.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import io.fairdraw.compliance.AuthorizerResult;
import io.fairdraw.compliance.AuthorizerResult.Refused;
import io.fairdraw.compliance.AuthorizerService;
import io.fairdraw.compliance.Refusal;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The API Gateway HTTP API Lambda authorizer (REQUEST type, payload format 2.0, simple
 * responses). An exception leaving an authorizer makes the gateway answer 500 and hides the
 * cause; here every failure becomes a refusal, logged by kind only: a request is never let
 * through because deciding failed, and a log line never carries a token or a player's data.
 */
public class AuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
    private static final Logger LOG = Logger.getLogger(AuthorizerHandler.class);
    private static final int MAX_LOGGED_ROUTE_CHARS = 120;

    @Inject
    AuthorizerService service;

    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        AuthorizerResult result;
        try {
            result = GatewayRequests.from(event)
                    .map(service::authorize)
                    .orElseGet(() -> new Refused(Refusal.MALFORMED_EVENT));
        } catch (RuntimeException failure) {
            // The boundary of the function: deny rather than fail open or let the gateway answer 500.
            LOG.errorf("refused %s: deciding failed with %s", route(event), failure.getClass().getName());
            result = new Refused(Refusal.FAILED_CLOSED);
        }
        if (result instanceof Refused refused) {
            logRefusal(event, refused.refusal());
        }
        return AuthorizerResponses.of(result);
    }

    /** A malformed event means the gateway is misconfigured (payload format 1.0, say): worth a warning. */
    private static void logRefusal(APIGatewayV2CustomAuthorizerEvent event, Refusal refusal) {
        switch (refusal) {
            case FAILED_CLOSED -> {
                // Logged with its cause where it was caught.
            }
            case MALFORMED_EVENT -> LOG.warnf("refused %s: %s", route(event), refusal);
            case NO_ORIGIN_SECRET, FORGED_ORIGIN_SECRET, NO_TOKEN, INVALID_TOKEN, LOCATION_UNKNOWN, LOCATION_BLOCKED ->
                    LOG.infof("refused %s: %s", route(event), refusal);
        }
    }

    /** The route template only ("POST /v1/players"): never the raw path, which could carry data. */
    private static String route(APIGatewayV2CustomAuthorizerEvent event) {
        if (event == null || event.getRouteKey() == null) {
            return "(no route key)";
        }
        String routeKey = event.getRouteKey();
        return routeKey.length() <= MAX_LOGGED_ROUTE_CHARS ? routeKey : routeKey.substring(0, MAX_LOGGED_ROUTE_CHARS) + "...";
    }
}
