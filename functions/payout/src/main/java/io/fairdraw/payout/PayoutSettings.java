package io.fairdraw.payout;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Payout rules as configuration. */
@ConfigMapping(prefix = "fairdraw.payout")
public interface PayoutSettings {
    /**
     * Per currency, the amount (minor units) above which a withdrawal waits for an operator's
     * review instead of being paid: {@code fairdraw.payout.review-above-minor.IDR=5000000000}.
     * A currency not listed is never held by this rule.
     */
    Map<String, Long> reviewAboveMinor();

    /** The queue settlement parts are sent to (Terraform sets it); without it parts settle inline. */
    Optional<String> partsQueueUrl();

    /** SQS's endpoint when it is not the region's (local-cloud's queues). */
    Optional<URI> sqsEndpoint();
}
