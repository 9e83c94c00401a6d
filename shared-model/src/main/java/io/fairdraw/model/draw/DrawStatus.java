package io.fairdraw.model.draw;

/** Where a draw stands; steps only move forward. */
public enum DrawStatus {
    OPEN,
    CLOSED,
    SEALED,
    COMPLETED,
    VOIDED
}
