package io.fairdraw.draw.beacon;

/**
 * No relay gave a usable answer: each was unreachable, failed, or answered something that did not
 * pass the checks. It fails the invocation, which Lambda retries (the scheduler invokes the
 * function asynchronously); it is never turned into "not yet".
 */
public class BeaconUnavailable extends RuntimeException {
    public BeaconUnavailable(String message) {
        super(message);
    }
}
