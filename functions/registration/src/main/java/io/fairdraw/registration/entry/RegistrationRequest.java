package io.fairdraw.registration.entry;

import io.fairdraw.model.player.ContactPreferences;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.DisplayName;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.player.Residence;
import io.fairdraw.model.player.Subdivision;
import io.fairdraw.model.validation.Validation;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/players}. Fields arrive as text and are checked all at once. */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @Schema(required = true, format = "date", examples = "1990-05-17") String dateOfBirth,
        @Schema(required = true, description = "ISO 3166-1 alpha-2", examples = "ID") String country,
        @Schema(description = "ISO 3166-2, where the jurisdiction needs it", examples = "ID-JK") String subdivision,
        @Schema(required = true, maxLength = DisplayName.MAX_LENGTH, examples = "Alice") String displayName,
        ContactPreferencesBody contactPreferences) {

    Registration toRegistration(LocalDate latestCalendarDate) {
        Validation validation = new Validation();
        DateOfBirth birth = validation.field("dateOfBirth", () -> DateOfBirth.parse(dateOfBirth, latestCalendarDate));
        CountryCode residenceCountry = validation.field("country", () -> new CountryCode(country));
        Optional<Subdivision> region = subdivision == null
                ? Optional.empty()
                : Optional.ofNullable(validation.field("subdivision", () -> new Subdivision(subdivision)));
        DisplayName name = validation.field("displayName", () -> DisplayName.of(displayName));
        validation.throwIfInvalid();
        Residence residence = validation.field("subdivision", () -> new Residence(residenceCountry, region));
        validation.throwIfInvalid();
        ContactPreferences preferences = contactPreferences == null ? ContactPreferences.NONE : contactPreferences.toDomain();
        return new Registration(birth, residence, name, preferences);
    }
}
