package io.fairdraw.payout;

import io.fairdraw.model.id.RequestId;
import io.fairdraw.platform.dynamo.AuditStamp;
import java.util.List;

/**
 * Settles the parts at once, in this invocation: for laptops and tests, where no queue is
 * configured. Each part is as idempotent here as when it arrives from SQS.
 */
public final class InlinePartQueue implements PartQueue {
    private final Settlement settlement;

    public InlinePartQueue(Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public void send(List<Settlement.Part> parts) {
        for (Settlement.Part part : parts) {
            settlement.settlePart(part, new AuditStamp("payout", new RequestId("part-" + part.drawId() + "-" + part.part())));
        }
    }
}
