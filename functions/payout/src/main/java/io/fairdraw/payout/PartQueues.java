package io.fairdraw.payout;

import io.fairdraw.platform.aws.AwsJsonClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Where parts go, by configuration: the payout queue when {@code fairdraw.payout.parts-queue-url}
 * is set (Terraform sets it), otherwise settled inline. Both keys belong to {@link PayoutSettings}:
 * a key under its prefix that the mapping does not declare stops the function at start.
 */
public class PartQueues {
    @Produces
    @Singleton
    PartQueue queue(Settlement settlement, PayoutSettings settings) {
        Optional<String> queueUrl = settings.partsQueueUrl();
        if (queueUrl.isEmpty()) {
            return new InlinePartQueue(settlement);
        }
        String region = Optional.ofNullable(System.getenv("AWS_REGION"))
                .orElseThrow(() -> new IllegalStateException("AWS_REGION is required to send parts to SQS"));
        return new SqsPartQueue(new AwsJsonClient(settings.sqsEndpoint().orElse(AwsJsonClient.endpointOf("sqs", region)), "sqs", region, "AmazonSQS", "1.0",
                DefaultCredentialsProvider.builder().build(), Duration.ofSeconds(5)), queueUrl.get());
    }
}
