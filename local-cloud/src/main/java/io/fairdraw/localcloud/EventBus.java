package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The event bus: each event in EventBridge's envelope, delivered to the queues whose rule in the
 * topology names its source and detail type (an SQS target receives the whole envelope as the
 * message body). Every event is also written to {@code events.log} and kept for the control API.
 */
final class EventBus {
    private static final Logger LOG = Logger.getLogger(EventBus.class);
    private static final int KEPT = 500;

    private record Rule(String name, String source, String detailType, String target) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, LocalQueue> queues;
    private final Path log;
    private final Deque<JsonNode> recent = new ArrayDeque<>();
    private final Chaos chaos;

    EventBus(JsonNode topology, Map<String, LocalQueue> queues, Path log, Chaos chaos) {
        this.chaos = chaos;
        this.queues = queues;
        this.log = log;
        for (JsonNode rule : topology.get("eventRules")) {
            rules.add(new Rule(rule.get("name").asText(), rule.get("source").asText(), rule.get("detailType").asText(),
                    rule.get("target").asText()));
        }
    }

    /** PutEvents of one event; returns its envelope. */
    JsonNode put(String source, String detailType, JsonNode detail) {
        ObjectNode envelope = Json.object();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", "000000000000");
        envelope.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", "us-east-1");
        envelope.putArray("resources");
        envelope.set("detail", detail);
        String body = Json.text(envelope);
        synchronized (recent) {
            recent.addFirst(envelope);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        try {
            Files.writeString(log, body + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warnf("cannot append to %s: %s", log, e.getMessage());
        }
        for (Rule rule : rules) {
            if (rule.source().equals(source) && rule.detailType().equals(detailType)) {
                LocalQueue queue = queues.get(rule.target());
                if (queue == null) {
                    LOG.errorf("rule %s targets %s, which is not a queue of the topology", rule.name(), rule.target());
                    continue;
                }
                queue.send(body);
                if (chaos.duplicate()) {
                    queue.send(body); // EventBridge delivers at least once: the same event, twice
                }
            }
        }
        LOG.infof("event %s from %s", detailType, source);
        return envelope;
    }

    /** The latest events, newest first. */
    List<JsonNode> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
