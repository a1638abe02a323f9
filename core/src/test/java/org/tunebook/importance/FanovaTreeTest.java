package org.tunebook.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The functional ANOVA of hand-made trees, whose variances can be worked out on paper. */
class FanovaTreeTest {

    private static final double[][] UNIT_SQUARE = {{0, 1}, {0, 1}};

    /** f(x, y) = 0 if x <= 0.5, else 1. */
    private static RegressionTree stepInX() {
        return new RegressionTree(new int[] {0, -1, -1}, new double[] {0.5, Double.NaN, Double.NaN},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[] {0.5, 0, 1}, new int[] {2, 1, 1},
                new double[] {0.5, 0, 0});
    }

    /** f(x, y) = 1 if x > 0.5 and y > 0.5, else 0: main effects and an interaction. */
    private static RegressionTree corner() {
        return new RegressionTree(new int[] {0, -1, 1, -1, -1},
                new double[] {0.5, Double.NaN, 0.5, Double.NaN, Double.NaN},
                new int[] {1, -1, 3, -1, -1}, new int[] {2, -1, 4, -1, -1}, new double[] {0.25, 0, 0.5, 0, 1},
                new int[] {4, 2, 2, 1, 1}, new double[] {0.75, 0, 0.5, 0, 0});
    }

    @Test
    void aStepInOneFeatureIsAllThatFeaturesVariance() {
        FanovaTree anova = new FanovaTree(stepInX(), UNIT_SQUARE);
        assertThat(anova.variance()).isCloseTo(0.25, within(1e-12));
        assertThat(anova.marginalVariance(0)).isCloseTo(0.25, within(1e-12));
        assertThat(anova.marginalVariance(1)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void aCornerSplitsItsVarianceIntoTwoMainEffectsAndAnInteraction() {
        FanovaTree anova = new FanovaTree(corner(), UNIT_SQUARE);
        assertThat(anova.variance()).isCloseTo(0.1875, within(1e-12));
        assertThat(anova.marginal(0, 0.25)).isCloseTo(0.0, within(1e-12));
        assertThat(anova.marginal(0, 0.75)).isCloseTo(0.5, within(1e-12));
        assertThat(anova.marginalVariance(0)).isCloseTo(0.0625, within(1e-12));
        assertThat(anova.marginalVariance(1)).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void unevenBoundsWeighTheCellsByTheirWidth() {
        // x in [0, 2]: the step at 0.5 leaves a quarter of the range at 0 and three quarters at 1
        FanovaTree anova = new FanovaTree(stepInX(), new double[][] {{0, 2}, {0, 1}});
        assertThat(anova.variance()).isCloseTo(0.25 * 0.75, within(1e-12));
        assertThat(anova.marginalVariance(0)).isCloseTo(0.25 * 0.75, within(1e-12));
    }

    @Test
    void aFittedTreeReproducesAStepFunctionOnItsTrainingPoints() {
        double[] x = {0.1, 0.2, 0.3, 0.6, 0.7, 0.9};
        double[] z = {5, 1, 4, 2, 3, 0};
        double[] y = {0, 0, 0, 1, 1, 1};
        RegressionTree tree = new TreeFitter(new double[][] {x, z}, y, 64, new SplittableRandom(1))
                .fit(new int[] {0, 1, 2, 3, 4, 5});
        assertThat(tree.feature[0]).isZero();
        assertThat(tree.threshold[0]).isCloseTo(0.45, within(1e-12));
        assertThat(tree.nodeCount()).isEqualTo(3);
        for (int i = 0; i < x.length; i++) {
            assertThat(tree.predict(new double[] {x[i], z[i]})).isEqualTo(y[i]);
        }
        assertThat(tree.impurityDecrease(2)).containsExactly(1.0, 0.0);
    }

    @Test
    void aDepthLimitStopsGrowth() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        RegressionTree tree = new TreeFitter(new double[][] {x}, y, 1, new SplittableRandom(1))
                .fit(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThat(tree.nodeCount()).isEqualTo(3);
        RegressionTree full = new TreeFitter(new double[][] {x}, y, 64, new SplittableRandom(1))
                .fit(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThat(full.nodeCount()).isEqualTo(15);
    }
}
