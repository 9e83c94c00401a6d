package io.fairdraw.model.fairness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of a series of 4D results (SPEC §6: four digits A, B, C, D per draw): χ² of
 * each position over the ten digits, χ² of the whole result over the 10,000 four-digit numbers
 * (which also sees dependence between positions), and, over the digits in draw order (A, B, C,
 * D of the first draw, then of the second, ...), the runs test and the lag-1 serial correlation.
 */
public record FourDFindings(int draws, List<ChiSquare> positions, ChiSquare numbers, DigitRuns runs,
                            SerialCorrelation serialCorrelation) {
    public static final int DIGITS = 4;
    public static final int BASE = 10;
    private static final int NUMBERS = 10_000;
    private static final List<String> POSITION_NAMES = List.of("A", "B", "C", "D");

    public FourDFindings {
        positions = List.copyOf(positions);
    }

    /** {@code digits} holds four digits per draw, in draw order. */
    public static FourDFindings of(byte[] digits) {
        if (digits.length == 0 || digits.length % DIGITS != 0) {
            throw new IllegalArgumentException("four digits per draw, not " + digits.length + " digits");
        }
        Digits.check(digits, BASE);
        int draws = digits.length / DIGITS;
        long[][] byPosition = new long[DIGITS][BASE];
        long[] byNumber = new long[NUMBERS];
        for (int draw = 0; draw < draws; draw++) {
            int number = 0;
            for (int position = 0; position < DIGITS; position++) {
                int digit = digits[draw * DIGITS + position];
                byPosition[position][digit]++;
                number = number * BASE + digit;
            }
            byNumber[number]++;
        }
        List<ChiSquare> positions = new ArrayList<>();
        for (long[] counts : byPosition) {
            positions.add(ChiSquare.ofUniform(counts));
        }
        return new FourDFindings(draws, positions, ChiSquare.ofUniform(byNumber),
            DigitRuns.of(digits, BASE), SerialCorrelation.of(digits, BASE));
    }

    public List<PValue> pValues() {
        List<PValue> pValues = new ArrayList<>();
        for (int position = 0; position < DIGITS; position++) {
            ChiSquare chi = positions.get(position);
            pValues.add(new PValue("4D digit " + POSITION_NAMES.get(position) + " uniform over 0-9", chiText(chi), chi.pValue()));
        }
        pValues.add(new PValue("4D result uniform over 0000-9999", chiText(numbers), numbers.pValue()));
        pValues.add(new PValue("4D digits in draw order: runs of equal digits",
            String.format(Locale.ROOT, "runs = %d of %d digits, z = %.3f", runs.runs(), runs.length(), runs.z()), runs.pValue()));
        pValues.add(new PValue("4D digits in draw order: lag-1 serial correlation",
            String.format(Locale.ROOT, "r = %.3e, z = %.3f", serialCorrelation.coefficient(), serialCorrelation.z()),
            serialCorrelation.pValue()));
        return pValues;
    }

    static String chiText(ChiSquare chi) {
        return String.format(Locale.ROOT, "χ² = %.2f, %d df", chi.statistic(), chi.degreesOfFreedom());
    }
}
