package io.fairdraw.model.wallet;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A withdrawal the player asked for: its amount already sits in the pending-withdrawal account;
 * the payout function pays it to {@code instrument} (one the player deposited from).
 */
public record Withdrawal(String id, PlayerId player, Money amount, Instrument instrument, Status status, Instant requestedAt) {
    /**
     * REQUESTED (the money is pending), REVIEW (held for an operator), SENT (the provider accepted
     * the payout; its final word arrives by webhook), then PAID or RETURNED (the money back in
     * the wallet). Only these moves happen: REQUESTED to REVIEW, SENT, PAID or RETURNED; REVIEW to
     * REQUESTED or RETURNED; SENT to PAID or RETURNED.
     */
    public enum Status {
        REQUESTED,
        REVIEW,
        /** Released from review by an operator; payout pays it without holding it again. */
        APPROVED,
        SENT,
        PAID,
        RETURNED
    }

    public Withdrawal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
