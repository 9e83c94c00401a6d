package io.fairdraw.model.compliance;

import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A limit a player set on one slot: the amount in force (none means no limit of their own), and
 * a requested raise or removal that waits out the cool-off. A lower limit applies at once.
 */
public record PlayerLimit(LimitKey key, Optional<Money> current, Optional<Pending> pending) {

    /** A raise (or removal, when {@code amount} is empty) that takes effect at {@code effectiveAt}. */
    public record Pending(Optional<Money> amount, Instant effectiveAt) {
        public Pending {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
        }
    }

    public PlayerLimit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(pending, "pending");
        current.ifPresent(PlayerLimit::requirePositive);
        pending.flatMap(Pending::amount).ifPresent(PlayerLimit::requirePositive);
    }

    public static PlayerLimit none(LimitKey key) {
        return new PlayerLimit(key, Optional.empty(), Optional.empty());
    }

    /**
     * The player asks for {@code requested} (empty: no limit). Lowering, or setting a first
     * limit, protects the player and applies at once; raising or removing waits the cool-off.
     */
    public PlayerLimit request(Optional<Money> requested, Instant now, java.time.Duration coolOff) {
        PlayerLimit settled = settle(now);
        if (isStricter(requested, settled.current)) {
            return new PlayerLimit(key, requested, Optional.empty());
        }
        if (requested.equals(settled.current)) {
            return new PlayerLimit(key, settled.current, Optional.empty());
        }
        return new PlayerLimit(key, settled.current, Optional.of(new Pending(requested, now.plus(coolOff))));
    }

    /** This limit with a pending change applied if its time has come. */
    public PlayerLimit settle(Instant now) {
        if (pending.isPresent() && !now.isBefore(pending.get().effectiveAt())) {
            return new PlayerLimit(key, pending.get().amount(), Optional.empty());
        }
        return this;
    }

    /** The amount in force at {@code now}, if any. */
    public Optional<Money> inForce(Instant now) {
        return settle(now).current;
    }

    /** True when {@code candidate} restricts more than {@code existing} (no limit restricts least). */
    static boolean isStricter(Optional<Money> candidate, Optional<Money> existing) {
        if (candidate.isEmpty()) {
            return false;
        }
        return existing.isEmpty() || candidate.get().compareTo(existing.get()) < 0;
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a limit is a positive amount");
        }
    }
}
