package io.fairdraw.model.player;

/**
 * Where a player stands. Every registration starts in {@link #PENDING_VERIFICATION}; KYC moves it
 * to {@link #VERIFIED}; operators suspend, players exclude themselves, accounts close. Only a
 * verified player may deposit or bet; an excluded or closed player may still withdraw.
 */
public enum PlayerStatus {
    PENDING_VERIFICATION,
    VERIFIED,
    SUSPENDED,
    SELF_EXCLUDED,
    CLOSED
}
