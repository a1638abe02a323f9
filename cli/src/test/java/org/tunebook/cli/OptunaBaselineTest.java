package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptunaBaselineTest {

    @Test
    void readsTheScriptsJson() {
        String json = "{\"framework\": \"optuna\", \"optuna_version\": \"3.1.0\", \"python_version\": \"3.11.2\","
                + " \"seed\": 42, \"repeats\": 2, \"results\": [{\"trials\": 1000, \"ms_per_trial\": 0.7123,"
                + " \"runs\": [0.7, 0.72]}, {\"trials\": 10000, \"ms_per_trial\": 8.5e-01, \"runs\": [0.85, 0.85]}]}";

        OptunaBaseline.Figures figures = OptunaBaseline.parse(json);

        assertThat(figures.optunaVersion()).isEqualTo("3.1.0");
        assertThat(figures.msPerTrial()).containsExactly(
                org.assertj.core.api.Assertions.entry(1000, 0.7123), org.assertj.core.api.Assertions.entry(10000, 0.85));
    }

    @Test
    void outputWithoutResultsIsAnError() {
        assertThatThrownBy(() -> OptunaBaseline.parse("Traceback (most recent call last): boom"))
                .isInstanceOf(CliException.class).hasMessageContaining("no results").hasMessageContaining("boom");
    }

    @Test
    void findsTheScriptOfThisCheckoutFromTheClassesFolder() {
        Path script = OptunaBaseline.locateScript(null);

        assertThat(script).isRegularFile();
        assertThat(script.toString().replace('\\', '/')).endsWith("bench/optuna_overhead.py");
        assertThat(script.getParent().getParent().resolve("cli/pom.xml")).exists();
    }

    @Test
    void anExplicitScriptMustExist(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> OptunaBaseline.locateScript(dir.resolve("missing.py")))
                .isInstanceOf(CliException.class).hasMessageContaining("no such file");
        Path given = Files.writeString(dir.resolve("mine.py"), "print('{}')");
        assertThat(OptunaBaseline.locateScript(given)).isEqualTo(given.toAbsolutePath());
    }

    @Test
    void theMedianIsTheMiddleRun() {
        assertThat(new OverheadBenchmark.Result(10, new double[] {3, 1, 2}).median()).isEqualTo(2);
        assertThat(new OverheadBenchmark.Result(10, new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }
}
