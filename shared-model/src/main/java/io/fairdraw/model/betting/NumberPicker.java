package io.fairdraw.model.betting;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.game.BetType;
import io.fairdraw.model.game.FixedOddsGame;
import io.fairdraw.model.game.Game;
import io.fairdraw.model.game.LottoGame;
import io.fairdraw.model.game.ShioTable;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The number-picking tools players expect. A quick pick draws a selection from the server's
 * CSPRNG (the caller passes it; never a seeded generator). BBFS ("bolak-balik full set")
 * expands a set of digits into every distinct arrangement of the bet type's length: digits
 * 1, 2, 3 for 2D give 12, 13, 21, 23, 31, 32; a digit given twice may appear twice (1, 1, 2 for
 * 2D give 11, 12, 21).
 */
public final class NumberPicker {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2,10}");
    private static final List<String> SIGNS = ShioTable.SIGNS.stream().sorted().toList();

    private NumberPicker() {
    }

    /** Every distinct arrangement of {@code length(type)} of the given digits, in ascending order. */
    public static List<String> bbfs(String betType, String digits, String field) {
        BetType type = TicketPricing.betType(betType, field);
        int length = switch (type) {
            case FOUR_D -> 4;
            case THREE_D, THREE_D_FRONT -> 3;
            case TWO_D_BACK, TWO_D_FRONT, TWO_D_MIDDLE -> 2;
            default -> throw ValidationException.of(field + ".betType", "BBFS expands 2D, 3D and 4D bets only");
        };
        if (digits == null || !DIGITS.matcher(digits).matches() || digits.length() < length) {
            throw ValidationException.of(field + ".bbfs", "is " + length + " to 10 digits 0-9 for " + type.name());
        }
        TreeSet<String> arrangements = new TreeSet<>();
        arrange(digits, length, new boolean[digits.length()], new StringBuilder(), arrangements);
        return List.copyOf(arrangements);
    }

    private static void arrange(String digits, int length, boolean[] used, StringBuilder prefix, TreeSet<String> out) {
        if (prefix.length() == length) {
            out.add(prefix.toString());
            return;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.append(digits.charAt(i));
                arrange(digits, length, used, prefix, out);
                prefix.setLength(prefix.length() - 1);
                used[i] = false;
            }
        }
    }

    /**
     * A random selection for the bet type in the game: uniform digits (colok macau and naga then
     * sorted, so a pick with repeated digits is rarer, as with dice), a uniform position, sign or side,
     * or K distinct lotto numbers.
     */
    public static String quickPick(Game game, String betType, RandomGenerator random, String field) {
        if (game instanceof LottoGame lotto) {
            if (!TicketPricing.LOTTO.equals(betType)) {
                throw ValidationException.of(field + ".betType", "is not offered by " + game.id());
            }
            TreeSet<Integer> picked = new TreeSet<>();
            while (picked.size() < lotto.pick()) {
                picked.add(1 + random.nextInt(lotto.of()));
            }
            return picked.stream().map(n -> String.format("%02d", n)).reduce((a, b) -> a + "-" + b).orElseThrow();
        }
        FixedOddsGame fixed = (FixedOddsGame) game;
        BetType type = TicketPricing.betType(betType, field);
        if (fixed.termsOf(type).isEmpty()) {
            throw ValidationException.of(field + ".betType", "is not offered by " + game.id());
        }
        return switch (type) {
            case FOUR_D -> digits(random, 4);
            case THREE_D, THREE_D_FRONT, COLOK_NAGA -> type.normalise(digits(random, 3));
            case TWO_D_BACK, TWO_D_FRONT, TWO_D_MIDDLE, COLOK_MACAU -> type.normalise(digits(random, 2));
            case COLOK_BEBAS -> digits(random, 1);
            case COLOK_JITU -> "ABCD".charAt(random.nextInt(4)) + digits(random, 1);
            case SHIO -> SIGNS.get(random.nextInt(SIGNS.size()));
            case FIFTY_FIFTY_BIG_SMALL, DASAR_BIG_SMALL -> random.nextBoolean() ? "BIG" : "SMALL";
            case FIFTY_FIFTY_ODD_EVEN, DASAR_ODD_EVEN -> random.nextBoolean() ? "ODD" : "EVEN";
            case FIFTY_FIFTY_MIDDLE_EDGE -> random.nextBoolean() ? "MIDDLE" : "EDGE";
        };
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
