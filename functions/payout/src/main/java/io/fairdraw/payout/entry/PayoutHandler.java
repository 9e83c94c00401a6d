package io.fairdraw.payout.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.event.EventType;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.payout.PartQueue;
import io.fairdraw.payout.Settlement;
import io.fairdraw.payout.WithdrawalPayouts;
import io.fairdraw.platform.dynamo.AuditStamp;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * An SQS batch: each message is either an EventBridge event routed to a payout queue
 * ({@code DrawCompleted} or {@code DrawVoided}: plan the draw, move its draw-level money, queue
 * its parts; {@code WithdrawalRequested}, {@code WithdrawalApproved}: pay it) or a settlement part ({@code {"drawId", "part"}}). A message that fails is reported
 * back alone (SQS partial batch response), so only it is retried; a malformed one is logged and
 * dropped, since no retry could mend it.
 */
@Named("payout")
public class PayoutHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(PayoutHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Settlement settlement;

    @Inject
    PartQueue parts;

    @Inject
    WithdrawalPayouts withdrawals;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, String>> failures = new ArrayList<>();
        Object records = event == null ? null : event.get("Records");
        if (!(records instanceof List<?> list)) {
            LOG.warn("not an SQS event; ignored");
            return Map.of("batchItemFailures", failures);
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> record) || !(record.get("messageId") instanceof String messageId)
                    || !(record.get("body") instanceof String body)) {
                LOG.warn("an SQS record without messageId or body; dropped");
                continue;
            }
            try {
                handle(messageId, JSON.readTree(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | MalformedMessage malformed) {
                LOG.warnf("message %s is malformed and dropped: %s", messageId, malformed.getMessage());
            } catch (RuntimeException failed) {
                LOG.errorf(failed, "message %s failed; SQS will deliver it again", messageId);
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    private void handle(String messageId, JsonNode body) {
        AuditStamp stamp = new AuditStamp("payout", new RequestId(messageId));
        if (body.has("detail-type")) {
            String detailType = body.get("detail-type").asText();
            EventType type = EventType.of(detailType).orElseThrow(() -> new MalformedMessage("no event type " + detailType));
            switch (type) {
                case DRAW_COMPLETED, DRAW_VOIDED -> parts.send(settlement.start(text(body.path("detail"), "drawId"), stamp));
                case WITHDRAWAL_REQUESTED, WITHDRAWAL_APPROVED -> withdrawals.pay(text(body.path("detail"), "withdrawalId"), stamp);
                default -> throw new MalformedMessage("payout does not handle " + detailType);
            }
        } else if (body.has("drawId") && body.get("part") != null && body.get("part").canConvertToInt()) {
            settlement.settlePart(new Settlement.Part(text(body, "drawId"), body.get("part").asInt()), stamp);
        } else {
            throw new MalformedMessage("neither a draw event nor a settlement part");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().length() > 100) {
            throw new MalformedMessage("no " + field);
        }
        return value.asText();
    }

    /** A message no retry can mend. */
    static final class MalformedMessage extends RuntimeException {
        MalformedMessage(String message) {
            super(message);
        }
    }
}
