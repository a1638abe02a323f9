package org.tunebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunebook.bench.ParetoBenchmark;

/** Exact hypervolumes of hand-made fronts, of ZDT1's true front, and against a Monte Carlo estimate. */
class ParetoHypervolumeTest {

    private static final double[] UNIT = {1, 1};

    @Test
    void twoDimensionalFrontsByHand() {
        assertThat(Pareto.hypervolume(List.of(), UNIT)).isZero();
        assertThat(Pareto.hypervolume(List.of(new double[] {0.5, 0.5}), UNIT)).isCloseTo(0.25, within(1e-15));
        // two boxes 0.8 x 0.2 and 0.4 x 0.7 overlapping in 0.4 x 0.2
        List<double[]> two = List.of(new double[] {0.2, 0.8}, new double[] {0.6, 0.3});
        assertThat(Pareto.hypervolume(two, UNIT)).isCloseTo(0.16 + 0.28 - 0.08, within(1e-15));
        List<double[]> more = new ArrayList<>(two);
        more.add(new double[] {0.7, 0.9});   // dominated: adds nothing
        more.add(new double[] {1.5, 0.0});   // beyond the reference: adds nothing
        more.add(new double[] {0.2, 1.0});   // on the reference's edge: adds nothing
        assertThat(Pareto.hypervolume(more, UNIT)).isCloseTo(0.36, within(1e-15));
    }

    @Test
    void threeDimensionalBoxesByHand() {
        double[] ref = {2, 2, 2};
        assertThat(Pareto.hypervolume(List.of(new double[] {0, 0, 0}), new double[] {1, 2, 3})).isCloseTo(6, within(1e-12));
        // 2 x 2 x 1 and 1 x 1 x 2, overlapping in a unit cube
        assertThat(Pareto.hypervolume(List.of(new double[] {0, 0, 1}, new double[] {1, 1, 0}), ref))
                .isCloseTo(4 + 2 - 1, within(1e-12));
    }

    @Test
    void theTrueFrontOfZdt1ReachesTheProblemsBestHypervolume() {
        ParetoBenchmark.Problem zdt1 = ParetoBenchmark.zdt1(30);
        List<double[]> front = new ArrayList<>();
        for (int i = 0; i <= 20_000; i++) {
            double f1 = i / 20_000.0;
            front.add(new double[] {f1, 1 - Math.sqrt(f1)});
        }
        assertThat(Pareto.hypervolume(front, zdt1.reference())).isCloseTo(zdt1.best(), within(1e-3))
                .isLessThanOrEqualTo(zdt1.best());
    }

    @Test
    void threeObjectivesAgreeWithAMonteCarloEstimate() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] ref = {1, 1, 1};
        for (int set = 0; set < 3; set++) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                points.add(new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()});
            }
            int inside = 0;
            int samples = 200_000;
            for (int s = 0; s < samples; s++) {
                double[] x = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
                for (double[] p : points) {
                    if (p[0] <= x[0] && p[1] <= x[1] && p[2] <= x[2]) {
                        inside++;
                        break;
                    }
                }
            }
            assertThat(Pareto.hypervolume(points, ref)).isCloseTo((double) inside / samples, within(0.005));
        }
    }

    @Test
    void badPointsAreRefused() {
        assertThatThrownBy(() -> Pareto.hypervolume(List.of(new double[] {0.1, 0.2, 0.3}), UNIT))
                .hasMessageContaining("3 objectives but the reference point 2");
        assertThatThrownBy(() -> Pareto.hypervolume(List.<double[]>of(new double[] {Double.NaN, 0.2}), UNIT))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> ParetoBenchmark.zdt1(1)).hasMessageContaining("at least 2 dimensions");
    }
}
