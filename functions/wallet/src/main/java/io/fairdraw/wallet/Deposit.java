package io.fairdraw.wallet;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A deposit the player started: pending until the provider's notification credits or fails it.
 * {@code providerPaymentId} is the id the provider gave the payment when it started (the
 * sandbox's payment id, Adyen's Checkout session id); {@code creditedPaymentId} the provider's id
 * of the payment that credited it (the same for the sandbox, Adyen's pspReference), once credited.
 */
public record Deposit(String id, PlayerId player, Money amount, String provider, Optional<String> providerPaymentId,
        Status status, Instant createdAt, Optional<String> creditedPaymentId) {
    public enum Status {
        PENDING,
        CREDITED,
        FAILED
    }

    public Deposit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerPaymentId, "providerPaymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(creditedPaymentId, "creditedPaymentId");
    }
}
