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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IdempotencyRecordsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final IdempotencyRecords records =
            new IdempotencyRecords(LocalDynamo.shared().client(), Table.IDEMPOTENCY.defaultName(), now::get);
    private final IdempotencyScope scope = new IdempotencyScope(PlayerId.derive("iss", "sub-" + UUID.randomUUID()), "deposit");

    /** The record's key as stored: route, caller and key. */
    private Map<String, AttributeValue> recordKey(IdempotencyKey key) {
        return Map.of(Table.Attributes.PARTITION_KEY, AttributeValue.fromS(scope.route() + "#" + scope.caller().value() + "#" + key.value()));
    }

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
    void aLongAnswerIsStoredCompressedAndReplaysToTheByte() {
        IdempotencyKey key = freshKey();
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < 12; i++) {
            body.append(i == 0 ? "" : ",").append("{\"betType\":\"FOUR_D\",\"selection\":\"").append(1000 + i * 7)
                    .append("\",\"stake\":100000,\"note\":\"Rp — ünïcödé ✓\"}");
        }
        String answer = body.append("]}").toString();
        records.complete((IdempotencyRecords.Started) records.claim(scope, key, "fp-1"), 201, answer);

        var stored = LocalDynamo.shared().client().getItem(b -> b.tableName(Table.IDEMPOTENCY.defaultName())
                .key(recordKey(key))).item().get("responseBody");
        assertThat(stored.b()).as("stored compressed").isNotNull();
        assertThat(stored.b().asByteArray().length).isLessThan(answer.getBytes(StandardCharsets.UTF_8).length / 3);
        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, answer));
    }

    @Test
    void anAnswerStoredAsTextBeforeCompressionStillReplays() {
        IdempotencyKey key = freshKey();
        String answer = "{\"ticketId\":\"" + "x".repeat(600) + "\"}";
        Map<String, AttributeValue> item = new java.util.HashMap<>(recordKey(key));
        item.putAll(Map.of(
                "fingerprint", AttributeValue.fromS("fp-1"),
                "state", AttributeValue.fromS("COMPLETED"),
                "leaseUntil", AttributeValue.fromN("0"),
                "responseStatus", AttributeValue.fromN("201"),
                "responseBody", AttributeValue.fromS(answer),
                Table.Attributes.EXPIRES_AT, AttributeValue.fromN(
                        Long.toString(now.get().plusSeconds(3600).getEpochSecond()))));
        LocalDynamo.shared().client().putItem(b -> b.tableName(Table.IDEMPOTENCY.defaultName()).item(item));

        assertThat(records.claim(scope, key, "fp-1")).isEqualTo(new IdempotencyRecords.Replay(201, answer));
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
