package org.tunebook.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunebook.Study;

/** Every kind of plot through the one-call facade, on a real study and on studies with nothing to show. */
class PlotsTest {

    private static Study training;
    private static Study empty;
    private static Study failed;
    private static Study single;
    private static Study partial;
    private static Study oneLog;
    private static Study flat;

    @TempDir
    Path dir;

    @BeforeAll
    static void studies() {
        training = Studies.training(40);
        empty = Studies.empty();
        failed = Studies.onlyFailed(2);
        single = Studies.ofValues(1.5);
        partial = Studies.partialParams(12);
        oneLog = Studies.oneLogTrial();
        flat = Studies.flatAndInfinite();
    }

    @ParameterizedTest
    @EnumSource(PlotKind.class)
    void everyKindRendersToPngAndSvgFiles(PlotKind kind) throws Exception {
        Path png = Plots.render(kind, training, dir.resolve(kind.shortName() + ".png"));
        BufferedImage image = RenderChecks.decode(Files.readAllBytes(png));
        List<org.knowm.xchart.XYChart> charts = Plots.charts(kind, training, PlotOptions.defaults());
        int columns = Plots.columns(charts);
        assertThat(image.getWidth()).isEqualTo(columns * charts.get(0).getWidth());
        assertThat(image.getHeight()).isEqualTo((charts.size() + columns - 1) / columns * charts.get(0).getHeight());
        Path svg = Plots.render(kind, training, dir.resolve(kind.shortName() + ".svg"));
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        RenderChecks.parse(text);
        assertThat(text).contains("<title>" + charts.get(0).getTitle().replace("&", "&amp;"));
    }

    @Test
    void aLonePanelKeepsTheFullSizeAndSeveralShareTheGrid() {
        List<org.knowm.xchart.XYChart> one = Plots.charts(PlotKind.CONTOUR, training,
                PlotOptions.defaults().params("lr", "layers"));
        assertThat(one).hasSize(1);
        assertThat(one.get(0).getWidth()).isEqualTo(PlotOptions.WIDTH);
        assertThat(one.get(0).getHeight()).isEqualTo(PlotOptions.HEIGHT);
        List<org.knowm.xchart.XYChart> three = Plots.charts(PlotKind.CONTOUR, training,
                PlotOptions.defaults().params("lr", "layers", "dropout"));
        assertThat(three).hasSize(3).allSatisfy(c -> assertThat(c.getWidth()).isEqualTo(Plots.PANEL_WIDTH));
    }

    @ParameterizedTest
    @EnumSource(PlotKind.class)
    void studiesWithNothingToShowRenderANoteNotAnException(PlotKind kind) {
        for (Study study : List.of(empty, failed, single, partial, oneLog, flat)) {
            byte[] png = Plots.png(kind, study);
            assertThat(RenderChecks.decode(png).getWidth()).isPositive();
            assertThat(Plots.svg(kind, study, PlotOptions.defaults())).isNotEmpty();
        }
    }

    @Test
    void kindsParseByShortAndOptunaNames() {
        assertThat(PlotKind.parse("history")).isEqualTo(PlotKind.HISTORY);
        assertThat(PlotKind.parse("plot_optimization_history")).isEqualTo(PlotKind.HISTORY);
        assertThat(PlotKind.parse("Param-Importances")).isEqualTo(PlotKind.IMPORTANCE);
        assertThat(PlotKind.parse("parallel_coordinate")).isEqualTo(PlotKind.PARALLEL);
        assertThatThrownBy(() -> PlotKind.parse("pie")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown plot 'pie'").hasMessageContaining("history, importance, contour");
    }

    @Test
    void aKindCanBeNamedAsText() {
        Path out = Plots.render("slice", training, dir.resolve("sub/slice.png"));
        assertThat(out).isNotEmptyFile();
    }

    @Test
    void customSizesAndTitlesAreKept() {
        PlotOptions options = PlotOptions.defaults().size(640, 420).title("Mine");
        byte[] png = Plots.png(PlotKind.HISTORY, training, options);
        BufferedImage image = RenderChecks.decode(png);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(new String(Plots.svg(PlotKind.HISTORY, training, options), StandardCharsets.UTF_8))
                .contains("<title>Mine</title>");
        assertThatThrownBy(() -> PlotOptions.defaults().size(20, 20)).hasMessageContaining("100 to 10000");
    }

    @Test
    void aMissingObjectiveIsAClearError() {
        assertThatThrownBy(() -> Plots.png(PlotKind.SLICE, training, PlotOptions.defaults().objective(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no objective 1");
    }
}
