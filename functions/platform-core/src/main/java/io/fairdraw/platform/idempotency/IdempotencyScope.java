package io.fairdraw.platform.idempotency;

import io.fairdraw.model.id.PlayerId;
import java.util.Objects;

/**
 * Keys are scoped per caller and route: two players may use the same key, and one player's key
 * on the deposit route says nothing about the ticket route.
 */
public record IdempotencyScope(PlayerId caller, String route) {
    public IdempotencyScope {
        Objects.requireNonNull(caller, "caller");
        if (route == null || route.isBlank() || route.contains("#")) {
            throw new IllegalArgumentException("a route is a non-blank name without '#'");
        }
    }
}
