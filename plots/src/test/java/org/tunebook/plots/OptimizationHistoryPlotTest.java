package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Direction;
import org.tunebook.Study;

class OptimizationHistoryPlotTest {

    private static Target objective(Direction d) {
        return Target.of(List.of(d), PlotOptions.defaults());
    }

    @Test
    void bestSoFarFollowsTheDirection() {
        Study study = Studies.ofValues(5, 3, 4, 1, 2);
        HistoryData min = HistoryData.of(study.trials(), objective(Direction.MINIMIZE));
        assertThat(min.numbers()).containsExactly(0, 1, 2, 3, 4);
        assertThat(min.values()).containsExactly(5, 3, 4, 1, 2);
        assertThat(min.best()).containsExactly(5, 3, 3, 1, 1);
        HistoryData max = HistoryData.of(study.trials(), objective(Direction.MAXIMIZE));
        assertThat(max.best()).containsExactly(5, 5, 5, 5, 5);
    }

    @Test
    void onlyCompletedTrialsCount() {
        Study study = Studies.training(30);
        HistoryData data = HistoryData.of(study.trials(), objective(Direction.MINIMIZE));
        long complete = study.trials().stream().filter(t -> t.state() == org.tunebook.TrialState.COMPLETE).count();
        assertThat(data.numbers()).hasSize((int) complete);
        assertThat(complete).isLessThan(30);
    }

    @Test
    void aWideRangeOfPositiveValuesGetsALogAxis() {
        assertThat(HistoryData.wantsLogAxis(List.of(HistoryData.of(Studies.ofValues(1000, 10, 0.5).trials(),
                objective(Direction.MINIMIZE))))).isTrue();
        assertThat(HistoryData.wantsLogAxis(List.of(HistoryData.of(Studies.ofValues(5, 3, 4).trials(),
                objective(Direction.MINIMIZE))))).isFalse();
        assertThat(HistoryData.wantsLogAxis(List.of(HistoryData.of(Studies.ofValues(1000, -10, 0.5).trials(),
                objective(Direction.MINIMIZE))))).isFalse();
    }

    @Test
    void rendersWithTitleAxesAndSeries() {
        XYChart chart = OptimizationHistoryPlot.chart(Studies.ofValues(5, 3, 4, 1, 2));
        assertThat(chart.getSeriesMap()).containsKeys("Objective value", "Best value");
        RenderChecks.rendersWithLabels(chart, "Optimization history", "Trial", "Objective value", "Best value");
    }

    @Test
    void severalStudiesGetASeriesEach() {
        Study a = Studies.ofValues(5, 3);
        Study b = org.tunebook.Tune.study().name("other").storage(new org.tunebook.storage.InMemoryStorage()).create();
        b.addTrials(a.trials());
        XYChart chart = OptimizationHistoryPlot.chart(List.of(a, b), PlotOptions.defaults());
        assertThat(chart.getSeriesMap()).containsKeys("values", "best of values", "other", "best of other");
    }

    @Test
    void aMultiObjectiveStudyShowsEachObjective() {
        XYChart chart = OptimizationHistoryPlot.chart(Studies.twoObjectives(10));
        assertThat(chart.getSeriesMap()).containsKeys("objective 0", "best of objective 0", "objective 1");
    }

    @Test
    void emptyAndFailedStudiesGetANote() {
        XYChart empty = OptimizationHistoryPlot.chart(Studies.empty());
        assertThat(empty.getTitle()).isEqualTo("Optimization history");
        RenderChecks.rendersWithLabels(empty);
        XYChart failed = OptimizationHistoryPlot.chart(Studies.onlyFailed(3));
        RenderChecks.rendersWithLabels(failed);
        assertThat(Notes.noCompleted(Studies.onlyFailed(3).trials())).isEqualTo("No completed trials yet (3 failed)");
    }

    @Test
    void oneTrialRenders() {
        RenderChecks.rendersWithLabels(OptimizationHistoryPlot.chart(Studies.ofValues(2.5)));
    }
}
