package io.fairdraw.draw.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.fairdraw.draw.DrawService;
import io.fairdraw.draw.StepResult;
import io.fairdraw.model.draw.DrawStep;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * EventBridge Scheduler's target: {@code {"gameId": "4d-jakarta", "step": "SEAL",
 * "scheduledTime": "<aws.scheduler.scheduled-time>"}}; the step applies to the draw at that
 * time, or the next one after it. A malformed event is rejected with its reason logged; it
 * changes nothing.
 */
@Named("schedule")
public class ScheduleHandler implements RequestHandler<Map<String, Object>, StepResult> {
    private static final Logger LOG = Logger.getLogger(ScheduleHandler.class);

    @Inject
    DrawService draws;

    @Override
    public StepResult handleRequest(Map<String, Object> event, Context context) {
        StepResult result = parse(event)
                .map(step -> draws.run(step.gameId(), step.step(), step.scheduledTime()))
                .orElseGet(() -> StepResult.rejected("malformed scheduler event"));
        if (result.outcome() == StepResult.Outcome.REJECTED) {
            LOG.warnf("scheduler event rejected: %s", result.detail());
        }
        return result;
    }

    record Step(String gameId, DrawStep step, Instant scheduledTime) {
    }

    static Optional<Step> parse(Map<String, Object> event) {
        if (event == null || !(event.get("gameId") instanceof String gameId) || !(event.get("scheduledTime") instanceof String time)
                || gameId.length() > 40) {
            return Optional.empty();
        }
        Optional<DrawStep> step = DrawStep.parse(event.get("step"));
        try {
            Instant scheduled = Instant.parse(time);
            return step.map(s -> new Step(gameId, s, scheduled));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
