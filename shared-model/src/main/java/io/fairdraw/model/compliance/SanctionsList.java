package io.fairdraw.model.compliance;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sanctions list the operator screens players against: names (with aliases) and, where the
 * list gives one, a date of birth. A name matches when it has the same words as a listed name or
 * alias, in any order, ignoring case, accents and punctuation; a listed date of birth must then
 * equal the player's. Screening only ever holds a player or a withdrawal for an operator's
 * review: it never decides on its own.
 */
public record SanctionsList(int version, String source, List<Entry> entries) {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One listed person: the list's own reference, the names they are known by, their birth date if listed. */
    public record Entry(String reference, List<String> names, Optional<LocalDate> dateOfBirth) {
        public Entry {
            Objects.requireNonNull(reference, "reference");
            names = List.copyOf(names);
            Objects.requireNonNull(dateOfBirth, "dateOfBirth");
            if (reference.isBlank()) {
                throw new IllegalArgumentException("a listed entry has a reference");
            }
            if (names.isEmpty() || names.stream().anyMatch(n -> normalise(n).isEmpty())) {
                throw new IllegalArgumentException("entry " + reference + " needs at least one name, and no empty one");
            }
        }

        boolean bornOn(LocalDate date) {
            return dateOfBirth.map(date::equals).orElse(true);
        }
    }

    public SanctionsList {
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
        if (version < 1) {
            throw new IllegalArgumentException("a sanctions list version is 1 or more");
        }
    }

    /** The first entry this person matches, if any. */
    public Optional<Entry> screen(String fullName, LocalDate dateOfBirth) {
        String name = normalise(fullName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(e -> e.bornOn(dateOfBirth) && e.names().stream().map(SanctionsList::normalise).anyMatch(name::equals))
                .findFirst();
    }

    /**
     * A name reduced to what screening compares: accents and case dropped, punctuation to
     * spaces, the words sorted, so "Doe, JOHN" and "John Doé" are the same name.
     */
    public static String normalise(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_WORD.split(plain)).filter(w -> !w.isEmpty()).sorted().collect(Collectors.joining(" "));
    }
}
