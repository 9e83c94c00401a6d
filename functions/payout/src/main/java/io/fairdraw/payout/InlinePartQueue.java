package io.fairdraw.payout;

import io.fairdraw.model.id.RequestId;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Settles the parts at once, in this invocation: for laptops and tests, and the default until a
 * queue is configured. Each part is as idempotent here as when it arrives from SQS.
 */
@ApplicationScoped
@DefaultBean
public class InlinePartQueue implements PartQueue {
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
