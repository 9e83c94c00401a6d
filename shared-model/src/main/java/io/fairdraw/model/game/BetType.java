package io.fairdraw.model.game;

import io.fairdraw.model.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 4D family's bet types: what a selection looks like, and how many times it wins against a
 * result (colok bebas pays per occurrence of its digit; every other type wins once or not at
 * all). {@link #winningSelections} lists every selection a result makes win, so settlement can
 * read exactly the winning lines and nothing else.
 */
public enum BetType {
    FOUR_D("[0-9]{4}"),
    THREE_D("[0-9]{3}"),
    THREE_D_FRONT("[0-9]{3}"),
    TWO_D_BACK("[0-9]{2}"),
    TWO_D_FRONT("[0-9]{2}"),
    TWO_D_MIDDLE("[0-9]{2}"),
    COLOK_BEBAS("[0-9]"),
    COLOK_MACAU("[0-9]{2}"),
    COLOK_NAGA("[0-9]{3}"),
    COLOK_JITU("[ABCD][0-9]"),
    SHIO("[A-Z]{2,7}"),
    FIFTY_FIFTY_BIG_SMALL("BIG|SMALL"),
    FIFTY_FIFTY_ODD_EVEN("ODD|EVEN"),
    FIFTY_FIFTY_MIDDLE_EDGE("MIDDLE|EDGE"),
    DASAR_ODD_EVEN("ODD|EVEN"),
    DASAR_BIG_SMALL("BIG|SMALL");

    private final Pattern selection;

    BetType(String selection) {
        this.selection = Pattern.compile(selection);
    }

    /** The selection in canonical form (colok digits sorted), or a validation failure. */
    public String normalise(String raw) {
        if (raw == null || !selection.matcher(raw).matches() || (this == SHIO && !ShioTable.SIGNS.contains(raw))) {
            throw ValidationException.of("selection", "is not a " + name() + " selection");
        }
        return switch (this) {
            case COLOK_MACAU, COLOK_NAGA -> raw.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append).toString();
            default -> raw;
        };
    }

    /** The most times one line of this type can win in a draw: colok bebas once per occurrence of its digit. */
    public int maxUnits() {
        return this == COLOK_BEBAS ? 4 : 1;
    }

    /** How many times a (normalised) selection wins against the result: 0 when it loses. */
    public int wins(String selection, FourDResult result, ShioTable shio) {
        return winningSelections(result, shio).contains(selection) ? units(selection, result) : 0;
    }

    private int units(String selection, FourDResult result) {
        if (this != COLOK_BEBAS) {
            return 1;
        }
        int digit = selection.charAt(0) - '0';
        int count = 0;
        for (int d : result.digits()) {
            count += d == digit ? 1 : 0;
        }
        return count;
    }

    /** Every selection of this type that wins against the result. */
    public Set<String> winningSelections(FourDResult result, ShioTable shio) {
        String abcd = result.text();
        int twoD = result.twoDBack();
        int dasar = (result.c() + result.d()) % 10;
        return switch (this) {
            case FOUR_D -> Set.of(abcd);
            case THREE_D -> Set.of(abcd.substring(1));
            case THREE_D_FRONT -> Set.of(abcd.substring(0, 3));
            case TWO_D_BACK -> Set.of(abcd.substring(2));
            case TWO_D_FRONT -> Set.of(abcd.substring(0, 2));
            case TWO_D_MIDDLE -> Set.of(abcd.substring(1, 3));
            case COLOK_BEBAS -> digitsIn(abcd);
            case COLOK_MACAU -> subMultisets(abcd, 2);
            case COLOK_NAGA -> subMultisets(abcd, 3);
            case COLOK_JITU -> Set.of("A" + result.a(), "B" + result.b(), "C" + result.c(), "D" + result.d());
            case SHIO -> Set.of(shio.signOf(twoD));
            case FIFTY_FIFTY_BIG_SMALL -> Set.of(twoD >= 50 ? "BIG" : "SMALL");
            case FIFTY_FIFTY_ODD_EVEN -> Set.of(twoD % 2 == 1 ? "ODD" : "EVEN");
            case FIFTY_FIFTY_MIDDLE_EDGE -> Set.of(twoD >= 25 && twoD <= 74 ? "MIDDLE" : "EDGE");
            case DASAR_ODD_EVEN -> Set.of(dasar % 2 == 1 ? "ODD" : "EVEN");
            case DASAR_BIG_SMALL -> Set.of(dasar >= 5 ? "BIG" : "SMALL");
        };
    }

    private static Set<String> digitsIn(String abcd) {
        Set<String> digits = new HashSet<>();
        abcd.chars().forEach(c -> digits.add(Character.toString(c)));
        return digits;
    }

    /** Every sorted choice of {@code size} of the result's digits, as a multiset (a repeated digit can be chosen twice only if it appears twice). */
    private static Set<String> subMultisets(String abcd, int size) {
        Set<String> chosen = new HashSet<>();
        List<Integer> positions = new ArrayList<>(List.of(0, 1, 2, 3));
        choose(abcd, positions, 0, size, new StringBuilder(), chosen);
        return chosen;
    }

    private static void choose(String abcd, List<Integer> positions, int from, int left, StringBuilder picked, Set<String> out) {
        if (left == 0) {
            out.add(picked.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            return;
        }
        for (int i = from; i < positions.size(); i++) {
            picked.append(abcd.charAt(positions.get(i)));
            choose(abcd, positions, i + 1, left - 1, picked, out);
            picked.setLength(picked.length() - 1);
        }
    }
}
