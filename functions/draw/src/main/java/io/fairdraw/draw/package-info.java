/**
 * The draw function: EventBridge Scheduler fires OPEN, CLOSE, SEAL and EXECUTE for each draw
 * with {@code {gameId, step, scheduledTime}}: the step applies to the draw at scheduledTime or the
 * next one after it. Every
 * step is a conditional write that only moves the draw forward, so duplicate, late and
 * out-of-order invocations change nothing, and a failed step can be fired again to the same
 * result. The Draw* events come from the draws table's stream, not from this code.
 */
package io.fairdraw.draw;
