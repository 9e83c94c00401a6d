package io.fairdraw.model.compliance;

import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Which limit applies and whether a movement fits under it. The lowest applicable limit wins:
 * the player's own, or the jurisdiction's cap for the same slot.
 */
public final class Limits {
    private Limits() {
    }

    public static Optional<Money> applicable(PlayerLimit own, Jurisdiction jurisdiction, Instant now) {
        Optional<Money> mine = own.inForce(now);
        Optional<Money> cap = jurisdiction.cap(own.key().kind(), own.key().window());
        if (mine.isEmpty()) {
            return cap;
        }
        if (cap.isEmpty()) {
            return mine;
        }
        return mine.get().compareTo(cap.get()) <= 0 ? mine : cap;
    }

    /**
     * The most the window's counter may hold before {@code amount} is added, for a conditional
     * write ({@code total <= headroom}); empty when the amount alone exceeds the limit.
     */
    public static Optional<Money> headroomBefore(Money limit, Money amount) {
        Money headroom = limit.minus(amount);
        return headroom.isNegative() ? Optional.empty() : Optional.of(headroom);
    }

    /** Whether adding {@code amount} to a window that already holds {@code total} stays within {@code limit}. */
    public static Decision fits(LimitKind kind, Optional<Money> limit, Money total, Money amount) {
        if (limit.isEmpty() || total.plus(amount).compareTo(limit.get()) <= 0) {
            return Decision.ALLOW;
        }
        return Decision.deny(kind.reached(), "this would exceed your " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " limit of " + limit.get().amountMinor() + " " + limit.get().currency() + " (minor units)");
    }
}
