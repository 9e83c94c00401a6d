package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An SQS queue and its event source mapping: batches of up to ten visible messages go to the
 * consuming function as an SQS event; the messages it names in {@code batchItemFailures} (all of
 * them when the invocation fails) become visible again after the visibility timeout, and a
 * message received {@code maxReceiveCount} times moves to the dead-letter list.
 */
final class LocalQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalQueue.class);
    private static final int BATCH = 10;

    /** One message and its delivery state. */
    static final class Message {
        final String id = UUID.randomUUID().toString();
        final String body;
        final long sentAtMillis = System.currentTimeMillis();
        int receiveCount;
        long visibleAtMillis;

        Message(String body) {
            this.body = body;
        }
    }

    private final String name;
    private final FunctionHost consumer;
    private final Duration visibilityTimeout;
    private final int maxReceiveCount;
    private final Chaos chaos;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final List<Message> deadLetters = new ArrayList<>();
    private volatile boolean closing;

    LocalQueue(String name, FunctionHost consumer, Duration visibilityTimeout, int maxReceiveCount) {
        this(name, consumer, visibilityTimeout, maxReceiveCount, new Chaos());
    }

    LocalQueue(String name, FunctionHost consumer, Duration visibilityTimeout, int maxReceiveCount, Chaos chaos) {
        this.chaos = chaos;
        this.name = name;
        this.consumer = consumer;
        this.visibilityTimeout = visibilityTimeout;
        this.maxReceiveCount = maxReceiveCount;
    }

    String name() {
        return name;
    }

    String arn() {
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    /** SendMessage; returns the message id. */
    synchronized String send(String body) {
        Message message = new Message(body);
        messages.put(message.id, message);
        notifyAll();
        return message.id;
    }

    /** Moves the dead letters back onto the queue (a redrive), each with a fresh receive count; how many. */
    synchronized int redrive() {
        int moved = deadLetters.size();
        for (Message message : deadLetters) {
            message.receiveCount = 0;
            message.visibleAtMillis = 0;
            messages.put(message.id, message);
        }
        deadLetters.clear();
        notifyAll();
        return moved;
    }

    void start() {
        Thread.ofPlatform().daemon().name("queue-" + name).start(this::poll);
    }

    synchronized Map<String, Object> status() {
        long now = System.currentTimeMillis();
        long visible = messages.values().stream().filter(m -> m.visibleAtMillis <= now).count();
        return Map.of("name", name, "consumer", consumer == null ? "none" : consumer.name(), "visible", visible, "inFlightOrDelayed", messages.size() - visible,
                "deadLetters", deadLetters.stream().map(m -> Map.of("id", m.id, "receiveCount", m.receiveCount, "body", m.body)).toList());
    }

    private void poll() {
        while (!closing) {
            List<Message> batch = take();
            if (batch.isEmpty()) {
                continue;
            }
            Set<String> failed = deliver(batch);
            settle(batch, failed);
        }
    }

    /** Waits for visible messages and marks up to a batch of them received. */
    private synchronized List<Message> take() {
        long now = System.currentTimeMillis();
        List<Message> batch = new ArrayList<>();
        long nextVisible = Long.MAX_VALUE;
        for (Message message : messages.values()) {
            if (message.visibleAtMillis <= now) {
                if (batch.size() < BATCH) {
                    batch.add(message);
                }
            } else {
                nextVisible = Math.min(nextVisible, message.visibleAtMillis);
            }
        }
        if (batch.isEmpty()) {
            try {
                wait(Math.max(1, Math.min(1000, nextVisible - now)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
            return batch;
        }
        for (Message message : batch) {
            message.receiveCount++;
            message.visibleAtMillis = now + visibilityTimeout.toMillis();
        }
        return batch;
    }

    /** Invokes the consumer; the ids of the messages that were not processed. */
    private Set<String> deliver(List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(message -> all.add(message.id));
        try {
            Invocation.Result result = consumer.invoke(Json.bytes(event(batch))).get(visibilityTimeout.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            if (result.failed()) {
                LOG.warnf("%s: %s failed on a batch of %d: %s", name, consumer.name(), batch.size(), new String(result.body(), StandardCharsets.UTF_8));
                return all;
            }
            Set<String> failed = new HashSet<>();
            JsonNode answer = result.body().length == 0 ? Json.object() : Json.parse(result.body());
            answer.path("batchItemFailures").forEach(item -> failed.add(item.path("itemIdentifier").asText()));
            failed.retainAll(all);
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return all;
        } catch (Exception e) {
            LOG.warnf("%s: delivery failed: %s", name, e.toString());
            return all;
        }
    }

    private synchronized void settle(List<Message> batch, Set<String> failed) {
        for (Message message : batch) {
            if (!failed.contains(message.id)) {
                if (chaos.duplicate()) {
                    // At-least-once: SQS may deliver a processed message again.
                    message.visibleAtMillis = System.currentTimeMillis();
                } else {
                    messages.remove(message.id);
                }
            } else if (message.receiveCount >= maxReceiveCount) {
                messages.remove(message.id);
                deadLetters.add(message);
                LOG.errorf("%s: message %s moved to the dead-letter queue after %d receives", name, message.id, message.receiveCount);
            }
        }
        notifyAll();
    }

    /** The SQS event a Lambda event source mapping sends ("Using Lambda with Amazon SQS"). */
    private ObjectNode event(List<Message> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.id);
            record.put("receiptHandle", Base64Handle.of(message.id, message.receiveCount));
            record.put("body", message.body);
            ObjectNode attributes = record.putObject("attributes");
            attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount));
            attributes.put("SentTimestamp", Long.toString(message.sentAtMillis));
            attributes.put("SenderId", "000000000000");
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
            record.putObject("messageAttributes");
            record.put("md5OfBody", md5(message.body));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", arn());
            record.put("awsRegion", "us-east-1");
        }
        return event;
    }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        notifyAll();
    }

    /** An opaque receipt handle per receive, as SQS gives one. */
    private static final class Base64Handle {
        static String of(String id, int receive) {
            return java.util.Base64.getEncoder().encodeToString((id + "#" + receive).getBytes(StandardCharsets.UTF_8));
        }
    }
}
