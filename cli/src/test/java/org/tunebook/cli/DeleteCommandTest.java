package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.StudySummary;
import org.tunebook.Tune;

class DeleteCommandTest {

    @TempDir
    Path dir;

    String url;

    private final Supplier<DeleteCommand.Prompt> realTerminal = DeleteCommand.terminal;
    private final List<String> questions = new ArrayList<>();

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "delete.db");
        SampleStudies.write(url);
    }

    @AfterEach
    void restoreTerminal() {
        DeleteCommand.terminal = realTerminal;
    }

    @Test
    void refusesWithoutATerminalOrYes() {
        // surefire's JVM has no console: this is the real terminal check
        CliRun run = CliRun.of("delete", "--study", "rf", "--storage", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: not deleting study 'rf' (8 trials) from " + url + " without"
                + " confirmation: there is no terminal to ask on; pass --yes to delete it\n");
        assertThat(names()).contains("rf");
    }

    @Test
    void deletesWithYes() {
        CliRun run = CliRun.of("delete", "--study", "rf", "--storage", url, "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("deleted study 'rf' (8 trials) from " + url + "\n");
        assertThat(names()).containsExactlyInAnyOrder("pareto", "empty");
    }

    @Test
    void asksOnTheTerminal() {
        answer("n");
        CliRun declined = CliRun.of("delete", "--study", "pareto", "--storage", url);
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.err()).isEqualTo("tunebook: not deleted: study 'pareto' (5 trials) from " + url
                + " is unchanged\n");
        assertThat(questions).containsExactly("Delete study 'pareto' (5 trials) from " + url + "? [y/N] ");
        assertThat(names()).contains("pareto");

        answer("");
        assertThat(CliRun.of("delete", "--study", "pareto", "--storage", url).exitCode()).isEqualTo(1);
        assertThat(names()).contains("pareto");

        answer(" Yes ");
        CliRun accepted = CliRun.of("delete", "--study", "pareto", "--storage", url);
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(names()).containsExactlyInAnyOrder("rf", "empty");
    }

    @Test
    void anUnknownStudyIsAnError() {
        CliRun run = CliRun.of("delete", "--study", "nope", "--storage", url, "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: no study named 'nope' in " + url + "; it holds: rf, pareto, empty\n");
    }

    private void answer(String answer) {
        DeleteCommand.terminal = () -> question -> {
            questions.add(question);
            return answer;
        };
    }

    private List<String> names() {
        List<String> names = Tune.studies(url).stream().map(StudySummary::name).toList();
        org.tunebook.storage.Storages.open(url).close();
        return names;
    }
}
