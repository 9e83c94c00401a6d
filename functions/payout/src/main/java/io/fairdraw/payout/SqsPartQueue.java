package io.fairdraw.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.platform.aws.AwsJsonClient;
import java.util.List;

/**
 * Sends settlement parts to the payout queue (SQS SendMessageBatch, ten at a time), so each
 * part is its own invocation: no invocation settles a whole big draw. A batch SQS refuses in
 * part fails the whole send; the draw event is then redelivered and every part sent again,
 * which is harmless (parts are idempotent).
 */
public final class SqsPartQueue implements PartQueue {
    private static final int BATCH = 10;

    private final AwsJsonClient sqs;
    private final String queueUrl;

    public SqsPartQueue(AwsJsonClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<Settlement.Part> parts) {
        for (int from = 0; from < parts.size(); from += BATCH) {
            ObjectNode body = AwsJsonClient.object().put("QueueUrl", queueUrl);
            ArrayNode entries = body.putArray("Entries");
            for (int i = from; i < Math.min(parts.size(), from + BATCH); i++) {
                Settlement.Part part = parts.get(i);
                entries.addObject().put("Id", Integer.toString(i))
                        .put("MessageBody", AwsJsonClient.object().put("drawId", part.drawId()).put("part", part.part()).toString());
            }
            JsonNode answer = sqs.call("SendMessageBatch", body);
            if (answer.path("Failed").size() > 0) {
                throw new IllegalStateException("SQS refused " + answer.get("Failed").size() + " settlement parts: "
                        + answer.get("Failed").get(0).path("Code").asText());
            }
        }
    }
}
