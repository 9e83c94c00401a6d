package io.fairdraw.compliance.entry;

import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import io.fairdraw.compliance.AuthorizerResult;
import io.fairdraw.compliance.AuthorizerResult.Admitted;
import io.fairdraw.compliance.AuthorizerResult.Refused;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.platform.security.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shapes the simple response of an HTTP API authorizer: {@code isAuthorized} and a flat context
 * of strings, which API Gateway hands to the function as {@code requestContext.authorizer.lambda}.
 */
final class AuthorizerResponses {
    static final String ALLOW = "ALLOW";
    static final String DENY = "DENY";

    private AuthorizerResponses() {
    }

    static SimpleIAMPolicyResponse of(AuthorizerResult result) {
        return switch (result) {
            case Refused refused -> refused(refused);
            case Admitted admitted -> new SimpleIAMPolicyResponse(true, context(admitted));
        };
    }

    private static SimpleIAMPolicyResponse refused(Refused refused) {
        Map<String, String> context = new HashMap<>();
        context.put(ContextKeys.REFUSAL, refused.refusal().name());
        refused.refusal().reasonCode().ifPresent(reason -> {
            context.put(ContextKeys.DECISION, DENY);
            context.put(ContextKeys.REASON_CODE, reason.name());
        });
        return new SimpleIAMPolicyResponse(false, context);
    }

    private static Map<String, String> context(Admitted admitted) {
        Map<String, String> context = new HashMap<>();
        context.put(ContextKeys.PLAYER_ID, admitted.playerId().value());
        context.put(ContextKeys.ROLES, roles(admitted));
        context.put(ContextKeys.COUNTRY, admitted.location().country().orElseThrow().value());
        admitted.location().subdivision().ifPresent(s -> context.put(ContextKeys.SUBDIVISION, s.value()));
        context.put(ContextKeys.LOCATION_SOURCE, admitted.locationSource().contextValue());
        switch (admitted.decision()) {
            case Decision.Allow allow -> context.put(ContextKeys.DECISION, ALLOW);
            case Decision.Deny deny -> {
                context.put(ContextKeys.DECISION, DENY);
                context.put(ContextKeys.REASON_CODE, deny.reason().name());
            }
        }
        context.put(ContextKeys.JURISDICTION_VERSION, Integer.toString(admitted.jurisdictionVersion()));
        return context;
    }

    /** In the enum's order, so the same roles always give the same string. */
    private static String roles(Admitted admitted) {
        return Stream.of(Role.values()).filter(admitted.roles()::contains).map(Role::claimValue)
                .collect(Collectors.joining(","));
    }
}
