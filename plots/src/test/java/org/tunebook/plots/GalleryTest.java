package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunebook.Study;

/**
 * Every plot of real studies, written to target/gallery/*.png for people to look at (and checked to be
 * there). The tests of each plot check its data and text; this is the one place to see them all.
 */
class GalleryTest {

    private static Study training;

    @BeforeAll
    static void run() {
        training = Studies.training(80);
    }

    private static void exists(String name) {
        assertThat(Path.of("target", "gallery", name + ".png")).isNotEmptyFile();
    }

    @Test
    void history() {
        Gallery.save("history", OptimizationHistoryPlot.chart(training));
        Gallery.save("history-two-objectives", OptimizationHistoryPlot.chart(Studies.twoObjectives(40)));
        Gallery.save("history-empty", OptimizationHistoryPlot.chart(Studies.onlyFailed(2)));
        exists("history");
    }

    @Test
    void importances() {
        Gallery.save("importances", ParamImportancesPlot.chart(training));
        Gallery.save("importances-ped-anova", ParamImportancesPlot.chart(training,
                PlotOptions.defaults().evaluator(new org.tunebook.importance.PedAnovaEvaluator())));
        Gallery.save("importances-one-trial", ParamImportancesPlot.chart(Studies.ofValues(2)));
        exists("importances");
    }

    @Test
    void slices() {
        Gallery.save("slice-lr", SlicePlot.chart(training, "lr"));
        Gallery.save("slices", SlicePlot.charts(training, PlotOptions.defaults().size(520, 380)), 2);
        exists("slices");
    }

    @Test
    void edf() {
        Gallery.save("edf", EdfPlot.chart(List.of(training, Studies.twoObjectives(30)), PlotOptions.defaults()));
        exists("edf");
    }

    @Test
    void intermediateValues() {
        Gallery.save("intermediate", IntermediateValuesPlot.chart(training));
        exists("intermediate");
    }

    @Test
    void paretoFronts() {
        Gallery.save("pareto", ParetoFrontPlot.chart(Studies.twoObjectives(60)));
        Gallery.save("pareto-three", ParetoFrontPlot.charts(Studies.threeObjectives(60),
                PlotOptions.defaults().size(520, 380)), 3);
        exists("pareto-three");
    }

    @Test
    void timeline() {
        Gallery.save("timeline", TimelinePlot.chart(training));
        exists("timeline");
    }

    @Test
    void parallelCoordinates() {
        Gallery.save("parallel", ParallelCoordinatePlot.chart(training));
        exists("parallel");
    }

    @Test
    void contours() {
        Gallery.save("contour", ContourPlot.chart(training, "lr", "layers"));
        Gallery.save("contour-categorical", ContourPlot.chart(training, "lr", "activation"));
        Gallery.save("contours", ContourPlot.charts(training, PlotOptions.defaults().size(560, 400)), 3);
        exists("contours");
    }

    @Test
    void rank() {
        Gallery.save("rank", RankPlot.chart(training, "lr", "layers"));
        Gallery.save("ranks", RankPlot.charts(training, PlotOptions.defaults().size(560, 400)), 3);
        exists("ranks");
    }
}
