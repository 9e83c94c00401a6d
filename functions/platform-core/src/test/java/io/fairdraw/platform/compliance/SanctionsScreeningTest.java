package io.fairdraw.platform.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.compliance.SanctionsList;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SanctionsScreeningTest {
    private static final String KEY = Base64.getEncoder().encodeToString("a-screening-key-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SanctionsScreening screening(SanctionsList list, String key) {
        return new SanctionsScreening(list, Optional.of(SanctionsScreening.decodeKey(key)));
    }

    @Test
    void aStoredFingerprintIsScreenedAgainstTheListInForceLater() {
        SanctionsList before = new SanctionsList(1, "t", List.of());
        SanctionsList after = new SanctionsList(2, "t", List.of(
                new SanctionsList.Entry("NEW-7", List.of("Ana Maria Lista"), Optional.of(LocalDate.of(1970, 1, 2)))));
        String fingerprint = screening(before, KEY).fingerprint("Lista, Ana María");

        assertThat(fingerprint).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("lista");
        assertThat(screening(before, KEY).screenFingerprint(fingerprint, LocalDate.of(1970, 1, 2))).isEmpty();
        assertThat(screening(after, KEY).screenFingerprint(fingerprint, LocalDate.of(1970, 1, 2)))
                .contains(new SanctionsScreening.Match("NEW-7", 2));
        assertThat(screening(after, KEY).screenFingerprint(fingerprint, LocalDate.of(1970, 1, 3))).isEmpty();
    }

    @Test
    void fingerprintsDependOnTheKeySoAListOfNamesCannotBeHashedWithoutIt() {
        String other = Base64.getEncoder().encodeToString("another-key-also-thirty-two-bytes-long".getBytes(StandardCharsets.UTF_8));
        SanctionsList list = SanctionsScreening.sample();
        assertThat(screening(list, KEY).fingerprint("Maria Exempla Sancta")).isNotEqualTo(screening(list, other).fingerprint("Maria Exempla Sancta"));
        assertThat(screening(list, KEY).fingerprint("Maria Exempla Sancta")).isEqualTo(screening(list, KEY).fingerprint("sancta maria EXEMPLA"));
    }

    @Test
    void withoutAKeyOrWithAShortOneScreeningRefusesToRun() {
        SanctionsScreening keyless = new SanctionsScreening(SanctionsScreening.sample(), Optional.empty());
        assertThat(keyless.screen("Maria Exempla Sancta", LocalDate.of(1990, 1, 1))).isPresent();
        assertThatThrownBy(() -> keyless.fingerprint("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("screening-key");
        assertThatThrownBy(() -> SanctionsScreening.decodeKey("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SanctionsScreening.decodeKey("not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMalformedListStopsTheFunctionInsteadOfScreeningAgainstNothing() throws Exception {
        for (String document : List.of("{\"entries\":[]}", "{\"version\":1}", "{\"version\":1.5,\"entries\":[]}",
                "{\"version\":1,\"entries\":[{\"names\":[\"A B\"]}]}",
                "{\"version\":1,\"entries\":[{\"reference\":\"R\",\"names\":[\"A B\"],\"dateOfBirth\":\"1990-13-01\"}]}",
                "{\"version\":1,\"entries\":[{\"reference\":\"R\",\"names\":[]}]}")) {
            assertThatThrownBy(() -> SanctionsScreening.parse(JSON.readTree(document))).as(document).isInstanceOf(RuntimeException.class);
        }
        assertThat(SanctionsScreening.sample().entries()).hasSize(3);
    }
}
