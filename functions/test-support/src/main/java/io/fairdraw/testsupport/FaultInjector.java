package io.fairdraw.testsupport;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Fails a seeded share of DynamoDB calls with retryable errors, in the two ways that matter:
 * before the request leaves (nothing happened) and after DynamoDB answered (it happened, but
 * the caller never hears so). The SDK retries both; code above it must stay exactly-once.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private final Random random;
    private final double lostRequestShare;
    private final double lostAnswerShare;
    private final AtomicInteger lostRequests = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    public FaultInjector(long seed, double lostRequestShare, double lostAnswerShare) {
        this.random = new Random(seed);
        this.lostRequestShare = lostRequestShare;
        this.lostAnswerShare = lostAnswerShare;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (roll(lostRequestShare)) {
            lostRequests.incrementAndGet();
            throw RetryableException.builder().message("injected: the request was lost before DynamoDB saw it").build();
        }
        return context.httpRequest();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (roll(lostAnswerShare)) {
            lostAnswers.incrementAndGet();
            throw RetryableException.builder().message("injected: DynamoDB acted but its answer was lost").build();
        }
        return context.httpResponse();
    }

    public int lostRequests() {
        return lostRequests.get();
    }

    public int lostAnswers() {
        return lostAnswers.get();
    }

    private synchronized boolean roll(double share) {
        return random.nextDouble() < share;
    }
}
