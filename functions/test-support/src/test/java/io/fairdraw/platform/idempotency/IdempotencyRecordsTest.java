package io.fairdraw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.Transactions;
import io.fairdraw.testsupport.LocalDynamo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdempotencyRecordsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final IdempotencyRecords records =
            new IdempotencyRecords(LocalDynamo.shared().client(), Table.IDEMPOTENCY.defaultName(), now::get);
    private final IdempotencyScope scope = new IdempotencyScope(PlayerId.derive("iss", "sub-" + UUID.randomUUID()), "deposit");

    private static IdempotencyKey freshKey() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    @Test
    void theFirstRequestRunsAndARepeatReplaysItsAnswer() {
        IdempotencyKey key = freshKey();
        var started = (IdempotencyRecords.Started) records.claim(scope, key, "fp-1");
        records.complete(started, 201, "{\"id\":\"t-1\"}");

        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, "{\"id\":\"t-1\"}"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        IdempotencyKey key = freshKey();
        records.complete((IdempotencyRecords.Started) records.claim(scope, key, "fp-1"), 201, "{}");

        assertThatThrownBy(() -> records.claim(scope, key, "fp-2"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aRepeatWhileTheFirstRunsIsToldToWaitUntilItsLeaseLapses() {
        IdempotencyKey key = freshKey();
        records.claim(scope, key, "fp-1");

        assertThatThrownBy(() -> records.claim(scope, key, "fp-1"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS));

        now.set(now.get().plus(IdempotencyRecords.LEASE).plusSeconds(1));
        assertThat(records.claim(scope, key, "fp-1")).isInstanceOf(IdempotencyRecords.Started.class);
    }

    @Test
    void aClaimWhoseAnswerWasLostIsStillItsOwnWhenTheSdkRetriesIt() {
        // Every first answer is lost: the claim applies, the SDK retries it, the retry fails its
        // condition against the claim it wrote itself. Found by local-cloud's chaos run: such a
        // request used to be told to wait for its own lease (30 s).
        IdempotencyRecords lossy = new IdempotencyRecords(LocalDynamo.shared().clientWith(new LosesFirstAnswer()),
                Table.IDEMPOTENCY.defaultName(), now::get);
        IdempotencyKey key = freshKey();
        var started = (IdempotencyRecords.Started) lossy.claim(scope, key, "fp-1");
        assertThat(records.complete(started, 201, "{}")).isTrue();
        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, "{}"));

        // Taking over a stale claim: the same holds when the takeover's answer is lost.
        IdempotencyKey stale = freshKey();
        records.claim(scope, stale, "fp-1");
        now.set(now.get().plus(IdempotencyRecords.LEASE).plusSeconds(1));
        assertThat(lossy.claim(scope, stale, "fp-1")).isInstanceOf(IdempotencyRecords.Started.class);
    }

    /** Loses the answer of every first attempt of a call (the SDK's retry then goes through). */
    private static final class LosesFirstAnswer implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        @Override
        public software.amazon.awssdk.http.SdkHttpResponse modifyHttpResponse(software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            // The SDK numbers its attempts in this header: "attempt=1; max=3".
            if (context.httpRequest().firstMatchingHeader("amz-sdk-request").orElse("").startsWith("attempt=1;")) {
                throw software.amazon.awssdk.core.exception.RetryableException.builder().message("injected: the answer was lost").build();
            }
            return context.httpResponse();
        }
    }

    @Test
    void anAttemptWhoseClaimWasTakenOverCanNeitherAnswerNorFreeTheKey() {
        IdempotencyKey key = freshKey();
        var first = (IdempotencyRecords.Started) records.claim(scope, key, "fp-1");
        now.set(now.get().plus(IdempotencyRecords.LEASE).plusSeconds(1));
        var second = (IdempotencyRecords.Started) records.claim(scope, key, "fp-1");

        assertThat(records.complete(first, 500, "{\"stale\":true}")).isFalse();
        records.release(first);
        assertThatThrownBy(() -> new Transactions(LocalDynamo.shared().client())
                .write(Transaction.of("answer", records.completion(first, 201, "{}"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(records.complete(second, 201, "{\"ok\":true}")).isTrue();
        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, "{\"ok\":true}"));
    }

    @Test
    void keysAreScopedPerCallerAndRoute() {
        IdempotencyKey key = freshKey();
        records.complete((IdempotencyRecords.Started) records.claim(scope, key, "fp-1"), 201, "{}");

        var otherPlayer = new IdempotencyScope(PlayerId.derive("iss", "someone-else"), "deposit");
        var otherRoute = new IdempotencyScope(scope.caller(), "tickets");
        assertThat(records.claim(otherPlayer, key, "fp-9")).isInstanceOf(IdempotencyRecords.Started.class);
        assertThat(records.claim(otherRoute, key, "fp-9")).isInstanceOf(IdempotencyRecords.Started.class);
    }

    @Test
    void aReleasedKeyMayBeRetriedAndAnExpiredOneReused() {
        IdempotencyKey key = freshKey();
        records.release((IdempotencyRecords.Started) records.claim(scope, key, "fp-1"));
        var again = (IdempotencyRecords.Started) records.claim(scope, key, "fp-2");
        records.complete(again, 200, "{}");

        now.set(now.get().plus(IdempotencyRecords.RETENTION).plusSeconds(1));
        assertThat(records.claim(scope, key, "fp-3")).isInstanceOf(IdempotencyRecords.Started.class);
    }

    @Test
    void theAnswerCommitsInTheSameTransactionAsTheChange() {
        IdempotencyKey key = freshKey();
        var started = (IdempotencyRecords.Started) records.claim(scope, key, "fp-1");
        new Transactions(LocalDynamo.shared().client())
                .write(Transaction.of("answer", records.completion(started, 201, "{\"ok\":true}")));

        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, "{\"ok\":true}"));
    }

    @Test
    void ofManyRacingRequestsWithOneKeyExactlyOneRuns() throws Exception {
        IdempotencyKey key = freshKey();
        int racers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            outcomes.add(pool.submit((Callable<Object>) () -> {
                try {
                    return records.claim(scope, key, "fp-1");
                } catch (DomainException e) {
                    return e.type();
                }
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r instanceof IdempotencyRecords.Started).hasSize(1);
        assertThat(results).filteredOn(r -> !(r instanceof IdempotencyRecords.Started))
                .containsOnly(ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS);
    }
}
