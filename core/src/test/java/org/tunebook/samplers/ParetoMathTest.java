package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Non-dominated sorting, hypervolume and subset selection on small cases worked out by hand. */
class ParetoMathTest {

    @Test
    void ranksPeelParetoFronts() {
        double[][] points = {{1, 4}, {2, 2}, {4, 1}, {3, 3}, {5, 5}, {2, 5}};
        assertThat(ParetoMath.ranks(points)).containsExactly(0, 0, 0, 1, 2, 1);
    }

    @Test
    void hypervolumeIsTheDominatedAreaOrVolume() {
        // 2-D staircase {1,4},{2,2},{4,1} under (5,5): 4*1 + 3*2 + 1*... computed as a union of boxes = 11
        assertThat(ParetoMath.hypervolume(List.of(new double[] {1, 4}, new double[] {2, 2}, new double[] {4, 1}),
                new double[] {5, 5})).isCloseTo(4 + 6 + 1, within(1e-12));
        // 3-D: two boxes of volume 8 (corner at 0) and 1*1*4, overlapping in 1*1*2 -> 8 + 4 - 2 = 10
        assertThat(ParetoMath.hypervolume(List.of(new double[] {0, 0, 0}, new double[] {1, 1, -2}),
                new double[] {2, 2, 2})).isCloseTo(10, within(1e-12));
        assertThat(ParetoMath.hypervolume(List.of(new double[] {3, 3}), new double[] {2, 2})).isZero();
    }

    /**
     * Under (11, 11): alone, (1.1, 5.9) dominates the most (9.9 * 5.1); next (6, 1) adds 5 * 4.9; then (0, 10)
     * adds 1.1 * 1, more than (10, 0) (1 * 1), (5, 5) (1 * 0.9) or (1, 6) (0.1 * 5).
     */
    @Test
    void greedySubsetSelectionAddsTheLargestHypervolumeGainEachTime() {
        double[][] front = {{0, 10}, {1, 6}, {1.1, 5.9}, {5, 5}, {6, 1}, {10, 0}};
        int[] chosen = ParetoMath.selectByHypervolume(front, 3, new double[] {11, 11});
        assertThat(chosen).containsExactly(0, 2, 4);
    }

    @Test
    void contributionWeightsAreRelativeToTheLargestContribution() {
        double[][] points = {{1, 3}, {2, 2}, {3, 1}};
        double[] w = ParetoMath.contributionWeights(points);
        assertThat(w[1]).isCloseTo(1, within(1e-9));
        assertThat(w[0]).isBetween(0.0, 1.0);
        assertThat(ParetoMath.contributionWeights(new double[][] {{1, 1}})).containsExactly(1.0);
        assertThat(ParetoMath.referencePoint(new double[][] {{-2, 0}, {-1, 3}})).containsExactly(-0.9, 3.3000000000000003);
    }
}
