package io.fairdraw.registration.entry;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.ProfileChange;
import io.fairdraw.model.validation.Validation;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /v1/players/me}: the fields to change; absent fields stay as they are. */
@Schema(name = "ProfilePatch")
public record ProfilePatch(
        @Schema(maxLength = DisplayName.MAX_LENGTH) String displayName,
        ContactPreferencesBody contactPreferences) {

    ProfileChange toChange() {
        Validation validation = new Validation();
        Optional<DisplayName> name = displayName == null
                ? Optional.empty()
                : Optional.ofNullable(validation.field("displayName", () -> DisplayName.of(displayName)));
        Optional<ContactPreferences> preferences = contactPreferences == null
                ? Optional.empty()
                : Optional.ofNullable(validation.field("contactPreferences", contactPreferences::toDomain));
        validation.throwIfInvalid();
        ProfileChange change = new ProfileChange(name, preferences);
        if (change.isEmpty()) {
            throw ValidationException.of("body", "name at least one of displayName, contactPreferences");
        }
        return change;
    }
}
