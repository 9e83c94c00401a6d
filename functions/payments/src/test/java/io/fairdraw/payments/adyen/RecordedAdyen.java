package io.fairdraw.payments.adyen;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Adyen's API as recorded in the fixtures: a WireMock server on a loopback port for the test
 * class, reset before each test, and a fresh adapter pointed at it. Register it as a static
 * field with {@code @RegisterExtension}.
 */
final class RecordedAdyen implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private WireMockServer server;
    private AdyenProvider provider;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
        provider = new AdyenProvider(AdyenFixtures.Config.test(server.baseUrl()));
    }

    WireMockServer server() {
        return server;
    }

    AdyenProvider provider() {
        return provider;
    }
}
