package io.fairdraw.model.player;

import java.util.Objects;
import java.util.Optional;

/** The profile fields a player may change themselves; an empty field is left as it is. */
public record ProfileChange(Optional<DisplayName> displayName, Optional<ContactPreferences> contactPreferences) {
    public ProfileChange {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(contactPreferences, "contactPreferences");
    }

    public boolean isEmpty() {
        return displayName.isEmpty() && contactPreferences.isEmpty();
    }
}
