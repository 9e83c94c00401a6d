package io.fairdraw.platform.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginSecretTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aRequiredSecretThatIsNotConfiguredStopsTheFunctionAtStart() {
        assertThatThrownBy(() -> OriginSecret.of(true, Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OriginSecret.of(true, Optional.of("   "))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretShorterThanThirtyTwoCharactersStopsTheFunctionAtStart() {
        assertThatThrownBy(() -> OriginSecret.of(true, Optional.of(SECRET.substring(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(SECRET.substring(1));
    }

    @Test
    void onlyTheExactSecretPasses() {
        OriginSecret secret = OriginSecret.of(true, Optional.of(SECRET));

        assertThat(secret.check(Optional.of(SECRET))).isEmpty();
        assertThat(secret.check(Optional.empty())).contains(OriginSecret.Rejection.MISSING);
        assertThat(secret.check(Optional.of(""))).contains(OriginSecret.Rejection.MISSING);
        assertThat(secret.check(Optional.of(SECRET.toUpperCase(Locale.ROOT)))).contains(OriginSecret.Rejection.FORGED);
        assertThat(secret.check(Optional.of(SECRET + " "))).contains(OriginSecret.Rejection.FORGED);
        assertThat(secret.check(Optional.of(SECRET.repeat(40)))).contains(OriginSecret.Rejection.FORGED);
    }

    @Test
    void duringARotationThePreviousSecretPassesTooAndNothingElse() {
        String previous = "fedcba9876543210fedcba9876543210";
        OriginSecret secret = OriginSecret.of(true, Optional.of(SECRET), Optional.of(previous));

        assertThat(secret.check(Optional.of(SECRET))).isEmpty();
        assertThat(secret.check(Optional.of(previous))).isEmpty();
        assertThat(secret.check(Optional.of(previous.substring(1) + "x"))).contains(OriginSecret.Rejection.FORGED);
        assertThat(OriginSecret.of(true, Optional.of(SECRET), Optional.of(" ")).check(Optional.of(" "))).contains(OriginSecret.Rejection.FORGED);
        assertThatThrownBy(() -> OriginSecret.of(true, Optional.of(SECRET), Optional.of("short")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("origin-secret-previous").hasMessageNotContaining("short\"");
    }

    @Test
    void whenNotRequiredNothingIsCheckedAndNoSecretIsNeeded() {
        OriginSecret laptop = OriginSecret.of(false, Optional.empty());

        assertThat(laptop.check(Optional.empty())).isEmpty();
        assertThat(laptop.check(Optional.of("anything"))).isEmpty();
    }
}
