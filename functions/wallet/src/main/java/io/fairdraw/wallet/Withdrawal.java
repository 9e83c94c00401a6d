package io.fairdraw.wallet;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A withdrawal the player asked for: its amount already sits in the pending-withdrawal account;
 * the payout function pays it to {@code instrument} (one the player deposited from).
 */
public record Withdrawal(String id, PlayerId player, Money amount, Instrument instrument, Status status, Instant requestedAt) {
    public enum Status {
        REQUESTED,
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
