package io.fairdraw.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.error.Violation;
import io.fairdraw.model.player.CountryCode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void collectsEveryViolationUnderTheRequestsFieldPath() {
        Validation validation = new Validation();
        assertThat(validation.field("residence.country", () -> new CountryCode("XX"))).isNull();
        assertThat(validation.field("ok", () -> new CountryCode("ID"))).isEqualTo(new CountryCode("ID"));
        validation.reject("stake", "must be positive");

        assertThatThrownBy(validation::throwIfInvalid)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("residence.country", "stake");
                });
    }

    @Test
    void aCleanRequestPasses() {
        Validation validation = new Validation();
        validation.field("country", () -> new CountryCode("GB"));
        assertThat(validation.isValid()).isTrue();
        validation.throwIfInvalid();
    }

    @Test
    void checksNameTheFieldAndTheRule() {
        assertThatThrownBy(() -> Checks.between(101, 1, 100, "lines"))
                .hasMessage("lines: must be between 1 and 100");
        assertThatThrownBy(() -> Checks.matches("abc", Pattern.compile("[0-9]{4}"), "selection", "four digits"))
                .hasMessage("selection: must be four digits");
        assertThatThrownBy(() -> Checks.present(null, "stake")).hasMessage("stake: is required");
        assertThat(Checks.text("ok", "name", 2)).isEqualTo("ok");
    }

    @Test
    void everyErrorTypeHasAStableKebabCaseTypeUri() {
        for (ErrorType type : ErrorType.values()) {
            assertThat(type.typeUri()).matches("https://fairdraw\\.io/problems/[a-z]+(-[a-z]+)*");
            assertThat(type.httpStatus()).isBetween(400, 599);
        }
        assertThat(ErrorType.VALIDATION_FAILED.typeUri()).isEqualTo("https://fairdraw.io/problems/validation-failed");
    }

    @Test
    void aValidationFailureNeedsAViolation() {
        assertThatThrownBy(() -> new ValidationException(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
