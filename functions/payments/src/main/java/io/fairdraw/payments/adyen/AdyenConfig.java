package io.fairdraw.payments.adyen;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Adyen's settings under {@code fairdraw.payments.adyen}. Every one is optional so that a
 * deployment without Adyen starts; {@link AdyenSettings} insists on them once Adyen is enabled.
 */
@ConfigMapping(prefix = "fairdraw.payments.adyen")
public interface AdyenConfig {
    /** The web service user's API key, sent as {@code X-API-Key}. */
    Optional<String> apiKey();

    Optional<String> merchantAccount();

    /** {@code TEST} or {@code LIVE}. */
    Optional<String> environment();

    /** The company's prefix of the live endpoints, from the Customer Area; LIVE only. */
    Optional<String> liveUrlPrefix();

    /** The standard webhook's HMAC key, hex as the Customer Area shows it. */
    Optional<String> hmacKey();

    /** Reaches the Checkout and Payout APIs here instead of Adyen's hosts: for tests, TEST only. */
    Optional<String> baseUrl();
}
