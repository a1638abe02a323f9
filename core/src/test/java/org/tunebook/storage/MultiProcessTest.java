package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;

/**
 * Several JVMs optimize one study in one SQLite file, or in one PostgreSQL database; one is killed with
 * SIGKILL in the middle of a trial.
 * Afterwards the counts add up, numbers are unique and gap-free, the dead trial is FAIL and was retried with
 * its parameters, and the file passes SQLite's integrity check.
 */
class MultiProcessTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "PostgreSQL"})
    void workersShareAStudyAndSurviveAKilledPeer(String database) throws Exception {
        Path file = dir.resolve("shared.db");
        String url = database.equals("SQLite") ? "sqlite:" + file : TestDatabases.freshPostgres();
        Tune.study().name("shared").storage(url).heartbeat(SharedStudyWorker.HEARTBEAT).create();

        List<Process> survivors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            survivors.add(worker(url, 12, 300, i));
        }
        Process victim = worker(url, 50, 10_000, 99);
        CountDownLatch started = new CountDownLatch(1);
        List<String> victimTrials = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(victim.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("STARTED ")) {
                        synchronized (victimTrials) {
                            victimTrials.add(line.substring("STARTED ".length()));
                        }
                        started.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // The victim is killed; its output ends.
            }
        });
        reader.start();
        assertThat(started.await(120, TimeUnit.SECONDS))
                .as("the victim starts a trial; its stderr is in " + dir.resolve("worker-99.err")).isTrue();
        int victimNumber;
        synchronized (victimTrials) {
            victimNumber = Integer.parseInt(victimTrials.get(0));
        }
        // A heartbeat writes the trial's buffered parameters; wait for it in the database rather than for a fixed
        // time, which a loaded machine (its heartbeat thread waiting for a core, or for the survivors' locks)
        // can overrun: the retry can reuse only parameters that reached the database.
        awaitStoredParams(url, victimNumber, 2);
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertThat(victim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int deadNumber;
        synchronized (victimTrials) {
            assertThat(victimTrials).hasSize(1);
            deadNumber = Integer.parseInt(victimTrials.get(0));
        }
        for (Process p : survivors) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("a survivor finishes").isTrue();
            assertThat(p.exitValue()).as(output(p)).isZero();
        }

        // However the survivors' timing went, one more worker after the grace period settles the dead trial.
        Thread.sleep(3_000);
        Study check = Tune.study().name("shared").storage(url).heartbeat(SharedStudyWorker.HEARTBEAT).load();
        check.failStaleTrials();
        check.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 1, 5),
                Run.trials(check.trials(TrialState.WAITING).size()));

        List<FrozenTrial> trials = check.trials();
        assertThat(trials).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, trials.size()).boxed().collect(Collectors.toList()));
        FrozenTrial dead = trials.get(deadNumber);
        assertThat(dead.state()).isEqualTo(TrialState.FAIL);
        assertThat(dead.failReason()).get().asString().contains("stopped sending heartbeats");
        assertThat(trials).filteredOn(t -> t.state() == TrialState.FAIL).hasSize(1);
        List<FrozenTrial> retries = trials.stream()
                .filter(t -> Integer.valueOf(deadNumber).equals(t.systemAttrs().get(Study.FAILED_TRIAL))).toList();
        assertThat(retries).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(r.params()).isEqualTo(dead.params());
        });
        assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(trials.size() - 1);
        assertThat(trials.size()).as("24 survivor trials (one of them a retry, or the retry run here), the dead one")
                .isBetween(25, 26);
        if (database.equals("SQLite")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
        check.storage().close();
    }

    private static void awaitStoredParams(String url, int number, int params) throws InterruptedException {
        Study watch = Tune.study().name("shared").storage(url).load();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                FrozenTrial t = watch.trials().get(number);
                if (t.params().size() >= params) {
                    return;
                }
                assertThat(System.nanoTime()).as("the victim's heartbeat stores the parameters of trial " + number
                        + " within 120 s; it has " + t.params()).isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            watch.storage().close();
        }
    }

    /** Short trials from several processes at once: every write waits its turn, none fails on a lock. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SQLite", "PostgreSQL", "MariaDB"})
    void busyWritersNeverSeeALockError(String database) throws Exception {
        String url = switch (database) {
            case "SQLite" -> "sqlite:" + dir.resolve("busy.db");
            case "PostgreSQL" -> TestDatabases.freshPostgres();
            default -> TestDatabases.freshMariaDb();
        };
        Tune.study().name("shared").storage(url).heartbeat(SharedStudyWorker.HEARTBEAT).create();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(worker(url, 150, 0, 10 + i));
        }
        for (Process p : workers) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("a worker finishes").isTrue();
            assertThat(p.exitValue()).as("worker output: " + output(p)).isZero();
        }
        Study study = Tune.load("shared", url);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(450);
        assertThat(trials).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(IntStream.range(0, 450).boxed().collect(Collectors.toList()));
        assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE && t.params().size() == 2);
        study.storage().close();
    }

    private Process worker(String url, int trials, long sleepMillis, long seed) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SharedStudyWorker.class.getName(), url, "shared", String.valueOf(trials), String.valueOf(sleepMillis),
                String.valueOf(seed))
                .redirectError(dir.resolve("worker-" + seed + ".err").toFile()).start();
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
