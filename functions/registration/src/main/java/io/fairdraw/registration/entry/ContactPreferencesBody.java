package io.fairdraw.registration.entry;

import io.fairdraw.model.player.ContactPreferences;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marketing consent as JSON; both flags are required so consent is never implied by omission. */
@Schema(name = "ContactPreferences")
public record ContactPreferencesBody(
        @Schema(required = true) Boolean marketingEmail,
        @Schema(required = true) Boolean marketingSms) {

    ContactPreferences toDomain() {
        if (marketingEmail == null || marketingSms == null) {
            throw io.fairdraw.model.error.ValidationException.of("contactPreferences",
                    "must state both marketingEmail and marketingSms");
        }
        return new ContactPreferences(marketingEmail, marketingSms);
    }

    static ContactPreferencesBody of(ContactPreferences preferences) {
        return new ContactPreferencesBody(preferences.marketingEmail(), preferences.marketingSms());
    }
}
