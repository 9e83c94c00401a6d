package io.fairdraw.model.draw;

/**
 * Why a draw was voided. Each is a rule, applied by the draw function on its own: no one chooses
 * to void a draw, and no one can choose another beacon round for it. Every ticket is refunded.
 */
public enum VoidReason {
    /** The seal was not stored before the beacon round it named existed (docs/draws.md). */
    SEAL_DEADLINE,
    /** No relay gave a verifiable beacon round by the game's beacon deadline. */
    BEACON_UNAVAILABLE
}
