package io.fairdraw.platform.idempotency;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Remembers the answer to each (caller, route, Idempotency-Key) for 24 hours. A request first
 * claims its key; a repeat with the same body gets the first answer, a repeat with another body
 * is refused (422), a repeat while the first still runs is told to wait (409). The completion is
 * offered as a transaction action so a money-moving change and its remembered answer commit
 * together. The effects themselves are also protected by deterministic ids, so a lost answer
 * can never double a payment.
 */
@ApplicationScoped
public class IdempotencyRecords {
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a claim blocks repeats before another attempt may take it over (a crashed request). */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String EXPIRES_AT = Table.Attributes.EXPIRES_AT;
    private static final String FINGERPRINT = "fingerprint";
    private static final String STATE = "state";
    private static final String LEASE_UNTIL = "leaseUntil";
    /** A claim's own random token: a claim whose write applied but whose answer was lost finds itself by it. */
    private static final String ATTEMPT = "attempt";
    private static final String RESPONSE_STATUS = "responseStatus";
    private static final String RESPONSE_BODY = "responseBody";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    /** The claim is still in progress under this attempt's own lease. */
    private static final String STILL_OURS = "#state = :inProgress AND #leaseUntil = :lease";
    private static final Map<String, String> OWNER_NAMES = Map.of("#state", STATE, "#leaseUntil", LEASE_UNTIL);

    private final DynamoDbClient dynamo;
    private final String table;
    private final TimeSource clock;

    @Inject
    public IdempotencyRecords(DynamoDbClient dynamo, TableNames tables, TimeSource clock) {
        this(dynamo, tables.idempotency(), clock);
    }

