package io.fairdraw.model.ledger;

/** Why money moved; part of a transfer's deterministic id, so one cause moves money once. */
public enum TransferKind {
    /** clearing -> wallet, when the provider confirms a payment. */
    DEPOSIT,
    /** wallet -> pending withdrawal, when the player asks. */
    WITHDRAWAL_REQUESTED,
    /** pending withdrawal -> clearing, when the provider pays out. */
    WITHDRAWAL_PAID,
    /** pending withdrawal -> wallet, when a payout fails or is rejected. */
    WITHDRAWAL_RETURNED,
    /** wallet -> sales escrow (virtual), a ticket bought. */
    STAKE,
    /** house -> wallet, a win paid. */
    WINNINGS,
    /** sales escrow -> house, a draw settled. */
    SALES_TO_HOUSE,
    /** sales escrow -> wallet, a voided draw refunded. */
    REFUND,
    /** jackpot pool -> house, a lotto draw's carried jackpot put into its top tier. */
    JACKPOT_RELEASE,
    /** house -> jackpot pool, a lotto draw's unwon top tier rolled over. */
    JACKPOT_ROLLOVER,
    /** operator capital -> house, or house -> operator capital. */
    CAPITAL,
    /** a correcting transfer, proposed and approved by two operators. */
    CORRECTION
}
