package io.fairdraw.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.Map;

/**
 * Tests call the functions as CloudFront does in AWS: with the origin secret the functions
 * require on every route (platform's EdgeOnly). The function is configured with {@link #SECRET},
 * and every RestAssured request carries it unless the test set the header itself (an empty value
 * stands for a request that bypassed the edge); {@link LambdaEvents} events carry it too.
 */
public final class ThroughTheEdge implements QuarkusTestResourceLifecycleManager {
    public static final String HEADER = "x-fairdraw-origin-secret";
    public static final String SECRET = "test-origin-secret-0123456789abcdef";
    private static final Filter ADD_SECRET = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName(HEADER)) {
            request.header(HEADER, SECRET);
        }
        return context.next(request, response);
    };

    @Override
    public Map<String, String> start() {
        if (!RestAssured.filters().contains(ADD_SECRET)) {
            RestAssured.filters(ADD_SECRET);
        }
        return Map.of("fairdraw.edge.origin-secret-required", "true", "fairdraw.edge.origin-secret", SECRET);
    }

    @Override
    public void stop() {
        RestAssured.filters().remove(ADD_SECRET);
    }
}
