package io.fairdraw.platform.idempotency;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.id.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Runs a request at most once per (caller, route, Idempotency-Key): a repeat with the same body
 * gets the first answer, a refused request gives its key back. The work may record its answer
 * inside its own transaction (then a crash cannot separate the effect from the answer) or
 * leave it to this class, which records it right after.
 */
@ApplicationScoped
public class IdempotentRequests {
    /** An answer to send: its HTTP status and JSON body, and whether the work already recorded it. */
    public record Answer(int status, String body, boolean recorded, boolean replayed) {
        public static Answer toRecord(int status, String body) {
            return new Answer(status, body, false, false);
        }

        public static Answer alreadyRecorded(int status, String body) {
            return new Answer(status, body, true, false);
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IdempotentRequests.class);

    private final IdempotencyRecords records;

    public IdempotentRequests(IdempotencyRecords records) {
        this.records = records;
    }

    public Answer run(IdempotencyScope scope, IdempotencyKey key, String fingerprint,
            Function<IdempotencyRecords.Started, Answer> work) {
        IdempotencyRecords.Claim claim = records.claim(scope, key, fingerprint);
        if (claim instanceof IdempotencyRecords.Replay replay) {
            return new Answer(replay.status(), replay.body(), true, true);
        }
        IdempotencyRecords.Started started = (IdempotencyRecords.Started) claim;
        Answer answer;
        try {
            answer = work.apply(started);
        } catch (DomainException refused) {
            records.release(started);
            throw refused;
        }
        if (!answer.recorded() && !records.complete(started, answer.status(), answer.body())) {
            // Another attempt took the claim over; its answer is recorded instead. The work is
            // idempotent by the ids derived from the key, so both attempts did the same thing.
            LOG.debugf("idempotency claim %s was taken over before it completed", started.recordKey());
        }
        return answer;
    }

    public IdempotencyRecords records() {
        return records;
    }
}
