package io.fairdraw.draw;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a step did, returned to the scheduler and logged: DONE (this invocation moved the draw),
 * ALREADY_DONE (a duplicate: nothing changed), NOT_YET (too early: fire again later; nothing
 * changed), IN_PROGRESS (a seal stopped at its budget with its progress stored: the next SEAL
 * continues), VOIDED (by rule: the seal missed its deadline, or the beacon round did not come by the game's beacon deadline) or REJECTED (malformed or unknown; nothing changed).
 */
@RegisterForReflection
public record StepResult(Outcome outcome, String drawId, String detail) {
    /** What a step did; the scheduler and the logs see its name. */
    public enum Outcome { DONE, ALREADY_DONE, NOT_YET, IN_PROGRESS, VOIDED, REJECTED }

    public static StepResult done(String drawId, String detail) {
        return new StepResult(Outcome.DONE, drawId, detail);
    }

    public static StepResult alreadyDone(String drawId, String detail) {
        return new StepResult(Outcome.ALREADY_DONE, drawId, detail);
    }

    public static StepResult notYet(String drawId, String detail) {
        return new StepResult(Outcome.NOT_YET, drawId, detail);
    }

    public static StepResult inProgress(String drawId, String detail) {
        return new StepResult(Outcome.IN_PROGRESS, drawId, detail);
    }

    public static StepResult voided(String drawId, String detail) {
        return new StepResult(Outcome.VOIDED, drawId, detail);
    }

    public static StepResult rejected(String detail) {
        return new StepResult(Outcome.REJECTED, null, detail);
    }
}
