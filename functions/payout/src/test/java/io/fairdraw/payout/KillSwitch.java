package io.fairdraw.payout;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Kills the process at a random write: before it is sent (it never happened) or after DynamoDB
 * applied it (it happened, nobody heard). Counts the writes and the items read on the way,
 * for the tests that hold settlement to reading what won.
 */
final class KillSwitch implements ExecutionInterceptor {
    /** What a killed invocation dies of. */
    static final class Killed extends RuntimeException {
        Killed(String message) {
            super(message);
        }
    }

    private final java.util.Random random;
    private final double probability;
    private volatile boolean killAfterThis;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger itemsRead = new AtomicInteger();
    private final AtomicInteger itemsWritten = new AtomicInteger();

    /** Dies at each write with the given probability, half the time before it is sent and half after it is applied. */
    KillSwitch(long seed, double probability) {
        this.random = new java.util.Random(seed);
        this.probability = probability;
    }

    static KillSwitch never() {
        return new KillSwitch(0, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (isWrite(request)) {
            int n = writes.incrementAndGet();
            itemsWritten.addAndGet(request instanceof TransactWriteItemsRequest t ? t.transactItems().size() : 1);
            if (random.nextDouble() < probability) {
                if (random.nextBoolean()) {
                    throw new Killed("killed before write " + n);
                }
                killAfterThis = true;
            }
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse query) {
            itemsRead.addAndGet(query.count());
        } else if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse get && get.hasItem()) {
            itemsRead.incrementAndGet();
        }
        if (killAfterThis && isWrite(context.request())) {
            killAfterThis = false;
            throw new Killed("killed after write " + writes.get() + " was applied");
        }
    }

    int itemsRead() {
        return itemsRead.get();
    }

    int itemsWritten() {
        return itemsWritten.get();
    }

    private static boolean isWrite(SdkRequest request) {
        return request instanceof TransactWriteItemsRequest || request instanceof PutItemRequest || request instanceof UpdateItemRequest
                || request instanceof DeleteItemRequest || request instanceof BatchWriteItemRequest;
    }
}
