package io.fairdraw.model.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events on Fairdraw's bus, by the {@code detail-type} they carry: what the stream pipes of
 * infra-terraform/topology.json publish and its rules route. A consumer reads a detail type into
 * one of these and dispatches on it, so a misspelt or unknown type is a refusal, never a string
 * that matched nothing. The topology test holds the two lists equal.
 */
public enum EventType {
    DRAW_OPENED("DrawOpened"),
    DRAW_CLOSED("DrawClosed"),
    DRAW_SEALED("DrawSealed"),
    DRAW_COMPLETED("DrawCompleted"),
    DRAW_VOIDED("DrawVoided"),
    DRAW_SETTLED("DrawSettled"),
    WINNINGS_CREDITED("WinningsCredited"),
    WITHDRAWAL_REQUESTED("WithdrawalRequested"),
    WITHDRAWAL_APPROVED("WithdrawalApproved"),
    WITHDRAWAL_COMPLETED("WithdrawalCompleted");

    private final String detailType;

    EventType(String detailType) {
        this.detailType = detailType;
    }

    /** The {@code detail-type} on the bus. */
    public String detailType() {
        return detailType;
    }

    public static Optional<EventType> of(String detailType) {
        return Arrays.stream(values()).filter(type -> type.detailType.equals(detailType)).findFirst();
    }
}
