package io.fairdraw.wallet.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.platform.web.GatewayRequests;
import io.fairdraw.wallet.WebhookService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Payment providers' notifications. No bearer token: the provider's signature over the raw
 * body is the authentication, so the body is taken as the exact bytes received.
 */
@Path("/v1/payments/{provider}/webhook")
public class PaymentWebhookResource {
    @Inject
    WebhookService webhooks;

    @Inject
    APIGatewayV2HTTPEvent event;

    /** The acknowledgement providers wait for; anything but 2xx makes them deliver again. */
    public record Received(int events) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payment provider's signed notification of a payment or payout")
    public Received receive(@PathParam("provider") String provider, @Context HttpHeaders headers, String body) {
        Map<String, String> flat = new HashMap<>();
        // getHeaderString joins a header's values again: signature headers contain commas.
        headers.getRequestHeaders().keySet().forEach(name -> flat.put(name, headers.getHeaderString(name)));
        return new Received(webhooks.receive(provider, flat, body == null ? "" : body, GatewayRequests.requestId(event)));
    }
}
