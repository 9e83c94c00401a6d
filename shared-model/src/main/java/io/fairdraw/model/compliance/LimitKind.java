package io.fairdraw.model.compliance;

/** What a responsible-gambling limit bounds: money deposited, or stakes less winnings. */
public enum LimitKind {
    DEPOSIT(ReasonCode.DEPOSIT_LIMIT_REACHED),
    NET_LOSS(ReasonCode.LOSS_LIMIT_REACHED);

    private final ReasonCode reached;

    LimitKind(ReasonCode reached) {
        this.reached = reached;
    }

    /** The reason a write is refused when this limit would be exceeded. */
    public ReasonCode reached() {
        return reached;
    }
}
