package io.fairdraw.platform.dynamo;

import io.fairdraw.model.error.DomainException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a failed condition means, per action of a transaction. A transaction that protects money
 * names, for each guarded action, the domain refusal its condition stands for, so the caller
 * sees "insufficient funds" rather than "ConditionalCheckFailed at index 2".
 */
public final class ConditionFailures {
    private final Map<Integer, Supplier<? extends DomainException>> byIndex = new HashMap<>();

    public static ConditionFailures none() {
        return new ConditionFailures();
    }

    /** The refusal to raise when the condition of the action at {@code index} fails. */
    public ConditionFailures at(int index, Supplier<? extends DomainException> refusal) {
        if (index < 0 || index >= Transactions.MAX_ACTIONS) {
            throw new IllegalArgumentException("a transaction action index is 0.." + (Transactions.MAX_ACTIONS - 1) + ", not " + index);
        }
        byIndex.put(index, refusal);
        return this;
    }

    DomainException refusalFor(int index) {
        Supplier<? extends DomainException> refusal = byIndex.get(index);
        if (refusal == null) {
            throw new IllegalStateException("the condition of action " + index + " failed but no refusal was named for it");
        }
        return refusal.get();
    }
}
