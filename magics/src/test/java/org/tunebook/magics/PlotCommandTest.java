package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.tunebook.MultiObjective;
import org.tunebook.Objective;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.plots.ContourPlot;
import org.tunebook.plots.OptimizationHistoryPlot;

/** {@code %tune plot} with the real chart plotter, and charts as cell values. */
class PlotCommandTest {

    private final Notebook nb = new Notebook(Plotter.charts());

    @AfterEach
    void close() {
        nb.close();
    }

    /** A study of two floats and a choice, with learning curves reported, after 30 trials. */
    private String tunedStudy() {
        nb.variables.put("f", (Objective) trial -> {
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1, org.tunebook.Scale.LOG);
            double dropout = trial.suggestFloat("dropout", 0, 0.5);
            String act = trial.suggestCategorical("act", "relu", "tanh");
            double loss = 0;
            for (int step = 0; step < 5; step++) {
                loss = Math.pow(Math.log10(lr) + 2, 2) + dropout + (act.equals("relu") ? 0 : 0.3) + 1.0 / (step + 1);
                trial.report(loss, step);
            }
            return loss;
        });
        String name = Notebook.unique("plotted");
        nb.line("new " + name + " --seed 3");
        nb.line("run " + name + " --objective f --trials 30");
        return name;
    }

    private static BufferedImage image(Output out) throws IOException {
        assertThat(out.png()).as("a PNG output").isPresent();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.png().orElseThrow()));
        assertThat(image).as("the bytes decode as an image").isNotNull();
        return image;
    }

    @Test
    void everyKindOfASingleObjectiveStudyIsDrawnAsAPngOfNotebookSize() throws Exception {
        String name = tunedStudy();
        for (String kind : List.of("history", "importance", "parallel", "edf", "intermediate", "timeline")) {
            Output out = nb.line("plot " + kind + " " + name).shown.get(0);
            BufferedImage image = image(out);
            assertThat(image.getWidth()).as(kind).isEqualTo(800);
            assertThat(image.getHeight()).as(kind).isEqualTo(500);
            assertThat(out.text()).as(kind).endsWith("(800 x 500 PNG)");
            assertThat(out.mimeBundle()).containsKeys("text/plain", "image/png");
        }
        // three parameters: three pairs in a 2-column grid of panels
        BufferedImage contour = image(nb.line("plot contour " + name).shown.get(0));
        assertThat(contour.getWidth()).isEqualTo(2 * ChartPlotter.PANEL_WIDTH);
        assertThat(contour.getHeight()).isEqualTo(2 * ChartPlotter.PANEL_HEIGHT);
        BufferedImage rank = image(nb.line("plot rank " + name + " lr dropout").shown.get(0));
        assertThat(rank.getWidth()).isEqualTo(800); // one pair: one chart at full size
        BufferedImage slice = image(nb.line("plot slice " + name + " lr dropout").shown.get(0));
        assertThat(slice.getWidth()).isEqualTo(2 * ChartPlotter.PANEL_WIDTH);
        assertThat(slice.getHeight()).isEqualTo(ChartPlotter.PANEL_HEIGHT);
        Output sized = nb.line("plot history " + name + " --width 640 --height 400 --title 'Loss so far'").shown.get(0);
        assertThat(image(sized).getWidth()).isEqualTo(640);
        assertThat(image(sized).getHeight()).isEqualTo(400);
        assertThat(sized.text()).startsWith("Loss so far");
    }

    @Test
    void theParetoFrontOfTwoObjectives() throws Exception {
        nb.variables.put("two", (MultiObjective) trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            return new double[] {x, (1 - x) * (1 - x)};
        });
        String name = Notebook.unique("pareto");
        nb.line("new " + name + " --direction min,min --seed 1");
        nb.line("run " + name + " --objective two --trials 15");
        BufferedImage image = image(nb.line("plot pareto " + name).shown.get(0));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image(nb.line("plot history " + name + " --objective 1").shown.get(0)).getWidth()).isEqualTo(800);
        assertThatThrownBy(() -> nb.line("plot slice " + name + " --objective 2"))
                .isInstanceOf(MagicException.class).hasMessageContaining("2 objective")
                .hasMessageContaining("usage: %tune plot KIND NAME");
    }

    @Test
    void aStudyWithARunGoingIsDrawnAsItIsNow() throws Exception {
        CountDownLatch finishedSome = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        nb.variables.put("slow", (Objective) trial -> {
            double x = trial.suggestFloat("x", -1, 1);
            if (finishedSome.getCount() == 0) {
                release.await(60, TimeUnit.SECONDS);
            }
            finishedSome.countDown();
            return x * x;
        });
        String name = Notebook.unique("running");
        nb.line("new " + name);
        nb.line("run " + name + " --objective slow --trials 20 --jobs 2 --background");
        try {
            assertThat(finishedSome.await(30, TimeUnit.SECONDS)).isTrue();
            Output history = nb.line("plot history " + name).shown.get(0);
            assertThat(image(history).getWidth()).isEqualTo(800);
            Output timeline = nb.line("plot timeline " + name).shown.get(0);
            assertThat(image(timeline).getHeight()).isEqualTo(500);
        } finally {
            release.countDown();
        }
        StudyRun run = nb.magics.session().run(name).orElseThrow().run();
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        assertThat(image(nb.line("plot slice " + name).shown.get(0)).getWidth()).isEqualTo(800);
    }

    @Test
    void whatCannotBeDrawnIsSaidInOneLineWithTheUsage() {
        String empty = Notebook.unique("empty");
        nb.line("new " + empty);
        assertThatThrownBy(() -> nb.line("plot history " + empty)).isInstanceOf(MagicException.class)
                .hasMessage("study '" + empty + "' has no trials yet, so there is nothing to plot; run some first:"
                        + " %tune run " + empty + " --objective VAR\nusage: %tune plot KIND NAME [PARAM…] [--width PX]"
                        + " [--height PX] [--objective N] [--title TEXT]");
        nb.variables.put("broken", (Objective) trial -> {
            trial.suggestFloat("x", 0, 1);
            throw new IllegalStateException("no data");
        });
        String failing = Notebook.unique("failing");
        nb.line("new " + failing);
        nb.line("run " + failing + " --objective broken --trials 2");
        assertThatThrownBy(() -> nb.line("plot importance " + failing))
                .hasMessageStartingWith("study '" + failing + "' has no completed trials yet: 2 trials (0 complete, 0 pruned, 2 failed)")
                .hasMessageContaining("\nusage: %tune plot");
        assertThat(nb.line("plot timeline " + failing).shown.get(0).png()).isPresent();

        String name = tunedStudy();
        assertThatThrownBy(() -> nb.line("plot contour " + name + " lr dropuot"))
                .hasMessageStartingWith("study '" + name + "' has no parameter 'dropuot' (did you mean dropout?);"
                        + " its parameters: lr, dropout, act\nusage:");
        assertThatThrownBy(() -> nb.line("plot contour " + name + " lr"))
                .hasMessageStartingWith("the contour plot draws pairs of parameters: name two or more");
        assertThatThrownBy(() -> nb.line("plot pareto " + name))
                .hasMessageStartingWith("the pareto plot needs a study with several objectives");
        assertThatThrownBy(() -> nb.line("plot hist " + name))
                .hasMessageStartingWith("unknown plot kind 'hist' (did you mean history?)");
        assertThatThrownBy(() -> nb.line("plot history"))
                .hasMessageStartingWith("%tune plot needs NAME").hasMessageContaining("\nusage: %tune plot");
        assertThatThrownBy(() -> nb.line("plot history " + name + " --width wide"))
                .hasMessageStartingWith("--width needs a whole number, got 'wide'\nusage:");
        assertThatThrownBy(() -> nb.line("plot history " + name + " --width 20"))
                .hasMessageStartingWith("a chart must be 100 to 10000 pixels on each side, got 20 x 500\nusage:");
        assertThatThrownBy(() -> nb.line("plot history " + name + " --colour red"))
                .hasMessageStartingWith("unknown option --colour for %tune plot");
    }

    @Test
    void chartsAsCellValuesRenderAsPngImages() throws Exception {
        String name = tunedStudy();
        Study study = nb.magics.study(name).orElseThrow();
        XYChart history = OptimizationHistoryPlot.chart(study);
        Output out = Renderings.render(history).orElseThrow();
        assertThat(image(out).getWidth()).isEqualTo(history.getWidth());
        assertThat(out.text()).isEqualTo(history.getTitle() + " (800 x 500 PNG)");

        List<XYChart> panels = ContourPlot.charts(study, org.tunebook.plots.PlotOptions.defaults().size(300, 200));
        assertThat(panels).hasSize(3);
        BufferedImage grid = image(Renderings.render(panels).orElseThrow());
        assertThat(grid.getWidth()).isEqualTo(600);
        assertThat(grid.getHeight()).isEqualTo(400);

        CategoryChart bars = new CategoryChartBuilder().width(320).height(240).title("counts").build();
        bars.addSeries("n", List.of("a", "b"), List.of(3, 5));
        BufferedImage barImage = image(Renderings.render(bars).orElseThrow());
        assertThat(barImage.getWidth()).isEqualTo(320);
        assertThat(barImage.getHeight()).isEqualTo(240);

        assertThat(Renderings.render(List.of("not", "charts"))).isEmpty();
        assertThat(Renderings.render(List.of())).isEmpty();
    }
}
