package io.fairdraw.model.fairness.stats;

import static io.fairdraw.model.fairness.stats.SpecialFunctions.erfc;
import static io.fairdraw.model.fairness.stats.SpecialFunctions.igamc;
import static io.fairdraw.model.fairness.stats.SpecialFunctions.lnGamma;
import static io.fairdraw.model.fairness.stats.SpecialFunctions.normalCdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values are 30-digit evaluations (mpmath 1.3), rounded to 17 significant digits. */
class SpecialFunctionsTest {
    static final double RELATIVE = 1e-13;

    static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
    }

    @Test
    void erfcMatchesReferenceValuesFromTheCentreToTheFarTail() {
        assertThat(erfc(0)).isEqualTo(1.0);
        assertRelative(erfc(0.5), 0.47950012218695346);
        assertRelative(erfc(1), 0.15729920705028513);
        assertRelative(erfc(2), 0.0046777349810472658);
        assertRelative(erfc(3), 2.2090496998585441e-5);
        assertRelative(erfc(5), 1.5374597944280349e-12);
        assertRelative(erfc(10), 2.0884875837625448e-45);
        assertThat(erfc(26)).isCloseTo(5.6631924088561428e-296, within(5.6631924088561428e-296 * 1e-12));
    }

    @Test
    void erfcOfANegativeArgumentIsTwoMinusTheTail() {
        assertRelative(erfc(-1), 1.8427007929497149);
        assertThat(erfc(-40)).isEqualTo(2.0);
        assertThat(erfc(40)).isZero();
        assertThat(erfc(Double.POSITIVE_INFINITY)).isZero();
        assertThatThrownBy(() -> erfc(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void erfcIsContinuousWhereTheSeriesHandsOverToTheContinuedFraction() {
        double below = erfc(Math.nextDown(1.5));
        double at = erfc(1.5);
        assertThat(below).isCloseTo(at, within(at * 1e-13));
        assertRelative(at, 0.033894853524689273);
    }

    @Test
    void theNormalDistributionHasItsTextbookQuantiles() {
        assertThat(normalCdf(0)).isEqualTo(0.5);
        assertThat(normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(normalCdf(-3.090232306167814)).isCloseTo(0.001, within(1e-16));
    }

    @Test
    void lnGammaMatchesFactorialsAndHalfIntegers() {
        double factorial = 1;
        for (int n = 1; n <= 25; n++) {
            assertThat(lnGamma(n)).as("ln Γ(%d)", n).isCloseTo(Math.log(factorial), within(1e-13 * Math.max(1, Math.log(factorial))));
            factorial *= n;
        }
        assertRelative(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)));
        assertRelative(lnGamma(100), 359.13420536957540);
        assertRelative(lnGamma(39062.5), 373937.74992213976);
        assertThatThrownBy(() -> lnGamma(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void igamcOfShapeOneIsTheExponentialTail() {
        for (double x = 0; x <= 60; x += 0.25) {
            assertRelative(igamc(1, x), Math.exp(-x));
        }
    }

    @Test
    void igamcOfShapeOneHalfIsErfcOfTheSquareRoot() {
        for (double x = 0.001; x <= 600; x *= 1.1) {
            assertThat(igamc(0.5, x)).as("x=%s", x).isCloseTo(erfc(Math.sqrt(x)), within(erfc(Math.sqrt(x)) * 1e-12));
        }
    }

    @Test
    void igamcOfAWholeShapeIsAPoissonTail() {
        // Q(n, x) = P(Poisson(x) < n) = e^-x Σ_{k<n} x^k / k!, a sum of positive terms.
        for (int n = 1; n <= 30; n++) {
            for (double x : new double[] {0.5, 3, 10, 25, 40}) {
                double term = Math.exp(-x);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += term;
                    term *= x / (k + 1);
                }
                assertThat(igamc(n, x)).as("Q(%d, %s)", n, x).isCloseTo(sum, within(sum * 1e-12));
            }
        }
    }

    @Test
    void igamcReproducesTabulatedChiSquareCriticalValues() {
        // Upper critical values of χ²(df), NIST/SEMATECH e-Handbook of Statistical Methods 1.3.6.7.4,
        // printed to three decimals: their tail probability is α to within 0.1%.
        double[][] table = {
            {1, 3.841, 0.05}, {1, 6.635, 0.01}, {1, 10.828, 0.001},
            {9, 16.919, 0.05}, {9, 21.666, 0.01}, {9, 27.877, 0.001},
            {10, 18.307, 0.05}, {10, 23.209, 0.01}, {10, 29.588, 0.001},
            {100, 124.342, 0.05}, {100, 135.807, 0.01}, {100, 149.449, 0.001}};
        for (double[] row : table) {
            assertThat(ChiSquare.pValue(row[1], (int) row[0])).as("df=%s at %s", row[0], row[1])
                .isCloseTo(row[2], withinPercentage(0.1));
        }
    }

    @Test
    void igamcStaysAccurateForTheLargeShapesOfTheBlockFrequencyTest() {
        assertThat(igamc(4.5, 2.5)).isCloseTo(0.83430826019340755, within(1e-15));
        assertRelative(igamc(512, 600), 1.0746762608383036e-4);
        assertRelative(igamc(39062.5, 39062.5), 0.49932716456510796);
        assertRelative(igamc(39062.5, 39500), 0.013654625436476244);
        assertRelative(igamc(39062.5, 38700), 0.96697893743735656);
        assertThat(igamc(1e6, 1.01e6)).isCloseTo(1.0606997477586902e-23, within(1.0606997477586902e-23 * 1e-12));
    }

    @Test
    void igamcHasItsLimitsAndRefusesArgumentsOutsideItsDomain() {
        assertThat(igamc(3, 0)).isEqualTo(1.0);
        assertThat(igamc(3, Double.POSITIVE_INFINITY)).isZero();
        assertThat(igamc(3, 1e4)).isZero();
        assertThatThrownBy(() -> igamc(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> igamc(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> igamc(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> igamc(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
