package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Lambda runtime for the tests, run as its own process: it polls the Runtime API at
 * {@code AWS_LAMBDA_RUNTIME_API} exactly as a real runtime does and behaves as its mode says.
 *
 * <ul>
 *   <li>{@code echo}: answers {@code {"event": <event>, "requestId": ...}};
 *   <li>{@code http}: answers an HTTP API response whose body is the event;
 *   <li>{@code authorizer}: admits {@code Bearer good} with a context, refuses anything else;
 *   <li>{@code crash-once <marker>}: dies without answering its first event (exit 137), echoes afterwards;
 *   <li>{@code error}: reports every event as a function error;
 *   <li>{@code slow}: never answers in time;
 *   <li>{@code sqs}: reports the messages whose body contains "poison" as batch item failures.
 * </ul>
 */
public final class TestRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRuntime() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            JsonNode event = JSON.readTree(next.body());
            String answer;
            String path = "response";
            switch (mode) {
                case "crash-once" -> {
                    Path marker = Path.of(args[1]);
                    if (!Files.exists(marker)) {
                        Files.writeString(marker, id);
                        Runtime.getRuntime().halt(137);
                    }
                    answer = echo(event, id, next);
                }
                case "http" -> {
                    ObjectNode response = JSON.createObjectNode();
                    response.put("statusCode", 200);
                    response.putObject("headers").put("content-type", "application/json").put("x-test", "yes");
                    response.putArray("cookies").add("session=abc; Path=/");
                    response.put("body", JSON.writeValueAsString(event));
                    response.put("isBase64Encoded", false);
                    answer = JSON.writeValueAsString(response);
                }
                case "authorizer" -> {
                    ObjectNode response = JSON.createObjectNode();
                    boolean good = "Bearer good".equals(event.path("headers").path("authorization").asText());
                    response.put("isAuthorized", good);
                    ObjectNode context = response.putObject("context");
                    if (good) {
                        context.put("playerId", "pl_test");
                        context.put("country", event.path("headers").path("cloudfront-viewer-country").asText());
                    }
                    answer = JSON.writeValueAsString(response);
                }
                case "error" -> {
                    path = "error";
                    answer = "{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"refused on purpose\"}";
                }
                case "slow" -> {
                    Thread.sleep(60_000);
                    answer = echo(event, id, next);
                }
                case "sqs" -> {
                    ObjectNode response = JSON.createObjectNode();
                    var failures = response.putArray("batchItemFailures");
                    for (JsonNode record : event.path("Records")) {
                        if (record.path("body").asText().contains("poison")) {
                            failures.addObject().put("itemIdentifier", record.path("messageId").asText());
                        }
                    }
                    answer = JSON.writeValueAsString(response);
                }
                default -> answer = echo(event, id, next);
            }
            HttpRequest.Builder settle = HttpRequest.newBuilder(URI.create(api + id + "/" + path))
                    .POST(HttpRequest.BodyPublishers.ofString(answer));
            if (path.equals("error")) {
                settle.header("Lambda-Runtime-Function-Error-Type", "Unhandled");
            }
            http.send(settle.build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String echo(JsonNode event, String id, HttpResponse<String> next) throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("event", event);
        answer.put("requestId", id);
        answer.put("deadline", next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElse(""));
        answer.put("functionArn", next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(""));
        return JSON.writeValueAsString(answer);
    }

    /** A host running this runtime in a mode, for {@code timeoutSeconds} per event. */
    static FunctionHost host(String name, int timeoutSeconds, Path logs, String... arguments) throws java.io.IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        return new FunctionHost(name, timeoutSeconds, 1, address -> {
            var command = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath,
                    TestRuntime.class.getName()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", address);
            return builder;
        }, logs.resolve(name + ".log"));
    }
}
