package io.fairdraw.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * What the authorizer trusts of the edge. In AWS, CloudFront adds the secret origin header and
 * the viewer-location headers; the functions read the secret from Secrets Manager at start, and
 * again when a rotated one is first presented.
 * A laptop has no CloudFront: the dev profile does not require the secret, and a default location
 * may stand in for the missing viewer-country header.
 */
@ConfigMapping(prefix = "fairdraw.edge")
public interface EdgeSettings {
    /** The value CloudFront sends in {@code x-fairdraw-origin-secret}. */
    Optional<String> originSecret();

    /** The value CloudFront sent before the last rotation, accepted until the next (OriginGuard). */
    Optional<String> originSecretPrevious();

    @WithDefault("true")
    boolean originSecretRequired();

    /**
     * A country ({@code ID}) or subdivision ({@code ID-JK}) used when a request carries no
     * viewer-country header. Never set in AWS, where a request without one is refused.
     */
    Optional<String> defaultLocation();
}
