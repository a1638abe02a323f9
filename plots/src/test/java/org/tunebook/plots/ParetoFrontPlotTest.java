package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;

class ParetoFrontPlotTest {

    private static FrozenTrial trial(int number, double... values) {
        return FrozenTrial.builder().number(number).values(values).build();
    }

    @Test
    void theFrontHoldsExactlyTheNonDominatedTrials() {
        List<FrozenTrial> trials = List.of(trial(0, 1, 5), trial(1, 2, 2), trial(2, 5, 1), trial(3, 3, 3),
                trial(4, 2, 2), trial(5, 6, 6));
        ParetoData data = ParetoData.of(trials, List.of(Direction.MINIMIZE, Direction.MINIMIZE));
        assertThat(data.front()).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 4);
        assertThat(data.dominated()).extracting(FrozenTrial::number).containsExactly(3, 5);
        ParetoData max = ParetoData.of(trials, List.of(Direction.MAXIMIZE, Direction.MAXIMIZE));
        assertThat(max.front()).extracting(FrozenTrial::number).containsExactly(5);
    }

    @Test
    void theFrontAgreesWithTheStudy() {
        Study study = Studies.twoObjectives(40);
        ParetoData data = ParetoData.of(study.trials(), study.directions());
        assertThat(data.front()).extracting(FrozenTrial::number)
                .containsExactlyInAnyOrderElementsOf(study.bestTrials().stream().map(FrozenTrial::number).toList());
        XYChart chart = ParetoFrontPlot.chart(study);
        RenderChecks.rendersWithLabels(chart, "Pareto front", "Objective 0 (minimize)", "Objective 1 (minimize)",
                "Best trials (" + data.front().size() + ")");
    }

    @Test
    void threeObjectivesGiveThreePairs() {
        List<XYChart> charts = ParetoFrontPlot.charts(Studies.threeObjectives(30), PlotOptions.defaults());
        assertThat(charts).extracting(XYChart::getXAxisTitle)
                .containsExactly("Objective 0 (minimize)", "Objective 0 (minimize)", "Objective 1 (maximize)");
        assertThat(charts).extracting(XYChart::getYAxisTitle)
                .containsExactly("Objective 1 (maximize)", "Objective 2 (minimize)", "Objective 2 (minimize)");
    }

    @Test
    void aSingleObjectiveStudyGetsANoteAndBadPairsAnError() {
        XYChart chart = ParetoFrontPlot.chart(Studies.ofValues(1, 2));
        RenderChecks.rendersWithLabels(chart);
        Study two = Studies.twoObjectives(3);
        assertThatThrownBy(() -> ParetoFrontPlot.chart(two.trials(), two.directions(), 0, 0, PlotOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objectives 0 to 1");
    }
}
