package io.fairdraw.payments.adyen;

import static io.fairdraw.payments.adyen.AdyenFixtures.API_KEY;
import static io.fairdraw.payments.adyen.AdyenFixtures.HMAC_KEY;
import static io.fairdraw.payments.adyen.AdyenFixtures.MERCHANT_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.payments.adyen.AdyenFixtures.Config;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adyen's configuration: absent is fine until Adyen is enabled; then start fails naming every gap. */
class AdyenSettingsTest {
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void withoutConfigurationTheProviderExistsButRefusesToBeEnabled() {
        AdyenProvider provider = new AdyenProvider(Config.none());

        assertThat(provider.name()).isEqualTo("adyen");
        assertThatThrownBy(provider::checkConfigured)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fairdraw.payments.adyen.api-key is missing")
                .hasMessageContaining("fairdraw.payments.adyen.merchant-account is missing")
                .hasMessageContaining("fairdraw.payments.adyen.environment must be TEST or LIVE")
                .hasMessageContaining("fairdraw.payments.adyen.hmac-key is missing");
    }

    @Test
    void aCompleteTestConfigurationIsAccepted() {
        assertThatCode(() -> new AdyenProvider(new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("test"), NONE,
                Optional.of(HMAC_KEY), NONE)).checkConfigured()).doesNotThrowAnyException();
    }

    @Test
    void liveNeedsItsUrlPrefix() {
        Config live = new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("LIVE"), NONE, Optional.of(HMAC_KEY), NONE);

        assertThatThrownBy(() -> new AdyenProvider(live).checkConfigured()).hasMessageContaining("live-url-prefix is missing");
        assertThatCode(() -> new AdyenProvider(new Config(live.apiKey(), live.merchantAccount(), live.environment(),
                Optional.of("1797a841fbb37ca7-FairdrawECOM"), live.hmacKey(), NONE)).checkConfigured()).doesNotThrowAnyException();
    }

    @Test
    void liveRefusesTheTestBaseUrl() {
        Config live = new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("LIVE"), Optional.of("1797a841fbb37ca7-FairdrawECOM"),
                Optional.of(HMAC_KEY), Optional.of("http://127.0.0.1:8089"));

        assertThatThrownBy(() -> new AdyenProvider(live).checkConfigured()).hasMessageContaining("base-url is for tests");
    }

    @Test
    void aTruncatedOrNonHexHmacKeyIsRefused() {
        for (String key : new String[] {HMAC_KEY.substring(0, 40), HMAC_KEY.replace('A', 'Z'), HMAC_KEY + "0"}) {
            Config config = new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("TEST"), NONE, Optional.of(key), NONE);

            assertThatThrownBy(() -> new AdyenProvider(config).checkConfigured()).hasMessageContaining("hmac-key is not the 64 hex digits");
        }
    }

    @Test
    void aBaseUrlMustBeAnHttpUrl() {
        Config config = new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("TEST"), NONE, Optional.of(HMAC_KEY),
                Optional.of("checkout-test.adyen.com"));

        assertThatThrownBy(() -> new AdyenProvider(config).checkConfigured()).hasMessageContaining("base-url is not an absolute http(s) URL");
    }

    @Test
    void secretsStayOutOfTheSettingsDescription() {
        AdyenSettings settings = AdyenSettings.from(Config.test("http://127.0.0.1:8089"));

        assertThat(settings.toString()).doesNotContain(API_KEY).doesNotContain(HMAC_KEY).contains(MERCHANT_ACCOUNT);
    }
}
