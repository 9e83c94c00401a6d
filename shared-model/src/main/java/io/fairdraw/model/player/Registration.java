package io.fairdraw.model.player;

import java.util.Objects;

/** What a caller supplies to become a player; each part has already checked itself. */
public record Registration(
        DateOfBirth dateOfBirth, Residence residence, DisplayName displayName, ContactPreferences contactPreferences) {
    public Registration {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(residence, "residence");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(contactPreferences, "contactPreferences");
    }
}
