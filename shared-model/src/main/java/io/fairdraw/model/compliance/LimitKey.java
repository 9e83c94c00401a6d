package io.fairdraw.model.compliance;

import java.util.Objects;

/** One limit slot: a kind over a window (deposits per day, net loss per month, ...). */
public record LimitKey(LimitKind kind, LimitWindow window) {
    public LimitKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String toString() {
        return kind + "/" + window;
    }
}
