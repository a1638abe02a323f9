package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.tunebook.Study;
import org.tunebook.importance.MeanDecreaseImpurityEvaluator;

class ParamImportancesPlotTest {

    @Test
    void theDominantParameterHasTheLongestBarOnTop() {
        Study study = Studies.training(60);
        ImportanceData data = ImportanceData.of(study.trials(), study.directions(), PlotOptions.defaults());
        assertThat(data.names()).first().isEqualTo("lr");
        assertThat(data.importances()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        XYChart chart = ParamImportancesPlot.chart(study);
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply((double) data.names().size() - 1))
                .isEqualTo("lr");
        RenderChecks.rendersWithLabels(chart, "Hyperparameter importances", "Importance (fANOVA)", "Hyperparameter");
    }

    @Test
    void theEvaluatorIsNamedOnTheAxis() {
        XYChart chart = ParamImportancesPlot.chart(Studies.training(30),
                PlotOptions.defaults().evaluator(new MeanDecreaseImpurityEvaluator()));
        assertThat(chart.getXAxisTitle()).isEqualTo("Importance (mean decrease in impurity)");
    }

    @Test
    void tooFewTrialsGiveANoteNotAnException() {
        ImportanceData none = ImportanceData.of(Studies.empty().trials(), Studies.empty().directions(),
                PlotOptions.defaults());
        assertThat(none.problem()).startsWith("No completed trial");
        ImportanceData one = ImportanceData.of(Studies.ofValues(1).trials(), Studies.ofValues(1).directions(),
                PlotOptions.defaults());
        assertThat(one.problem()).startsWith("Only one completed trial");
        RenderChecks.rendersWithLabels(ParamImportancesPlot.chart(Studies.onlyFailed(2)));
        RenderChecks.rendersWithLabels(ParamImportancesPlot.chart(Studies.ofValues(3)));
    }

    @Test
    void manyParametersMakeATallerChart() {
        Study study = org.tunebook.Tune.study().storage(new org.tunebook.storage.InMemoryStorage())
                .sampler(new org.tunebook.samplers.RandomSampler(1)).create();
        study.optimize(t -> {
            double sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += i * t.suggestFloat("p" + i, 0, 1);
            }
            return sum;
        }, 40);
        XYChart chart = ParamImportancesPlot.chart(study);
        assertThat(chart.getHeight()).isEqualTo(110 + 30 * 20);
    }

    @Test
    void parametersInOnlySomeTrialsAreLeftOutUnlessNamed() {
        Study study = Studies.partialParams(30);
        assertThat(ImportanceData.of(study.trials(), study.directions(), PlotOptions.defaults()).names())
                .containsExactly("x");
        assertThat(ImportanceData.of(study.trials(), study.directions(), PlotOptions.defaults().params("x", "y"))
                .names()).containsExactlyInAnyOrder("x", "y");
    }
}
