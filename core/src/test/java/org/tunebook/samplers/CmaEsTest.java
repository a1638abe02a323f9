package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** The CMA-ES state machine on its own: the margin keeps an integer from freezing; the state survives JSON. */
class CmaEsTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final String[] NAMES = {"k", "x", "y"};
    private static final Map<String, Distribution> SPACE = Map.of("k", new IntDistribution(0, 6),
            "x", new FloatDistribution(-1, 1), "y", new FloatDistribution(-1, 1));

    /**
     * {@code (k - 2)^2 + x^2 + y^2} for 120 generations: the distribution shrinks around the optimum. With the
     * margin, the chance that {@code k} leaves its best value stays at least {@code margin} (here 1/21); without it
     * the chance falls to nothing, and the integer is frozen for good.
     */
    @Test
    void theMarginKeepsAnIntegerFromFreezing() {
        CmaSpace space = new CmaSpace(NAMES, SPACE);
        CmaEs with = run(space, true);
        CmaEs without = run(space, false);
        double margin = with.s.margin;
        assertThat(margin).isEqualTo(1.0 / (3 * CmaEs.defaultPopsize(3)));
        assertThat(space.toInternal(0, with.s.mean[0])).as("k at the mean").isEqualTo(2);
        assertThat(leaveProbability(space, with)).as("chance of leaving k = 2 with the margin")
                .isGreaterThanOrEqualTo(margin * 0.999);
        assertThat(leaveProbability(space, without)).as("chance of leaving k = 2 without it").isLessThan(1e-6);
        assertThat(with.s.sigma).as("the continuous part still converges").isLessThan(1e-3);
    }

    private static CmaEs run(CmaSpace space, boolean margin) {
        CmaEs cma = new CmaEs(CmaEs.start(NAMES, NAMES, space.discrete(), new double[] {0.5, 0.5, 0.5}, 1.0 / 6,
                CmaEs.defaultPopsize(3), 0));
        if (margin) {
            cma.cells(space::cell);
        }
        SplittableRandom rng = new SplittableRandom(7);
        for (int g = 0; g < 120; g++) {
            int lambda = cma.s.popsize;
            double[][] xs = new double[lambda][];
            double[] losses = new double[lambda];
            for (int i = 0; i < lambda; i++) {
                xs[i] = cma.ask(rng);
                double k = space.toInternal(0, xs[i][0]);
                double x = space.toInternal(1, xs[i][1]);
                double y = space.toInternal(2, xs[i][2]);
                losses[i] = (k - 2) * (k - 2) + x * x + y * y;
            }
            cma.tell(xs, losses);
        }
        return cma;
    }

    private static double leaveProbability(CmaSpace space, CmaEs cma) {
        double m = cma.s.mean[0];
        double sd = cma.s.sigma * cma.s.scale[0] * Math.sqrt(cma.s.cov[0][0]);
        double[] cell = space.cell(0, m);
        double below = Double.isInfinite(cell[0]) ? 0 : NORMAL.cumulativeProbability((cell[0] - m) / sd);
        double above = Double.isInfinite(cell[1]) ? 0 : 1 - NORMAL.cumulativeProbability((cell[1] - m) / sd);
        return below + above;
    }

    @Test
    void cellsOfIntsLogIntsAndSteppedFloats() {
        CmaSpace space = new CmaSpace(new String[] {"i", "l", "s"}, Map.of("i", new IntDistribution(0, 3),
                "l", new IntDistribution(1, 100, true, 1), "s", new FloatDistribution(0, 1, false, 0.5)));
        // i: four values, each a quarter of [0, 1]
        assertThat(space.cell(0, 0.3)).containsExactly(0.25, 0.5);
        assertThat(space.cell(0, 0.1)[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(space.cell(0, 0.9)[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(space.toInternal(0, 0.3)).isEqualTo(1);
        // l: the value 10 owns [log 9.5, log 10.5] of [log 0.5, log 100.5]
        double width = Math.log(100.5) - Math.log(0.5);
        double u = (Math.log(10) - Math.log(0.5)) / width;
        assertThat(space.toInternal(1, u)).isEqualTo(10);
        assertThat(space.cell(1, u)[0]).isCloseTo((Math.log(9.5) - Math.log(0.5)) / width, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(space.cell(1, u)[1]).isCloseTo((Math.log(10.5) - Math.log(0.5)) / width, org.assertj.core.data.Offset.offset(1e-12));
        // s: 0, 0.5, 1 each own a third
        assertThat(space.toInternal(2, 0.5)).isEqualTo(0.5);
        assertThat(space.cell(2, 0.5)[0]).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(space.cell(2, 0.5)[1]).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }
}
