package io.fairdraw.localcloud;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One event on its way to a function, and its outcome. An asynchronous invocation (scheduler,
 * Lambda's {@code Event} type) that dies with its execution environment is retried up to twice,
 * as Lambda does; a synchronous one (gateway, queue poller) fails back to its caller.
 */
public final class Invocation {
    static final int ASYNC_RETRIES = 2;

    private final byte[] payload;
    private final CompletableFuture<Result> outcome = new CompletableFuture<>();
    private final int maxAttempts;
    private volatile String requestId = UUID.randomUUID().toString();
    private volatile int attempts;
    private volatile long dispatchedAtMillis;

    private Invocation(byte[] payload, int maxAttempts) {
        this.payload = payload;
        this.maxAttempts = maxAttempts;
    }

    static Invocation sync(byte[] payload) {
        return new Invocation(payload, 1);
    }

    static Invocation async(byte[] payload) {
        return new Invocation(payload, 1 + ASYNC_RETRIES);
    }

    /** What the function answered: its response, or the error it reported (or its environment's death). */
    public record Result(byte[] body, String errorType) {
        public boolean failed() {
            return errorType != null;
        }
    }

    byte[] payload() {
        return payload;
    }

    String requestId() {
        return requestId;
    }

    CompletableFuture<Result> outcome() {
        return outcome;
    }

    /** Counts a hand-over to a runtime; each attempt has its own request id, as Lambda's retries do. */
    void dispatched() {
        attempts++;
        dispatchedAtMillis = System.currentTimeMillis();
    }

    long dispatchedAtMillis() {
        return dispatchedAtMillis;
    }

    /** After the environment running it died: whether another attempt is due. */
    boolean retryAfterCrash() {
        if (attempts < maxAttempts) {
            requestId = UUID.randomUUID().toString();
            return true;
        }
        return false;
    }

    int attempts() {
        return attempts;
    }
}
