package io.fairdraw.model.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.id.PlayerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlayerValuesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aDateOfBirthIsARealPastCalendarDate() {
        assertThat(DateOfBirth.parse("2004-02-29", TODAY).value()).isEqualTo(LocalDate.of(2004, 2, 29));
        assertThat(DateOfBirth.parse("2026-11-23", TODAY).value()).isEqualTo(TODAY);
        assertThat(DateOfBirth.parse("1900-01-01", TODAY).value()).isEqualTo(DateOfBirth.EARLIEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24", "2003-02-29", "1990-02-30", "1990-13-01", "1990-00-10", "1899-12-31",
        "90-05-17", "1990-5-17", "17/05/1990", "1990-05-17T00:00", "", " 1990-05-17", "+1990-05-17"})
    void refusesDatesThatAreFutureImpossibleOrMalformed(String text) {
        assertThatThrownBy(() -> DateOfBirth.parse(text, TODAY)).isInstanceOf(ValidationException.class);
    }

    @Test
    void countriesAreAssignedAlpha2Codes() {
        assertThat(new CountryCode("ID").value()).isEqualTo("ID");
        assertThat(new CountryCode("GB").value()).isEqualTo("GB");
        for (String bad : new String[] {"XX", "id", "IDN", "", "UK"}) {
            assertThatThrownBy(() -> new CountryCode(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aSubdivisionBelongsToTheCountryOfResidence() {
        Residence jakarta = new Residence(new CountryCode("ID"), Optional.of(new Subdivision("ID-JK")));
        assertThat(jakarta.subdivision()).contains(new Subdivision("ID-JK"));
        assertThatThrownBy(() -> new Residence(new CountryCode("ID"), Optional.of(new Subdivision("US-NV"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Subdivision("Jakarta")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Subdivision("ID-ABCD")).isInstanceOf(ValidationException.class);
    }

    @Test
    void displayNamesAreNormalisedAndBounded() {
        assertThat(DisplayName.of("  Budi  ").value()).isEqualTo("Budi");
        // "é" as e + combining acute (two code points) becomes the single precomposed character.
        assertThat(DisplayName.of("Rene\u0301").value()).isEqualTo("Ren\u00e9");
        assertThat(DisplayName.of("x".repeat(DisplayName.MAX_LENGTH)).value()).hasSize(DisplayName.MAX_LENGTH);
        assertThatThrownBy(() -> DisplayName.of("x".repeat(DisplayName.MAX_LENGTH + 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DisplayName.of("   ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DisplayName.of("tab\there")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DisplayName.of(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aNewPlayerIsPendingVerificationAndOptedInToNothingUnlessTheySaidSo() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Registration registration = new Registration(DateOfBirth.parse("1990-05-17", TODAY),
                new Residence(new CountryCode("ID"), Optional.empty()), DisplayName.of("Budi"), ContactPreferences.NONE);
        Player player = Player.register(PlayerId.derive("iss", "sub"), registration, now);

        assertThat(player.status()).isEqualTo(PlayerStatus.PENDING_VERIFICATION);
        assertThat(player.contactPreferences()).isEqualTo(new ContactPreferences(false, false));
        assertThat(player.version()).isEqualTo(1);

        Player renamed = player.apply(new ProfileChange(Optional.of(DisplayName.of("Budi S")), Optional.empty()), now.plusSeconds(5));
        assertThat(renamed.displayName().value()).isEqualTo("Budi S");
        assertThat(renamed.dateOfBirth()).isEqualTo(player.dateOfBirth());
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.updatedAt()).isEqualTo(now.plusSeconds(5));

        Player clockWentBack = renamed.apply(new ProfileChange(Optional.empty(), Optional.of(new ContactPreferences(true, false))), now);
        assertThat(clockWentBack.updatedAt()).isEqualTo(renamed.updatedAt());
    }
}
