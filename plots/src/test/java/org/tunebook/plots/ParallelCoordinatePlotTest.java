package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;

class ParallelCoordinatePlotTest {

    @Test
    void axesAreNormalizedLinearLogAndByChoice() {
        Study study = Studies.training(40);
        Target target = Target.of(study.directions(), PlotOptions.defaults());
        ParallelData data = ParallelData.of(study.trials(), target, List.of("lr", "layers", "activation"));
        assertThat(data.axes()).extracting(ParamAxis::name).containsExactly("lr", "layers", "activation");
        List<FrozenTrial> complete = study.trials(TrialState.COMPLETE);
        assertThat(data.trials()).hasSize(complete.size());
        double lrLow = complete.stream().mapToDouble(t -> (Double) t.params().get("lr")).min().orElseThrow();
        double lrHigh = complete.stream().mapToDouble(t -> (Double) t.params().get("lr")).max().orElseThrow();
        for (int i = 0; i < data.trials().size(); i++) {
            FrozenTrial t = data.trials().get(i);
            double[] p = data.positions()[i];
            assertThat(p[0]).isCloseTo((t.value() - data.targetLow()) / (data.targetHigh() - data.targetLow()),
                    within(1e-12));
            double lr = (Double) t.params().get("lr");
            assertThat(p[1]).isCloseTo(Math.log(lr / lrLow) / Math.log(lrHigh / lrLow), within(1e-12));
            assertThat(p[3]).isIn(0.0, 0.5, 1.0);
            for (double v : p) {
                assertThat(v).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void onlyTrialsWithEveryParameterAreDrawn() {
        Study study = Studies.partialParams(20);
        Target target = Target.of(study.directions(), PlotOptions.defaults());
        assertThat(ParallelData.of(study.trials(), target, List.of()).axes()).extracting(ParamAxis::name)
                .containsExactly("x");
        ParallelData both = ParallelData.of(study.trials(), target, List.of("x", "y"));
        assertThat(both.trials()).hasSize(10).allMatch(t -> t.number() % 2 == 0);
    }

    @Test
    void rendersAxesNamedByParameter() {
        XYChart chart = ParallelCoordinatePlot.chart(Studies.training(30));
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.0)).isEqualTo("Objective value");
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(4.0)).isEqualTo("lr (log)");
        RenderChecks.rendersWithLabels(chart, "Parallel coordinates", "Objective value");
    }

    @Test
    void edgeCasesGetANote() {
        RenderChecks.rendersWithLabels(ParallelCoordinatePlot.chart(Studies.empty()));
        RenderChecks.rendersWithLabels(ParallelCoordinatePlot.chart(Studies.onlyFailed(2)));
        RenderChecks.rendersWithLabels(ParallelCoordinatePlot.chart(Studies.ofValues(4)));
        RenderChecks.rendersWithLabels(ParallelCoordinatePlot.chart(Studies.partialParams(6),
                PlotOptions.defaults().params("x", "nope")));
    }
}
