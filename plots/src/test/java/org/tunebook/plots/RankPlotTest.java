package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Direction;
import org.tunebook.Study;

class RankPlotTest {

    @Test
    void ranksGoFromBestToWorstAndTiesShare() {
        Target min = Target.of(List.of(Direction.MINIMIZE), PlotOptions.defaults());
        assertThat(RankData.ranks(new double[] {3, 1, 2, 2, 5}, min)).containsExactly(0.75, 0, 0.25, 0.25, 1);
        Target max = Target.of(List.of(Direction.MAXIMIZE), PlotOptions.defaults());
        assertThat(RankData.ranks(new double[] {3, 1, 5}, max)).containsExactly(0.5, 1, 0);
    }

    @Test
    void pairsOfParametersAndASingleParameterAgainstTheObjective() {
        Study study = Studies.training(40);
        List<XYChart> charts = RankPlot.charts(study, PlotOptions.defaults());
        assertThat(charts).hasSize(6);
        RenderChecks.rendersWithLabels(charts.get(0), "Rank of Objective value", "best 20%");
        List<XYChart> one = RankPlot.charts(Studies.ofValues(4, 2, 3), PlotOptions.defaults());
        assertThat(one).singleElement().extracting(XYChart::getYAxisTitle).isEqualTo("Objective value");
        RenderChecks.rendersWithLabels(one.get(0));
    }

    @Test
    void edgeCasesGetANote() {
        RenderChecks.rendersWithLabels(RankPlot.charts(Studies.empty(), PlotOptions.defaults()).get(0));
        RenderChecks.rendersWithLabels(RankPlot.charts(Studies.onlyFailed(2), PlotOptions.defaults()).get(0));
        RenderChecks.rendersWithLabels(RankPlot.chart(Studies.ofValues(1), "x", "nope"));
    }
}
