package io.fairdraw.testsupport;

import io.fairdraw.platform.secrets.SecretsConfigSourceFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests call the functions as CloudFront does in AWS: with the origin secret the functions
 * require on every route (platform's EdgeOnly). The function reads {@link #SECRET} at start from
 * Secrets Manager, as in AWS ({@link LocalSecretsManager}, named by fairdraw.config.secrets), and
 * every RestAssured request carries it unless the test set the header itself (an empty value
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

    private final LocalSecretsManager secrets = new LocalSecretsManager();

    /**
     * Names the secret as system properties, as in Lambda the function's environment does, and
     * here rather than in {@link #start()}: resources start in parallel and another one may read
     * the configuration first, which the application then keeps, so the secrets' configuration
     * source must see them before any resource starts.
     */
    public ThroughTheEdge() {
        String id = secrets.put("fairdraw-test/edge-origin", "{\"fairdraw.edge.origin-secret\":\"" + SECRET + "\"}");
        URI endpoint;
        try {
            endpoint = secrets.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the local Secrets Manager did not start", e);
        }
        System.setProperty(SecretsConfigSourceFactory.SECRETS, id);
        System.setProperty(SecretsConfigSourceFactory.ENDPOINT, endpoint.toString());
    }

    @Override
    public Map<String, String> start() {
        if (!RestAssured.filters().contains(ADD_SECRET)) {
            RestAssured.filters(ADD_SECRET);
        }
        return Map.of("fairdraw.edge.origin-secret-required", "true");
    }

    @Override
    public void stop() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(ADD_SECRET);
        RestAssured.replaceFiltersWith(others);
        System.clearProperty(SecretsConfigSourceFactory.SECRETS);
        System.clearProperty(SecretsConfigSourceFactory.ENDPOINT);
        secrets.close();
    }
}
