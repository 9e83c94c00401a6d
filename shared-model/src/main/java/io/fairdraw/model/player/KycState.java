package io.fairdraw.model.player;

/**
 * Where a player's identity check stands. A referral waits for an operator; only APPROVED
 * makes a player VERIFIED.
 */
public enum KycState {
    NOT_STARTED,
    REFERRED,
    APPROVED,
    REJECTED
}
