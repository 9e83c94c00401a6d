package io.fairdraw.backoffice.projector;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.backoffice.store.ChangeRecord;
import io.fairdraw.backoffice.store.Projection;
import io.fairdraw.backoffice.store.Reporting;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A batch of DynamoDB stream records (one shard's, in order): each goes into the reporting store
 * in a transaction of its own. At the first record that fails the batch stops and reports that
 * record (partial batch response, {@code ReportBatchItemFailures}), so Lambda retries from it and
 * the order of an item's changes is kept; the records before it are committed, and replaying
 * them later changes nothing. A record that cannot be read is logged and skipped: no retry
 * could mend it. The scheduler's {@code {"task": "reconcile"}} runs the reconciliation instead
 * ({@link ScheduledReconciliation}).
 */
@Named("projector")
public class ProjectorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(ProjectorHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK = "task";
    static final String RECONCILE = "reconcile";

    @Inject
    Projection projection;

    @Inject
    Reporting reporting;

    @Inject
    ScheduledReconciliation reconciliation;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event != null && RECONCILE.equals(event.get(TASK))) {
            // The scheduler's event (topology schedule ledger-reconciliation), not a stream batch.
            return Map.of("differences", reconciliation.run().total());
        }
        JsonNode records = JSON.valueToTree(event == null ? Map.of() : event).path("Records");
        int applied = 0;
        int seen = 0;
        for (JsonNode record : records) {
            ChangeRecord change;
            try {
                change = ChangeRecord.of(record);
            } catch (ChangeRecord.Unreadable | IllegalArgumentException unreadable) {
                LOG.warnf("a stream record that cannot be read was skipped: %s", unreadable.getMessage());
                continue;
            }
            try {
                if (reporting.transaction(() -> projection.apply(change))) {
                    applied++;
                } else {
                    seen++;
                }
            } catch (ChangeRecord.Unreadable unreadable) {
                LOG.warnf("record %s of %s was skipped: %s", change.eventId(), change.table(), unreadable.getMessage());
            } catch (RuntimeException failed) {
                LOG.errorf(failed, "record %s of %s failed; the stream will deliver it again", change.eventId(), change.table());
                return failure(change.sequence().toPlainString());
            }
        }
        LOG.debugf("projected %d records, %d seen before", applied, seen);
        return Map.of("batchItemFailures", List.of());
    }

    private static Map<String, Object> failure(String sequenceNumber) {
        return Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", sequenceNumber)));
    }
}
