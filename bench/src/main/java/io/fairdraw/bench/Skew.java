package io.fairdraw.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Players' picks as they are: not uniform. A third of 4D picks come from a hundred popular
 * numbers (repeated digits, runs, and day-month dates), the rest from all ten thousand; lotto
 * picks lean towards 1 to 31, the numbers of birthdays.
 */
final class Skew {
    static final List<String> POPULAR = popular();
    private static final double POPULAR_SHARE = 1.0 / 3;
    private static final double BIRTHDAY_SHARE = 0.6;

    private Skew() {
    }

    static String fourD(Random random) {
        if (random.nextDouble() < POPULAR_SHARE) {
            // Zipf-like within the popular set: the first numbers are picked most.
            int index = (int) Math.floor(POPULAR.size() * Math.pow(random.nextDouble(), 2));
            return POPULAR.get(index);
        }
        return String.format("%04d", random.nextInt(10_000));
    }

    /** Six distinct numbers of 1 to 49, ascending, joined by dashes as a canonical lotto selection. */
    static String lotto(Random random) {
        TreeSet<Integer> picks = new TreeSet<>();
        while (picks.size() < 6) {
            picks.add(random.nextDouble() < BIRTHDAY_SHARE ? 1 + random.nextInt(31) : 1 + random.nextInt(49));
        }
        return String.join("-", picks.stream().map(n -> String.format("%02d", n)).toList());
    }

    private static List<String> popular() {
        List<String> numbers = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            numbers.add(String.valueOf(d).repeat(4));
        }
        for (int d = 0; d <= 6; d++) {
            numbers.add("" + d + (d + 1) + (d + 2) + (d + 3));
        }
        Random dates = new Random(7);
        while (numbers.size() < 100) {
            String date = String.format("%02d%02d", 1 + dates.nextInt(28), 1 + dates.nextInt(12));
            if (!numbers.contains(date)) {
                numbers.add(date);
            }
        }
        return List.copyOf(numbers);
    }
}
