package io.fairdraw.registration.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.fairdraw.model.compliance.Location;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the current request comes from. In AWS only the compliance authorizer's context is
 * trusted: it read CloudFront's headers behind the verified origin secret. Headers on the
 * request itself are read only where configuration says they can be trusted (a laptop, tests),
 * because anyone calling the function directly could set them.
 */
@RequestScoped
class LocationResolver {
    static final String COUNTRY_HEADER = "CloudFront-Viewer-Country";
    static final String REGION_HEADER = "CloudFront-Viewer-Country-Region";

    @Inject
    APIGatewayV2HTTPEvent event;

    @Inject
    HttpHeaders headers;

    @ConfigProperty(name = "fairdraw.edge.trust-location-headers", defaultValue = "false")
    boolean trustHeaders;

    Location location() {
        Optional<Map<String, Object>> context = Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getLambda);
        if (context.isPresent() && context.get().get("country") != null) {
            Object region = context.get().get("subdivision");
            String regionCode = region == null ? null : region.toString().substring(region.toString().indexOf('-') + 1);
            return Location.fromEdgeHeaders(context.get().get("country").toString(), regionCode);
        }
        if (trustHeaders) {
            return Location.fromEdgeHeaders(headers.getHeaderString(COUNTRY_HEADER), headers.getHeaderString(REGION_HEADER));
        }
        return Location.UNKNOWN;
    }
}
