package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

class ContourPlotTest {

    /** f = x + 10 y on the unit square, minimized. */
    private static Study plane(int n) {
        Study study = Tune.study().storage(new InMemoryStorage()).direction(Direction.MINIMIZE)
                .sampler(new RandomSampler(4)).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + 10 * t.suggestFloat("y", 0, 1), n);
        return study;
    }

    @Test
    void kernelSmoothingAveragesNearbyTrialsAndLeavesFarCellsBlank() {
        double[] ux = {0.0, 1.0};
        double[] uy = {0.0, 0.0};
        double[] v = {2.0, 4.0};
        assertThat(ContourData.smooth(0.5, 0.0, ux, uy, v, 0.3)).isCloseTo(3.0, within(1e-12));
        assertThat(ContourData.smooth(0.0, 0.0, ux, uy, v, 0.1)).isCloseTo(2.0, within(1e-6));
        assertThat(ContourData.smooth(0.5, 1.0, ux, uy, v, 0.1)).isNaN();
    }

    @Test
    void theSurfaceFollowsTheObjectiveAndTheBestTrialIsMarked() {
        Study study = plane(150);
        Target target = Target.of(study.directions(), PlotOptions.defaults());
        ContourData data = ContourData.of(study.trials(), "x", "y", target);
        assertThat(data.cells().length).isGreaterThan(ContourData.RESOLUTION * ContourData.RESOLUTION / 2);
        double low = Double.NaN;
        double high = Double.NaN;
        for (int i = 0; i < data.cells().length; i++) {
            double[] c = data.cells()[i];
            if (c[2] < 0.1 && c[0] > 0.4 && c[1] < 0.6) {
                low = data.values()[i];
            }
            if (c[3] > 0.9 && c[0] > 0.4 && c[1] < 0.6) {
                high = data.values()[i];
            }
        }
        assertThat(high - low).isGreaterThan(5);
        assertThat(data.trialValues()[data.best()]).isEqualTo(study.bestValue());
        XYChart chart = ContourPlot.chart(study, "x", "y");
        assertThat(chart.getSeriesMap()).containsKeys("Trials (150)", "Best trial");
        RenderChecks.rendersWithLabels(chart, "Contour: Objective value", "x", "y", "Best trial");
    }

    @Test
    void logAndCategoricalAxes() {
        Study study = Studies.training(40);
        XYChart chart = ContourPlot.chart(study, "lr", "activation");
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(2.0)).isEqualTo("gelu");
        ContourData data = ContourData.of(study.trials(), "lr", "activation",
                Target.of(study.directions(), PlotOptions.defaults()));
        assertThat(List.of(data.cells())).allMatch(c -> c[3] - c[2] == 1.0);
        RenderChecks.rendersWithLabels(chart, "lr", "activation");
        List<XYChart> pairs = ContourPlot.charts(study, PlotOptions.defaults());
        assertThat(pairs).hasSize(6);
    }

    @Test
    void tooFewTrialsOrParametersGiveANote() {
        RenderChecks.rendersWithLabels(ContourPlot.chart(Studies.partialParams(3), "x", "y"));
        RenderChecks.rendersWithLabels(ContourPlot.charts(Studies.ofValues(1, 2, 3), PlotOptions.defaults()).get(0));
        RenderChecks.rendersWithLabels(ContourPlot.charts(Studies.empty(), PlotOptions.defaults()).get(0));
        RenderChecks.rendersWithLabels(ContourPlot.chart(Studies.onlyFailed(2), "x", "y"));
    }
}
