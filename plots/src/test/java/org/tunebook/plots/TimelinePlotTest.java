package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

class TimelinePlotTest {

    @Test
    void barsStartAtTheEarliestStartAndRunningTrialsEndNow() {
        List<FrozenTrial> trials = List.of(
                FrozenTrial.builder().number(0).state(TrialState.COMPLETE).started(Studies.at(10)).completed(Studies.at(15)).build(),
                FrozenTrial.builder().number(1).state(TrialState.FAIL).started(Studies.at(12)).completed(Studies.at(13)).build(),
                FrozenTrial.builder().number(2).state(TrialState.RUNNING).started(Studies.at(14)).build(),
                FrozenTrial.builder().number(3).state(TrialState.WAITING).build());
        TimelineData data = TimelineData.of(trials, Studies.at(20));
        assertThat(data.origin()).isEqualTo(Studies.at(10));
        assertThat(data.bars()).containsExactly(new TimelineData.Bar(0, TrialState.COMPLETE, 0, 5),
                new TimelineData.Bar(1, TrialState.FAIL, 2, 3), new TimelineData.Bar(2, TrialState.RUNNING, 4, 10));
        XYChart chart = TimelinePlot.chart(trials, PlotOptions.defaults());
        assertThat(chart.getSeriesMap()).containsKeys("Complete (1)", "Fail (1)", "Running (1)");
        RenderChecks.rendersWithLabels(chart, "Timeline (from 2025-01-01 00:00:10 UTC)", "Seconds since", "Fail (1)");
    }

    @Test
    void aRealStudyAndAnEmptyOneRender() {
        RenderChecks.rendersWithLabels(TimelinePlot.chart(Studies.training(20)));
        RenderChecks.rendersWithLabels(TimelinePlot.chart(Studies.empty()));
        RenderChecks.rendersWithLabels(TimelinePlot.chart(Studies.ofValues(3)));
    }
}
