package io.fairdraw.model.game;

import java.util.List;
import java.util.Set;

/**
 * The year's zodiac order for shio bets: number 1 has the year's sign, 2 the sign before it,
 * and so on round the twelve; 00 counts as 100. The order changes at each lunar new year, so it
 * is configuration per year, not code.
 */
public record ShioTable(int year, List<String> signsFromNumberOne) {
    public static final Set<String> SIGNS = Set.of("RAT", "OX", "TIGER", "RABBIT", "DRAGON", "SNAKE", "HORSE", "GOAT",
            "MONKEY", "ROOSTER", "DOG", "PIG");

    public ShioTable {
        signsFromNumberOne = List.copyOf(signsFromNumberOne);
        if (signsFromNumberOne.size() != 12 || !Set.copyOf(signsFromNumberOne).equals(SIGNS)) {
            throw new IllegalArgumentException("a shio table lists each of the twelve signs once");
        }
    }

    /** The sign of a 2D number 0..99. */
    public String signOf(int twoD) {
        int number = twoD == 0 ? 100 : twoD;
        return signsFromNumberOne.get((number - 1) % 12);
    }
}
