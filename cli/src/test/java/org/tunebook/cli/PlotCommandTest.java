package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.Tune;
import org.tunebook.plots.PlotKind;
import org.tunebook.samplers.RandomSampler;

/** {@code tunebook plot} on real SQLite study files: the images it writes, and its errors. */
class PlotCommandTest {

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "s.db");
        SampleStudies.write(url);
        // 'wide': 'a' matters most, then 'b'; 'c' and 'd' hardly at all
        Study wide = Tune.study().name("wide").storage(url).sampler(new RandomSampler(3)).create();
        for (int i = 0; i < 40; i++) {
            Trial t = wide.ask();
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            double c = t.suggestFloat("c", 0, 1);
            double d = t.suggestFloat("d", 0, 1);
            wide.tell(t, 100 * a * a + 10 * b + 0.01 * c + 0.001 * d);
        }
        wide.storage().close();
    }

    private static BufferedImage png(Path file) throws Exception {
        assertThat(file).isRegularFile();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " decodes as an image").isNotNull();
        return image;
    }

    @Test
    void writesEveryKindAsADecodablePng() throws Exception {
        for (PlotKind kind : PlotKind.values()) {
            String study = kind == PlotKind.PARETO ? "pareto" : "rf";
            Path file = dir.resolve("out/" + kind.shortName() + ".png");

            CliRun run = CliRun.of("plot", kind.shortName(), "--study", study, "--storage", url, "--out", file.toString());

            assertThat(run.exitCode()).as(kind + ": " + run.err()).isZero();
            assertThat(run.out()).contains("wrote the " + kind.shortName() + " plot of study '" + study + "'", file
                    + " (PNG)");
            BufferedImage image = png(file);
            assertThat(image.getWidth()).as(kind + " width").isGreaterThanOrEqualTo(400);
            assertThat(image.getHeight()).as(kind + " height").isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void aSingleChartHasTheAskedSize() throws Exception {
        Path defaults = dir.resolve("history.png");
        assertThat(CliRun.of("plot", "history", "--study", "rf", "--storage", url, "--out", defaults.toString())
                .exitCode()).isZero();
        BufferedImage image = png(defaults);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);

        Path sized = dir.resolve("edf.PNG");
        CliRun run = CliRun.of("plot", "optimization_history", "--study", "rf", "--storage", url, "--out",
                sized.toString(), "--width", "640", "--height", "360");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(png(sized).getWidth()).isEqualTo(640);
        assertThat(png(sized).getHeight()).isEqualTo(360);
    }

    @Test
    void writesAnSvgCarryingTheTitle() throws Exception {
        Path file = dir.resolve("history.svg");

        CliRun run = CliRun.of("plot", "history", "--study", "rf", "--storage", url, "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(SVG)");
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("<title>Optimization history");

        Path titled = dir.resolve("titled.svg");
        assertThat(CliRun.of("plot", "slice", "--study", "rf", "--storage", url, "--out", titled.toString(), "--title",
                "Forest & friends", "--params", "lr").exitCode()).isZero();
        assertThat(Files.readString(titled, StandardCharsets.UTF_8)).contains("<title>Forest &amp; friends</title>");
    }

    @Test
    void aContourWithoutParamsShowsTheTwoMostImportant() throws Exception {
        Path file = dir.resolve("contour.png");

        CliRun run = CliRun.of("plot", "contour", "--study", "wide", "--storage", url, "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("contour of 'a' and 'b', the two most important (fANOVA) of the study's 4"
                + " parameters; pass --params A,B for another pair");
        assertThat(png(file).getWidth()).isEqualTo(800);

        Path grid = dir.resolve("grid.png");
        CliRun three = CliRun.of("plot", "contour", "--study", "wide", "--storage", url, "--out", grid.toString(),
                "--params", "a,c,d");
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(three.out()).doesNotContain("most important");
        assertThat(png(grid).getWidth()).as("three pairs side by side").isGreaterThan(800);
    }

    @Test
    void badInputsGetSpecificMessagesAndExitCode2() {
        String png = dir.resolve("x.png").toString();

        CliRun kind = CliRun.of("plot", "histroy", "--study", "rf", "--storage", url, "--out", png);
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown plot kind 'histroy' (did you mean 'history'?); the kinds are history,"
                + " importance, contour, parallel, slice, edf, intermediate, pareto, timeline, rank");

        CliRun far = CliRun.of("plot", "scatter", "--study", "rf", "--storage", url, "--out", png);
        assertThat(far.exitCode()).isEqualTo(2);
        assertThat(far.err()).contains("unknown plot kind 'scatter'; the kinds are").doesNotContain("did you mean");

        CliRun extension = CliRun.of("plot", "history", "--study", "rf", "--storage", url, "--out",
                dir.resolve("x.jpg").toString());
        assertThat(extension.exitCode()).isEqualTo(2);
        assertThat(extension.err()).contains("unsupported file type '.jpg'; plots are written as PNG or SVG");
        CliRun noExtension = CliRun.of("plot", "history", "--study", "rf", "--storage", url, "--out",
                dir.resolve("chart").toString());
        assertThat(noExtension.exitCode()).isEqualTo(2);
        assertThat(noExtension.err()).contains("no file extension");

        CliRun oneParam = CliRun.of("plot", "contour", "--study", "rf", "--storage", url, "--out", png, "--params", "lr");
        assertThat(oneParam.exitCode()).isEqualTo(2);
        assertThat(oneParam.err()).contains("a contour needs two parameters and --params names one ('lr'); pass two,"
                + " e.g. --params lr,act");

        CliRun oneInStudy = CliRun.of("plot", "contour", "--study", "pareto", "--storage", url, "--out", png);
        assertThat(oneInStudy.exitCode()).isEqualTo(2);
        assertThat(oneInStudy.err()).contains("a contour needs two parameters and study 'pareto' has only one ('x')");

        CliRun param = CliRun.of("plot", "slice", "--study", "rf", "--storage", url, "--out", png, "--params", "lr,layer");
        assertThat(param.exitCode()).isEqualTo(2);
        assertThat(param.err()).contains("unknown parameter 'layer' (did you mean 'layers'?); the parameters of study"
                + " 'rf' are act, layers, lr");

        CliRun objective = CliRun.of("plot", "slice", "--study", "rf", "--storage", url, "--out", png, "--objective", "1");
        assertThat(objective.exitCode()).isEqualTo(2);
        assertThat(objective.err()).contains("--objective 1: study 'rf' has one objective, number 0");

        CliRun size = CliRun.of("plot", "history", "--study", "rf", "--storage", url, "--out", png, "--width", "50");
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("--width/--height: a chart must be 100 to 10000 pixels on each side");

        assertThat(dir.resolve("x.png")).doesNotExist();
        assertThat(dir.resolve("x.jpg")).doesNotExist();
    }

    @Test
    void anUnknownStudyListsTheStorageStudies() {
        CliRun run = CliRun.of("plot", "history", "--study", "forest", "--storage", url, "--out",
                dir.resolve("x.png").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: no study named 'forest' in " + url
                + "; it holds: rf, pareto, empty, wide\n");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void anEmptyStudyStillGetsAPlotSayingSo() throws Exception {
        Path file = dir.resolve("empty.svg");

        CliRun run = CliRun.of("plot", "history", "--study", "empty", "--storage", url, "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(0 trials)");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<svg");
    }
}
