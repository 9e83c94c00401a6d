package io.fairdraw.model.fairness.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a series of lotto K/N draws (SPEC §6: K distinct numbers from 1..N, in draw
 * order): χ² of the numbers over all picks, corrected for picking without replacement, and χ²
 * of the numbers at each pick position, which by symmetry is uniform over 1..N too and would
 * show an ordering bias the pooled count cannot.
 */
public record LottoFindings(int draws, ChiSquare allPicks, List<ChiSquare> pickPositions) {

    public LottoFindings {
        pickPositions = List.copyOf(pickPositions);
    }

    /** {@code picks} holds K numbers per draw, each in 1..N, in draw order. */
    public static LottoFindings of(byte[] picks, int pick, int of) {
        if (pick < 1 || pick >= of || picks.length == 0 || picks.length % pick != 0) {
            throw new IllegalArgumentException("1 <= K < N and K numbers per draw");
        }
        int draws = picks.length / pick;
        long[] all = new long[of];
        long[][] byPosition = new long[pick][of];
        for (int i = 0; i < picks.length; i++) {
            int number = picks[i];
            if (number < 1 || number > of) {
                throw new IllegalArgumentException("pick " + number + " at " + i + " is not in 1.." + of);
            }
            all[number - 1]++;
            byPosition[i % pick][number - 1]++;
        }
        List<ChiSquare> positions = new ArrayList<>();
        for (long[] counts : byPosition) {
            positions.add(ChiSquare.ofUniform(counts));
        }
        return new LottoFindings(draws, ChiSquare.ofPicksWithoutReplacement(all, pick), positions);
    }

    public List<PValue> pValues() {
        int of = allPicks.degreesOfFreedom() + 1;
        List<PValue> pValues = new ArrayList<>();
        pValues.add(new PValue("lotto numbers uniform over 1-" + of + ", every pick counted",
            FourDFindings.chiText(allPicks) + ", scaled by (N-1)/(N-K)", allPicks.pValue()));
        for (int position = 0; position < pickPositions.size(); position++) {
            ChiSquare chi = pickPositions.get(position);
            pValues.add(new PValue("lotto pick " + (position + 1) + " uniform over 1-" + of,
                FourDFindings.chiText(chi), chi.pValue()));
        }
        return pValues;
    }
}
