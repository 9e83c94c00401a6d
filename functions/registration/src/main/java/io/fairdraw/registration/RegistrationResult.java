package io.fairdraw.registration;

import io.fairdraw.model.player.Player;

/** A registration either created the player or found the one this identity registered before. */
public sealed interface RegistrationResult {
    Player player();

    record Registered(Player player) implements RegistrationResult {
    }

    record AlreadyRegistered(Player player) implements RegistrationResult {
    }
}
