package io.fairdraw.payout;

import java.util.List;

/** Where a draw's settlement parts go to be settled: an SQS queue in AWS, so no invocation settles a whole big draw. */
public interface PartQueue {
    void send(List<Settlement.Part> parts);
}
