package io.fairdraw.platform.dynamo;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a multi-item change as one {@code TransactWriteItems} and turns its cancellation reasons
 * into domain errors: a failed condition becomes the refusal the {@link Transaction} names for that action,
 * a conflict with a concurrent transaction is retried a bounded number of times (safe because
 * the transaction is all-or-nothing and its conditions are re-evaluated), throttling becomes 503.
 */
@ApplicationScoped
public class Transactions {
    /** DynamoDB's own limit on actions per transaction. */
    public static final int MAX_ACTIONS = 100;
    static final int MAX_ATTEMPTS = 4;
    private static final long BASE_BACKOFF_MILLIS = 10;
    private static final Logger LOG = Logger.getLogger(Transactions.class);

    private final DynamoDbClient dynamo;
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final Map<String, DoubleAdder> unitsByTable = new ConcurrentHashMap<>();

    public Transactions(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * Writes all actions or none.
     *
     * @param clientRequestToken makes a retried call within DynamoDB's 10-minute window a no-op
     *     rather than a second write; pass a deterministic id of the business operation
     */
    public void write(Transaction transaction, Optional<String> clientRequestToken) {
        if (transaction.isEmpty() || transaction.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("a transaction holds 1.." + MAX_ACTIONS + " actions, not " + transaction.size());
        }
        TransactWriteItemsRequest.Builder request = TransactWriteItemsRequest.builder().transactItems(transaction.items())
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
        clientRequestToken.ifPresent(request::clientRequestToken);
        for (int attempt = 1; ; attempt++) {
            try {
                var response = dynamo.transactWriteItems(request.build());
                if (response.hasConsumedCapacity()) {
                    response.consumedCapacity().forEach(this::count);
                }
                return;
            } catch (TransactionCanceledException cancelled) {
                Outcome outcome = classify(cancelled.cancellationReasons());
                switch (outcome.kind()) {
                    case CONDITION_FAILED -> throw transaction.refusalAt(outcome.index());
                    case THROTTLED -> throw new DomainException(ErrorType.SERVICE_UNAVAILABLE,
                            "the data store is throttling requests", cancelled);
                    case CONFLICT -> {
                        if (attempt >= MAX_ATTEMPTS) {
                            throw new DomainException(ErrorType.CONCURRENT_UPDATE,
                                    "the change conflicted with concurrent changes " + attempt + " times", cancelled);
                        }
                        LOG.debugf("transaction conflict on %s, attempt %d of %d", transaction.nameAt(outcome.index()), attempt, MAX_ATTEMPTS);
                        pause(attempt);
                    }
                    case INVALID -> throw new IllegalStateException("DynamoDB refused the transaction as malformed at "
                            + transaction.nameAt(outcome.index()), cancelled);
                }
            }
        }
    }

    /**
     * Capacity units consumed by the committed transactions of this instance since it started
     * (a transactional write costs two units per KB of each item): for the write-cost figures in
     * docs/performance.md and tests that hold a request to its budget.
     */
    public double capacityUnitsConsumed() {
        return writeUnits.sum();
    }

    /** {@link #capacityUnitsConsumed()} per table, its indexes included. */
    public Map<String, Double> capacityUnitsByTable() {
        Map<String, Double> units = new TreeMap<>();
        unitsByTable.forEach((table, adder) -> units.put(table, adder.sum()));
        return units;
    }

    private void count(ConsumedCapacity consumed) {
        double units = consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
        writeUnits.add(units);
        unitsByTable.computeIfAbsent(consumed.tableName(), t -> new DoubleAdder()).add(units);
    }

    public void write(Transaction transaction) {
        write(transaction, Optional.empty());
    }

    enum Kind { CONDITION_FAILED, CONFLICT, THROTTLED, INVALID }

    record Outcome(Kind kind, int index) {
    }

    /**
     * A failed condition wins over a conflict: a condition that failed will fail again on retry,
     * so the caller learns the real refusal at once.
     */
    static Outcome classify(List<CancellationReason> reasons) {
        Outcome conflict = null;
        Outcome throttled = null;
        for (int i = 0; i < reasons.size(); i++) {
            String code = Optional.ofNullable(reasons.get(i).code()).orElse("None");
            switch (code) {
                case "None" -> { }
                case "ConditionalCheckFailed" -> {
                    return new Outcome(Kind.CONDITION_FAILED, i);
                }
                case "TransactionConflict" -> conflict = conflict == null ? new Outcome(Kind.CONFLICT, i) : conflict;
                case "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded" ->
                        throttled = throttled == null ? new Outcome(Kind.THROTTLED, i) : throttled;
                default -> {
                    return new Outcome(Kind.INVALID, i);
                }
            }
        }
        if (throttled != null) {
            return throttled;
        }
        if (conflict != null) {
            return conflict;
        }
        return new Outcome(Kind.INVALID, -1);
    }

    private static void pause(int attempt) {
        long ceiling = BASE_BACKOFF_MILLIS << attempt;
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorType.SERVICE_UNAVAILABLE, "interrupted while retrying a transaction", e);
        }
    }
}
