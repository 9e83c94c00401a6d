package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution environments of a function, with a real runtime process polling the Runtime API:
 * events round-trip with Lambda's headers; a process that dies mid-event is started again and an
 * asynchronous event is retried on it (a synchronous one fails back to its caller, as Lambda's
 * do); a function error is reported with its type; an event past the timeout kills the process.
 */
class FunctionHostTest {
    @TempDir
    Path logs;

    @Test
    void anEventRoundTripsWithTheRuntimeApisHeaders() throws Exception {
        try (FunctionHost host = TestRuntime.host("echo", 5, logs, "echo")) {
            host.start();
            Invocation.Result result = host.invoke("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            assertThat(result.failed()).isFalse();
            JsonNode answer = Json.parse(result.body());
            assertThat(answer.path("event").path("hello").asText()).isEqualTo("world");
            assertThat(answer.path("requestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(Long.parseLong(answer.path("deadline").asText())).isGreaterThan(System.currentTimeMillis());
            assertThat(answer.path("functionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
            assertThat(host.ready()).isTrue();
        }
    }

    @Test
    void anAsynchronousEventWhoseProcessDiesIsRetriedOnTheRestartedProcess() throws Exception {
        Path marker = logs.resolve("crashed");
        try (FunctionHost host = TestRuntime.host("flaky", 5, logs, "crash-once", marker.toString())) {
            host.start();
            Invocation.Result result = host.invokeAsync("{\"n\":1}".getBytes(StandardCharsets.UTF_8)).get(60, TimeUnit.SECONDS);
            assertThat(result.failed()).isFalse();
            JsonNode answer = Json.parse(result.body());
            assertThat(answer.path("event").path("n").asInt()).isEqualTo(1);
            // The retry is a new attempt with its own request id, on a new process.
            assertThat(answer.path("requestId").asText()).isNotEqualTo(Files.readString(marker));
            assertThat(host.status().get("restarts")).isEqualTo(1);
        }
    }

    @Test
    void aSynchronousEventWhoseProcessDiesFailsAndTheNextOneIsServed() throws Exception {
        Path marker = logs.resolve("crashed");
        try (FunctionHost host = TestRuntime.host("flaky", 5, logs, "crash-once", marker.toString())) {
            host.start();
            Invocation.Result lost = host.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8)).get(60, TimeUnit.SECONDS);
            assertThat(lost.failed()).isTrue();
            assertThat(lost.errorType()).isEqualTo("Runtime.ExitError");
            Invocation.Result next = host.invoke("{\"n\":2}".getBytes(StandardCharsets.UTF_8)).get(60, TimeUnit.SECONDS);
            assertThat(Json.parse(next.body()).path("event").path("n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aFunctionErrorComesBackWithItsType() throws Exception {
        try (FunctionHost host = TestRuntime.host("failing", 5, logs, "error")) {
            host.start();
            Invocation.Result result = host.invoke("{}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            assertThat(result.failed()).isTrue();
            assertThat(result.errorType()).isEqualTo("Unhandled");
            assertThat(Json.parse(result.body()).path("errorMessage").asText()).isEqualTo("refused on purpose");
        }
    }

    @Test
    void anEventPastTheTimeoutStopsItsProcessWhichIsStartedAgain() throws Exception {
        try (FunctionHost host = TestRuntime.host("slow", 1, logs, "slow")) {
            host.start();
            long pid = awaitPid(host);
            Invocation.Result result = host.invoke("{}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            assertThat(result.failed()).isTrue();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            long restarted = awaitPid(host);
            assertThat(restarted).isNotEqualTo(pid);
        }
    }

    private static long awaitPid(FunctionHost host) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (host.ready() && !host.pids().isEmpty()) {
                return host.pids().getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the environment did not start");
    }
}
