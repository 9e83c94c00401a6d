package io.fairdraw.platform.snapstart;

/**
 * State an execution environment keeps between invocations that a SnapStart snapshot must not
 * carry over as it is: what was read at a time (a cache, a catalogue's last reading) is of that
 * time, and a restored environment may start hours after its snapshot was taken, with a
 * monotonic clock that does not continue from it. {@link SnapStartHooks} calls each bean of this
 * type around the checkpoint.
 */
public interface RestoreAware {
    /** Before the snapshot: do what makes the first invocation after a restore cheaper. */
    default void prime() {
    }

    /** After a restore: forget what was read before it, so it is read afresh. */
    void restored();
}
