package io.fairdraw.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlayerIdTest {
    @Test
    void theSameIdentityAlwaysMapsToTheSamePlayer() {
        PlayerId first = PlayerId.derive("https://id.example.com/realms/fairdraw", "f3a1-42");
        PlayerId again = PlayerId.derive("https://id.example.com/realms/fairdraw", "f3a1-42");
        assertThat(first).isEqualTo(again);
        assertThat(first.value()).matches("pl_[0-9a-f]{32}");
    }

    @Test
    void theDerivationIsPinnedSoIdsSurviveRedeployments() {
        // Changing the derivation would orphan every stored player; this vector (computed independently,
        // SHA-256 over 4-byte length-prefixed parts, first 16 bytes) must never change.
        assertThat(PlayerId.derive("https://server.example.com", "alice").value())
                .isEqualTo(PlayerId.derive("https://server.example.com", "alice").value())
                .isEqualTo("pl_cf7972d4b07926c3c1ff93f30ccc031c");
    }

    @Test
    void issuerAndSubjectCannotBeShiftedIntoEachOther() {
        assertThat(PlayerId.derive("https://a.example/x", "y")).isNotEqualTo(PlayerId.derive("https://a.example/", "xy"));
        assertThat(PlayerId.derive("issuer-one", "same")).isNotEqualTo(PlayerId.derive("issuer-two", "same"));
    }

    @Test
    void refusesEmptyParts() {
        assertThatThrownBy(() -> PlayerId.derive("", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayerId.derive("i", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pl_", "pl_123", "PL_0123456789abcdef0123456789abcdef", "pl_0123456789ABCDEF0123456789abcdef",
        "pl_0123456789abcdef0123456789abcdef0"})
    void refusesMalformedIds(String value) {
        assertThatThrownBy(() -> new PlayerId(value)).isInstanceOf(ValidationException.class);
    }

    @Test
    void idempotencyKeysAreBoundedVisibleAscii() {
        assertThat(new IdempotencyKey("3f1b6a52-8c1e-4c55-9a0e-0d7f3c3c2b11").value()).hasSize(36);
        assertThatThrownBy(() -> new IdempotencyKey(null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IDEMPOTENCY_KEY_MISSING));
        assertThatThrownBy(() -> new IdempotencyKey("short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IDEMPOTENCY_KEY_INVALID));
        assertThatThrownBy(() -> new IdempotencyKey("with space inside")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(129))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new IdempotencyKey("new\nline-key")).isInstanceOf(DomainException.class);
    }

    @Test
    void requestIdsRefuseWhatCouldForgeALogLine() {
        assertThat(new RequestId("Jxq1ZhXYoAMEVlw=").value()).isEqualTo("Jxq1ZhXYoAMEVlw=");
        assertThatThrownBy(() -> new RequestId("a\nb")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new RequestId("")).isInstanceOf(ValidationException.class);
    }
}
