package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;
import org.tunebook.TrialState;

class IntermediateValuesPlotTest {

    @Test
    void curvesAreGroupedByStateAndPrunedOnesStopEarly() {
        Study study = Studies.training(40);
        IntermediateData data = IntermediateData.of(study.trials());
        assertThat(data.byState()).containsKeys(TrialState.COMPLETE, TrialState.PRUNED);
        assertThat(data.byState().get(TrialState.COMPLETE)).allMatch(c -> c.steps().length == 12);
        // two workers race, so a trial may be pruned at its last step: pruned curves are never longer, most shorter
        assertThat(data.byState().get(TrialState.PRUNED)).allMatch(c -> c.steps().length <= 12)
                .anyMatch(c -> c.steps().length < 12);
        int pruned = study.trials(TrialState.PRUNED).size();
        XYChart chart = IntermediateValuesPlot.chart(study);
        assertThat(chart.getSeriesMap()).containsKey("Pruned (" + pruned + " trials)");
        RenderChecks.rendersWithLabels(chart, "Intermediate values", "Step", "Pruned (");
    }

    @Test
    void joinedCurvesAreSeparatedByAGap() {
        double[][] xy = IntermediateData.joined(java.util.List.of(
                new IntermediateData.Curve(0, new double[] {0, 1}, new double[] {5, 4}),
                new IntermediateData.Curve(1, new double[] {0}, new double[] {6})));
        assertThat(xy[0]).containsExactly(0, 1, Double.NaN, 0);
        assertThat(xy[1]).containsExactly(5, 4, Double.NaN, 6);
    }

    @Test
    void studiesWithoutReportsGetANote() {
        XYChart chart = IntermediateValuesPlot.chart(Studies.ofValues(1, 2));
        assertThat(chart.getSeriesMap()).hasSize(1);
        RenderChecks.rendersWithLabels(chart);
        RenderChecks.rendersWithLabels(IntermediateValuesPlot.chart(Studies.empty()));
    }
}
