package io.fairdraw.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * What the authorizer trusts of the edge. In AWS, CloudFront adds the secret origin header and
 * the viewer-location headers, and Terraform sets the secret ({@code FAIRDRAW_EDGE_ORIGIN_SECRET}).
 * A laptop has no CloudFront: the dev profile does not require the secret, and a default location
 * may stand in for the missing viewer-country header.
 */
@ConfigMapping(prefix = "fairdraw.edge")
public interface EdgeSettings {
    /** The value CloudFront sends in {@code x-fairdraw-origin-secret}. */
    Optional<String> originSecret();

    @WithDefault("true")
    boolean originSecretRequired();

    /**
     * A country ({@code ID}) or subdivision ({@code ID-JK}) used when a request carries no
     * viewer-country header. Never set in AWS, where a request without one is refused.
     */
    Optional<String> defaultLocation();
}
