package io.fairdraw.model.ledger;

import io.fairdraw.model.error.ValidationException;

/**
 * The kinds of account. Operator capital and payment clearing stand for money outside the
 * platform (the operator's bank, a provider's settlement) and may go negative; every other
 * account, a player's wallet first of all, never may.
 */
public enum AccountType {
    PLAYER_WALLET("wallet", false),
    PENDING_WITHDRAWAL("pending-withdrawal", false),
    HOUSE("house", false),
    OPERATOR_CAPITAL("operator-capital", true),
    PAYMENT_CLEARING("clearing", true),
    JACKPOT_POOL("jackpot", false),
    /** A draw's sales before settlement. Virtual: its postings are the draw's tickets, no account item exists. */
    SALES_ESCROW("escrow", false);

    private final String prefix;
    private final boolean mayGoNegative;

    AccountType(String prefix, boolean mayGoNegative) {
        this.prefix = prefix;
        this.mayGoNegative = mayGoNegative;
    }

    public String prefix() {
        return prefix;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }

    /**
     * A virtual account has no balance item and no postings of its own: what it holds is known
     * from other records (a draw's escrow from its tickets), so no bet writes a shared item.
     */
    public boolean isVirtual() {
        return this == SALES_ESCROW;
    }

    static AccountType ofPrefix(String prefix) {
        for (AccountType type : values()) {
            if (type.prefix.equals(prefix)) {
                return type;
            }
        }
        throw ValidationException.of("account", "has no account type " + prefix);
    }
}
