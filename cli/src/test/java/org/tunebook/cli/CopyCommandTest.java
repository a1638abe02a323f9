package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.StudySummary;

class CopyCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void writeStudies() {
        url = SampleStudies.sqlite(dir, "from.db");
        SampleStudies.write(url);
    }

    @Test
    void copiesAStudyToANewFile() {
        String to = SampleStudies.sqlite(dir, "to.db");
        String expected = SampleStudies.read("rf", url, s -> s.trialsTable().toCsv());

        CliRun run = CliRun.of("copy", "--study", "rf", "--from", url, "--to", to);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("copied study 'rf' (8 trials) from " + url + " to " + to + "\n");
        String copied = SampleStudies.read("rf", to, s -> s.trialsTable().toCsv());
        assertThat(copied).isEqualTo(expected);
        List<Direction> directions = SampleStudies.read("rf", to, Study::directions);
        assertThat(directions).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void copiesUnderANewNameInTheSameStorage() {
        CliRun run = CliRun.of("copy", "--study", "pareto", "--from", url, "--to", url, "--to-name", "pareto-2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith(" as 'pareto-2'\n");
        List<String> names = Tune.studies(url).stream().map(StudySummary::name).toList();
        Tune.load("rf", url).storage().close();
        assertThat(names).containsExactlyInAnyOrder("rf", "pareto", "empty", "pareto-2");
        int front = SampleStudies.read("pareto-2", url, s -> s.bestTrials().size());
        assertThat(front).isEqualTo(3);
    }

    @Test
    void refusesToOverwriteAStudy() {
        CliRun run = CliRun.of("copy", "--study", "rf", "--from", url, "--to", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tunebook: a study named 'rf' already exists in " + url + "; give the copy"
                + " another name with --to-name NAME, or delete that study first\n");
        int trials = SampleStudies.read("rf", url, s -> s.trials().size());
        assertThat(trials).isEqualTo(8);
    }

    @Test
    void anUnknownSourceStudyCreatesNothing() {
        Path target = dir.resolve("target.db");

        CliRun run = CliRun.of("copy", "--study", "nope", "--from", url, "--to", "sqlite:" + target);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tunebook: no study named 'nope' in ").contains("rf", "pareto", "empty");
        CliRun missing = CliRun.of("copy", "--study", "rf", "--from", "sqlite:" + dir.resolve("absent.db"), "--to",
                "sqlite:" + target);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.db does not exist");
        assertThat(Files.exists(dir.resolve("absent.db"))).isFalse();
    }
}
