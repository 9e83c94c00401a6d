package io.fairdraw.model.player;

import io.fairdraw.model.id.PlayerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered player. The identity fields (id, date of birth, residence) are fixed at
 * registration and changed only through KYC; the profile fields may be changed by the player.
 * {@code version} increases with every change and guards concurrent updates.
 */
public record Player(
        PlayerId id,
        DisplayName displayName,
        DateOfBirth dateOfBirth,
        Residence residence,
        ContactPreferences contactPreferences,
        PlayerStatus status,
        Instant registeredAt,
        Instant updatedAt,
        long version) {

    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(residence, "residence");
        Objects.requireNonNull(contactPreferences, "contactPreferences");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a stored player has version 1 or more, not " + version);
        }
        if (updatedAt.isBefore(registeredAt)) {
            throw new IllegalArgumentException("a player cannot be updated before it registered");
        }
    }

    /** A new registration: pending verification, opted in to nothing, version 1. */
    public static Player register(PlayerId id, Registration registration, Instant now) {
        return new Player(id, registration.displayName(), registration.dateOfBirth(), registration.residence(),
                registration.contactPreferences(), PlayerStatus.PENDING_VERIFICATION, now, now, 1);
    }

    /** This player with the profile change applied, one version later. */
    public Player apply(ProfileChange change, Instant now) {
        return new Player(id,
                change.displayName().orElse(displayName),
                dateOfBirth,
                residence,
                change.contactPreferences().orElse(contactPreferences),
                status,
                registeredAt,
                now.isBefore(updatedAt) ? updatedAt : now,
                version + 1);
    }
}
