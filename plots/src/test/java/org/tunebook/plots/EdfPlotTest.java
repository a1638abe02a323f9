package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;

class EdfPlotTest {

    @Test
    void fractionsCountTheTrialsAtOrBelowEachValue() {
        Study study = Studies.ofValues(3, 1, 2, 2);
        EdfData data = EdfData.of(study.trials(), Target.of(study.directions(), PlotOptions.defaults()));
        assertThat(data.values()).containsExactly(1, 2, 2, 3);
        assertThat(data.fractions()).containsExactly(0.25, 0.75, 0.75, 1.0);
        assertThat(data.steps()[1][0]).isZero();
    }

    @Test
    void severalStudiesRenderAsLines() {
        Study a = Studies.ofValues(3, 1, 2);
        Study b = Studies.training(20);
        XYChart chart = EdfPlot.chart(List.of(a, b), PlotOptions.defaults());
        assertThat(chart.getSeriesMap()).containsKeys("values", "training");
        RenderChecks.rendersWithLabels(chart, "Empirical distribution function", "Cumulative probability", "training");
    }

    @Test
    void emptyStudiesGetANote() {
        RenderChecks.rendersWithLabels(EdfPlot.chart(Studies.empty()));
        RenderChecks.rendersWithLabels(EdfPlot.chart(Studies.onlyFailed(1)));
        RenderChecks.rendersWithLabels(EdfPlot.chart(Studies.ofValues(7)));
    }
}
