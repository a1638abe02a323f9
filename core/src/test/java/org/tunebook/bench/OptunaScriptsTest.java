package org.tunebook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bundled Python scripts, run for real with Debian's python3-optuna (installed by install/test.sh in CI). */
class OptunaScriptsTest {

    private final OptunaScripts optuna = new OptunaScripts(OptunaScripts.DEFAULT_PYTHON);

    @BeforeEach
    void needsOptunaOutsideCi() {
        if (System.getenv("CI") == null) {
            assumeThat(optuna.whyUnusable("optuna")).as("needs python3-optuna").isNull();
        }
    }

    @Test
    void everyScriptIsBundled() {
        for (String file : OptunaScripts.FILES) {
            assertThat(new String(OptunaScripts.resource(file), StandardCharsets.UTF_8)).as(file).contains("optuna");
        }
    }

    @Test
    void aMissingInterpreterOrModuleIsExplained() {
        assertThat(new OptunaScripts("/nonexistent/python3").whyUnusable("optuna"))
                .isEqualTo("/nonexistent/python3 does not exist or is not executable");
        assertThat(optuna.whyUnusable("optuna", "no_such_module_here"))
                .startsWith("/usr/bin/python3 cannot import no_such_module_here (").contains("No module named");
    }

    @Test
    void runsAScriptThatImportsTheSharedModule() throws Exception {
        String out = optuna.run("optuna_overhead.py", List.of("--sampler", "random,gp", "--trials", "5", "--repeats",
                "2", "--warmup", "0"), null);

        JsonObject json = JsonParser.parseString(out).getAsJsonObject();
        assertThat(json.get("optuna_version").getAsString()).matches("\\d+\\.\\d+\\.\\d+.*");
        JsonObject result = json.getAsJsonArray("results").get(0).getAsJsonObject();
        assertThat(result.get("sampler").getAsString()).isEqualTo("random");
        assertThat(result.get("trials").getAsInt()).isEqualTo(5);
        assertThat(result.getAsJsonArray("runs")).hasSize(2);
        if (json.getAsJsonObject("unavailable").has("gp")) { // Optuna before 3.6 has no GP sampler
            assertThat(json.getAsJsonObject("unavailable").get("gp").getAsString()).contains("Gaussian-process");
        }
    }

    @Test
    void passesStandardInput() throws Exception {
        String runs = "[{\"pruner\": \"median\", \"study\": \"s\", \"params\": [{\"lr\": 0.01, \"n_layers\": 2,"
                + " \"dropout\": 0.1}], \"curves\": [[0.5, 0.6, 0.7]]}]";

        String out = optuna.run("optuna_pruning.py", List.of(), runs);

        JsonObject result = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("results").get(0)
                .getAsJsonObject();
        assertThat(result.get("epochs").getAsInt()).isEqualTo(3);
        assertThat(result.get("best").getAsDouble()).isEqualTo(0.7);
    }

    @Test
    void aFailingScriptReportsItsErrorOutput() {
        assertThatThrownBy(() -> optuna.run("optuna_overhead.py", List.of("--trials", "5", "--at", "3"), null))
                .isInstanceOf(IOException.class).hasMessageContaining("failed with exit code 2")
                .hasMessageContaining("--trials and --at are two different measurements");
        assertThatThrownBy(() -> optuna.run("rm_rf.py", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bundled script 'rm_rf.py'");
    }
}
