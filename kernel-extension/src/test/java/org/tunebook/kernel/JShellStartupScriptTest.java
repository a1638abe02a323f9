package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install/tunebook-startup.jsh in a real {@code jshell} outside Jupyter: with tunebook on the class path, a study
 * runs without a single import and its plot is saved to a file, as the script's comments promise.
 */
class JShellStartupScriptTest {

    @Test
    void jshellWithTheStartupScriptTunesAndSavesAPlot(@TempDir Path dir) throws Exception {
        Path script = Path.of("..", "install", "tunebook-startup.jsh").toAbsolutePath().normalize();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Path png = dir.resolve("history.png");
        String input = String.join("\n",
                "Study s = Tune.study().name(\"jsh\").sampler(new TpeSampler(3)).create();",
                "s.optimize(t -> Math.pow(t.suggestFloat(\"x\", -5, 5) - 1, 2), Run.trials(30));",
                "System.out.println(\"BEST \" + (s.bestValue() < 1 ? \"close\" : \"far\") + \" \" + s.trials().size());",
                "Plots.render(PlotKind.HISTORY, s, java.nio.file.Path.of(\"" + png.toString().replace("\\", "/") + "\"));",
                "System.out.println(\"SAVED\");",
                "/exit", "");
        Process p = new ProcessBuilder(jshell.toString(), "-J-Djava.awt.headless=true", "-R-Djava.awt.headless=true",
                "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", script.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
            assertThat(output).contains("BEST close 30", "SAVED").doesNotContain("cannot find symbol");
        } finally {
            p.destroyForcibly();
        }
        assertThat(png).isNotEmptyFile();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
    }
}