    public IdempotencyRecords(DynamoDbClient dynamo, String table, TimeSource clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** What a claim found: the request must run now, or its first answer is to be replayed. */
    public sealed interface Claim permits Started, Replay {
    }

    /**
     * The key is this request's: run it, then {@link #complete} or {@link #release}. The lease is
     * this attempt's own: completing or releasing is conditioned on it, so an attempt whose claim
     * was taken over (it outlived its lease) can neither answer for nor free the key.
     */
    public record Started(String recordKey, String fingerprint, long leaseUntilMillis) implements Claim {
    }

    /** The same request already ran: answer with what it answered. */
    public record Replay(int status, String body) implements Claim {
    }

    public Claim claim(IdempotencyScope scope, IdempotencyKey key, String fingerprint) {
        String recordKey = recordKey(scope, key);
        Instant now = clock.now();
        String attempt = UUID.randomUUID().toString();
        try {
            dynamo.putItem(claimRequest(recordKey, fingerprint, now, attempt)
                    .conditionExpression("attribute_not_exists(#pk) OR #expiresAt < :now")
                    .expressionAttributeNames(Map.of("#pk", PK, "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond())))
                    .build());
            return new Started(recordKey, fingerprint, leaseFrom(now));
        } catch (ConditionalCheckFailedException taken) {
            return resolve(recordKey, fingerprint, taken.item(), now, attempt);
        }
    }

    private static String recordKey(IdempotencyScope scope, IdempotencyKey key) {
        return scope.route() + "#" + scope.caller().value() + "#" + key.value();
    }

    /**
     * The answer of a request that claimed nothing, as a transaction action: it records the
     * answer only if the key is unused (or its record expired), so the transaction it joins fails
     * when another attempt of the same key got there first. One write instead of a claim and its
     * completion; {@link IdempotentRequests#runInOneTransaction} explains when it is used.
     */
    public TransactWriteItem firstAnswer(IdempotencyScope scope, IdempotencyKey key, String fingerprint, int status, String body) {
        Instant now = clock.now();
        Put put = Put.builder()
                .tableName(table)
                .item(completedItem(recordKey(scope, key), fingerprint, status, body))
                .conditionExpression("attribute_not_exists(#pk) OR #expiresAt < :now")
                .expressionAttributeNames(Map.of("#pk", PK, "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond())))
                .build();
        return TransactWriteItem.builder().put(put).build();
    }

    /**
     * When the SDK retried a claim whose first write applied but whose answer was lost, the retry
     * fails its condition against that very claim: it is still this attempt's, not another's.
     */
    private static Optional<Started> ownClaim(String recordKey, String fingerprint, Map<String, AttributeValue> existing, String attempt) {
        if (existing != null && existing.containsKey(ATTEMPT) && attempt.equals(existing.get(ATTEMPT).s())
                && IN_PROGRESS.equals(existing.get(STATE).s())) {
            return Optional.of(new Started(recordKey, fingerprint, Long.parseLong(existing.get(LEASE_UNTIL).n())));
        }
        return Optional.empty();
    }

    private Claim resolve(String recordKey, String fingerprint, Map<String, AttributeValue> existing, Instant now, String attempt) {
        Optional<Started> own = ownClaim(recordKey, fingerprint, existing, attempt);
        if (own.isPresent()) {
            return own.get();
        }
        if (!fingerprint.equals(existing.get(FINGERPRINT).s())) {
            throw new DomainException(ErrorType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body; use a new key for a new request");
        }
        if (COMPLETED.equals(existing.get(STATE).s())) {
            return new Replay(Integer.parseInt(existing.get(RESPONSE_STATUS).n()), StoredBodies.read(existing.get(RESPONSE_BODY)));
        }
        long leaseUntil = Long.parseLong(existing.get(LEASE_UNTIL).n());
        if (leaseUntil > now.toEpochMilli()) {
            throw new DomainException(ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS,
                    "the first request with this Idempotency-Key is still running; retry shortly");
        }
        try {
            dynamo.putItem(claimRequest(recordKey, fingerprint, now, attempt)
                    .conditionExpression("#state = :inProgress AND #leaseUntil = :staleLease")
                    .expressionAttributeNames(Map.of("#state", STATE, "#leaseUntil", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":inProgress", string(IN_PROGRESS), ":staleLease", number(leaseUntil)))
                    .build());
            return new Started(recordKey, fingerprint, leaseFrom(now));
        } catch (ConditionalCheckFailedException overtaken) {
            return ownClaim(recordKey, fingerprint, overtaken.item(), attempt).orElseThrow(() -> new DomainException(
                    ErrorType.IDEMPOTENT_REQUEST_IN_PROGRESS, "another request with this Idempotency-Key took over; retry shortly"));
        }
    }

    private PutItemRequest.Builder claimRequest(String recordKey, String fingerprint, Instant now, String attempt) {
        return PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        PK, string(recordKey),
                        FINGERPRINT, string(fingerprint),
                        STATE, string(IN_PROGRESS),
                        LEASE_UNTIL, number(leaseFrom(now)),
                        ATTEMPT, string(attempt),
                        EXPIRES_AT, number(now.plus(RETENTION).getEpochSecond())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    /** The action that records the answer; put it in the same transaction as the change it answers. */
    public TransactWriteItem completion(Started started, int status, String body) {
        Put put = Put.builder()
                .tableName(table)
                .item(completedItem(started, status, body))
                .conditionExpression(STILL_OURS)
                .expressionAttributeNames(OWNER_NAMES)
                .expressionAttributeValues(owner(started))
                .build();
        return TransactWriteItem.builder().put(put).build();
    }

    /**
     * Records the answer of a request whose change was a single write of its own; false when
     * another attempt took the claim over meanwhile (that attempt will record its own answer).
     */
    public boolean complete(Started started, int status, String body) {
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(completedItem(started, status, body))
                    .conditionExpression(STILL_OURS)
                    .expressionAttributeNames(OWNER_NAMES)
                    .expressionAttributeValues(owner(started))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException overtaken) {
            return false;
        }
    }

    /** Gives the key back after a refusal, so the client may retry it once the cause is fixed. */
    public void release(Started started) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of(PK, string(started.recordKey())))
                    .conditionExpression(STILL_OURS)
                    .expressionAttributeNames(OWNER_NAMES)
                    .expressionAttributeValues(owner(started)));
        } catch (ConditionalCheckFailedException notOursAnyMore) {
            // Completed after all, or taken over by another attempt: either way the key is not ours to free.
        }
    }

    private static Map<String, AttributeValue> owner(Started started) {
        return Map.of(":inProgress", string(IN_PROGRESS), ":lease", number(started.leaseUntilMillis()));
    }

    private static long leaseFrom(Instant now) {
        return now.plus(LEASE).toEpochMilli();
    }

    private Map<String, AttributeValue> completedItem(Started started, int status, String body) {
        return completedItem(started.recordKey(), started.fingerprint(), status, body);
    }

    private Map<String, AttributeValue> completedItem(String recordKey, String fingerprint, int status, String body) {
        return Map.of(
                PK, string(recordKey),
                FINGERPRINT, string(fingerprint),
                STATE, string(COMPLETED),
                LEASE_UNTIL, number(0),
                RESPONSE_STATUS, number(status),
                RESPONSE_BODY, StoredBodies.of(body),
                EXPIRES_AT, number(clock.now().plus(RETENTION).getEpochSecond()));
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
