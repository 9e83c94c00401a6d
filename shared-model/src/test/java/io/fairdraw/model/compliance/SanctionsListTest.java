package io.fairdraw.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SanctionsListTest {
    private static final LocalDate BORN = LocalDate.of(1961, 3, 14);
    private static final SanctionsList LIST = new SanctionsList(3, "test", List.of(
            new SanctionsList.Entry("E-1", List.of("Ivan Petrovich Listed", "Ivan Listed"), Optional.of(BORN)),
            new SanctionsList.Entry("E-2", List.of("José Álvarez-Núñez"), Optional.empty())));

    @Test
    void namesAreComparedAsWordsWhateverTheirOrderCaseAccentsAndPunctuation() {
        assertThat(SanctionsList.normalise("  Doe, JOHN ")).isEqualTo(SanctionsList.normalise("john doe"));
        assertThat(SanctionsList.normalise("José Álvarez-Núñez")).isEqualTo("alvarez jose nunez");
        assertThat(LIST.screen("NUNEZ Alvarez, jose", LocalDate.of(2000, 1, 1))).map(SanctionsList.Entry::reference).contains("E-2");
        assertThat(LIST.screen("listed ivan", BORN)).map(SanctionsList.Entry::reference).contains("E-1");
    }

    @Test
    void aListedBirthDateMustAgreeAndAPartOfANameIsNoMatch() {
        assertThat(LIST.screen("Ivan Listed", BORN.plusDays(1))).isEmpty();
        assertThat(LIST.screen("Ivan", BORN)).isEmpty();
        assertThat(LIST.screen("Ivan Listed Junior", BORN)).isEmpty();
        assertThat(LIST.screen("---", BORN)).isEmpty();
    }

    @Test
    void anEntryNeedsAReferenceAndRealNames() {
        assertThatThrownBy(() -> new SanctionsList.Entry(" ", List.of("A B"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SanctionsList.Entry("R", List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SanctionsList.Entry("R", List.of("..."), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SanctionsList(0, "", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
