package io.fairdraw.draw.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.draw.DrawStep;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzz target for EventBridge Scheduler's events, read as the Lambda runtime reads them (any JSON
 * object as a map). Every event is one step of one game at one instant, exactly as written, or
 * it is rejected; nothing throws. A normal test run replays the corpus under
 * src/test/resources/io/fairdraw/draw/entry/ScheduleEventFuzzTestInputs.
 */
class ScheduleEventFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "110s")
    void anySchedulerEventIsOneStepOrRejected(FuzzedDataProvider data) {
        Map<String, Object> event;
        try {
            event = JSON.readValue(data.consumeRemainingAsString(), new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException notAnObject) {
            return;
        }
        Optional<ScheduleHandler.Step> step = ScheduleHandler.parse(event);
        if (step.isEmpty()) {
            return;
        }
        ScheduleHandler.Step parsed = step.get();
        assertThat(parsed.gameId()).isEqualTo(event.get("gameId")).hasSizeLessThanOrEqualTo(40);
        assertThat(parsed.scheduledTime()).isEqualTo(Instant.parse((String) event.get("scheduledTime")));
        // The scheduler writes the step's name; any ASCII case of it is the same step, and nothing else is.
        assertThat(((String) event.get("step")).toUpperCase(Locale.ROOT)).isEqualTo(parsed.step().name());
        assertThat((String) event.get("step")).matches("[A-Za-z]+");
        assertThat(DrawStep.valueOf(parsed.step().name())).isEqualTo(parsed.step());
    }
}
