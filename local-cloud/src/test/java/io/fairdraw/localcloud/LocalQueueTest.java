package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue and its event source mapping with a real runtime consuming it: processed messages are
 * deleted, the ones the function names in batchItemFailures come back after the visibility
 * timeout, and a message that keeps failing moves to the dead letters after maxReceiveCount.
 */
class LocalQueueTest {
    @TempDir
    Path logs;

    @Test
    void failedItemsAreRedeliveredUntilTheyDeadLetter() throws Exception {
        try (FunctionHost consumer = TestRuntime.host("consumer", 5, logs, "sqs");
                LocalQueue queue = new LocalQueue("work", consumer, Duration.ofMillis(200), 3)) {
            // All three wait before the poller starts, so the first batch carries all of them.
            queue.send("{\"n\":1}");
            queue.send("{\"n\":\"poison\"}");
            queue.send("{\"n\":3}");
            consumer.start();
            queue.start();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<String, Object> status = queue.status();
            while (((List<?>) status.get("deadLetters")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = queue.status();
            }
            List<?> deadLetters = (List<?>) status.get("deadLetters");
            assertThat(deadLetters).hasSize(1);
            Map<?, ?> dead = (Map<?, ?>) deadLetters.getFirst();
            assertThat(dead.get("body")).isEqualTo("{\"n\":\"poison\"}");
            assertThat(dead.get("receiveCount")).isEqualTo(3);
            assertThat(status.get("visible")).isEqualTo(0L);
            assertThat(status.get("inFlightOrDelayed")).isEqualTo(0L);
            // The first batch carried all three; the poison message alone came back twice.
            assertThat(consumer.status().get("invocations")).isEqualTo(3);
        }
    }
}
