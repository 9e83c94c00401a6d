package io.fairdraw.model.draw;

/** Where a draw stands; steps only move forward. */
public enum DrawStatus {
    OPEN,
    CLOSED,
    SEALED,
    COMPLETED,
    /** Every winner of a completed draw paid and its sales moved to the house. */
    SETTLED,
    VOIDED
}
