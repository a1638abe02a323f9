package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;
import org.tunebook.TrialState;

class SlicePlotTest {

    @Test
    void eachCompletedTrialIsAPointAtItsParameterValue() {
        Study study = Studies.training(40);
        Target target = Target.of(study.directions(), PlotOptions.defaults());
        SliceData data = SliceData.of(study.trials(), "lr", target);
        List<org.tunebook.FrozenTrial> complete = study.trials(TrialState.COMPLETE);
        assertThat(data.x()).hasSize(complete.size());
        for (int i = 0; i < complete.size(); i++) {
            assertThat(data.x()[i]).isEqualTo((Double) complete.get(i).params().get("lr"));
            assertThat(data.y()[i]).isEqualTo(complete.get(i).value());
            assertThat(data.numbers()[i]).isEqualTo(complete.get(i).number());
        }
        assertThat(data.axis().isLog()).isTrue();
    }

    @Test
    void categoricalParametersLieAtTheirChoiceIndex() {
        Study study = Studies.training(30);
        SliceData data = SliceData.of(study.trials(), "activation", Target.of(study.directions(), PlotOptions.defaults()));
        assertThat(data.axis().choices()).containsExactly("relu", "tanh", "gelu");
        assertThat(java.util.Arrays.stream(data.x()).boxed().toList()).allMatch(x -> x == 0 || x == 1 || x == 2);
        XYChart chart = SlicePlot.chart(study, "activation");
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.0)).isEqualTo("tanh");
    }

    @Test
    void aLogParameterGetsALogAxisAndEveryParameterAChart() {
        Study study = Studies.training(30);
        XYChart chart = SlicePlot.chart(study, "lr");
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        RenderChecks.rendersWithLabels(chart, "Objective value by lr", "lr");
        List<XYChart> all = SlicePlot.charts(study, PlotOptions.defaults());
        assertThat(all).extracting(XYChart::getXAxisTitle).containsExactly("activation", "dropout", "layers", "lr");
    }

    @Test
    void aParameterInSomeTrialsShowsThoseTrials() {
        Study study = Studies.partialParams(20);
        SliceData y = SliceData.of(study.trials(), "y", Target.of(study.directions(), PlotOptions.defaults()));
        assertThat(java.util.Arrays.stream(y.numbers()).boxed().toList()).allMatch(n -> n % 2 == 0).hasSize(10);
    }

    @Test
    void unknownParametersAndEmptyStudiesGetANote() {
        RenderChecks.rendersWithLabels(SlicePlot.chart(Studies.ofValues(1, 2), "nope"));
        RenderChecks.rendersWithLabels(SlicePlot.charts(Studies.empty(), PlotOptions.defaults()).get(0));
        RenderChecks.rendersWithLabels(SlicePlot.chart(Studies.onlyFailed(2), "x"));
        RenderChecks.rendersWithLabels(SlicePlot.chart(Studies.ofValues(1), "x"));
    }
}
