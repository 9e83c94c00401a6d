package io.fairdraw.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of EventBridge event patterns and Pipes input templates the topology uses, so tests
 * (and local-cloud) apply the topology's filters and templates as AWS would: exact values,
 * {@code prefix}, {@code anything-but} and {@code exists}; {@code <$.path>} placeholders.
 * Anything else in a pattern is refused rather than guessed.
 */
public final class EventPatterns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("<\\$((?:\\.[A-Za-z0-9_-]+)+)>");

    private EventPatterns() {
    }

    /** Whether the event matches the pattern (every field of the pattern, recursively). */
    public static boolean matches(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            JsonNode rule = field.getValue();
            if (rule.isObject()) {
                if (value == null || !value.isObject() || !matches(rule, value)) {
                    return false;
                }
            } else if (rule.isArray()) {
                if (!anyOf(rule, value)) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("a pattern's leaves are arrays, not " + rule);
            }
        }
        return true;
    }

    private static boolean anyOf(JsonNode alternatives, JsonNode value) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject()) {
                if (operator(alternative, value)) {
                    return true;
                }
            } else if (value != null && value.isValueNode() && alternative.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean operator(JsonNode operator, JsonNode value) {
        if (operator.has("exists")) {
            return operator.get("exists").asBoolean() == (value != null);
        }
        if (operator.has("prefix")) {
            return value != null && value.isTextual() && value.asText().startsWith(operator.get("prefix").asText());
        }
        if (operator.has("anything-but")) {
            JsonNode excluded = operator.get("anything-but");
            if (value == null) {
                return false;
            }
            if (excluded.isArray()) {
                for (JsonNode e : excluded) {
                    if (e.equals(value)) {
                        return false;
                    }
                }
                return true;
            }
            return !excluded.equals(value);
        }
        throw new IllegalArgumentException("unsupported pattern operator " + operator);
    }

    /**
     * Renders a Pipes input template against an event: each {@code <$.a.b>} becomes the value at
     * that path, a string's text (to sit inside the template's quotes) or JSON for anything else.
     */
    public static JsonNode render(String template, JsonNode event) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            JsonNode value = event;
            for (String step : placeholders.group(1).substring(1).split("\\.")) {
                value = value == null ? null : value.get(step);
            }
            if (value == null) {
                throw new IllegalArgumentException("the event has nothing at $" + placeholders.group(1));
            }
            String text;
            try {
                text = value.isTextual() ? JSON.writeValueAsString(value.asText()).replaceAll("^\"|\"$", "") : JSON.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            placeholders.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        placeholders.appendTail(out);
        try {
            return JSON.readTree(out.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the template does not render to JSON: " + out, e);
        }
    }
}
