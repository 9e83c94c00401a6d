package io.fairdraw.platform.idempotency;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.id.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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

    /** How work records its answer inside its own transaction: the action that joins it. */
    @FunctionalInterface
    public interface Recorder {
        TransactWriteItem answer(int status, String body);
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

    /**
     * The one-transaction path: no claim is written; the work records its answer in its own
     * transaction, on condition that the key is unused. It answers only when that transaction
     * committed with the answer. Anything else (any refusal, including a condition failing
     * because another attempt of the key got there first, or an effect found already applied)
     * gives empty, and the caller takes {@link #run}, which claims the key and decides replays,
     * reuse with another body and races as always; a refusal is decided again there, so a retry
     * of a request that succeeded is replayed, never refused. The common case costs one write
     * instead of three (claim, transaction, and no completion of its own).
     */
    public Optional<Answer> runInOneTransaction(IdempotencyScope scope, IdempotencyKey key, String fingerprint,
            Function<Recorder, Answer> work) {
        try {
            Answer answer = work.apply((status, body) -> records.firstAnswer(scope, key, fingerprint, status, body));
            return answer.recorded() ? Optional.of(answer) : Optional.empty();
        } catch (DomainException leftToTheCarefulPath) {
            return Optional.empty();
        }
    }

    /** The recorder of work running under a claim: the completion of that claim. */
    public Recorder recorder(IdempotencyRecords.Started started) {
        return (status, body) -> records.completion(started, status, body);
    }

    public IdempotencyRecords records() {
        return records;
    }
}
