package io.fairdraw.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.testsupport.LambdaInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Fires scheduler events at the function through its real Lambda entry and reads the step result. */
final class Scheduler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scheduler() {
    }

    static JsonNode fire(String gameId, String step, String scheduledTime) {
        return fire("{\"gameId\":\"" + gameId + "\",\"step\":\"" + step + "\",\"scheduledTime\":\"" + scheduledTime + "\"}");
    }

    static JsonNode fire(String eventJson) {
        LambdaInvoker.Invocation invocation = LambdaInvoker.invoke(eventJson);
        try {
            return JSON.readTree(invocation.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the function answered " + invocation.status() + ": " + invocation.body(), e);
        }
    }

    static String outcome(JsonNode result) {
        return result.path("outcome").asText("ERROR: " + result);
    }
}
