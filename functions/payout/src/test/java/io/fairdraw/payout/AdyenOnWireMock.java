package io.fairdraw.payout;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Adyen's Payout API on WireMock for the payout function's tests, answering with the recorded
 * fixtures of the payments module (its README says where each comes from).
 */
public class AdyenOnWireMock implements QuarkusTestResourceLifecycleManager {
    static final String PAYOUT = "/pal/servlet/Payout/v68/payout";
    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    static String fixture(String name) {
        try {
            return Files.readString(io.fairdraw.testsupport.RepositoryFiles.resolve("functions/payments/src/test/resources/adyen/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "fairdraw.payments.enabled", "adyen",
                "fairdraw.payments.adyen.api-key", "AQEyhmfxL4PJahZCw0m-test-key-not-a-real-one",
                "fairdraw.payments.adyen.merchant-account", "FairdrawECOM",
                "fairdraw.payments.adyen.environment", "TEST",
                "fairdraw.payments.adyen.hmac-key", "3B9A6C1E5D7F20486A8C0E2B4D6F81A3C5E7092B4D6F8A1C3E5072B4D6F8A0C2",
                "fairdraw.payments.adyen.base-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
