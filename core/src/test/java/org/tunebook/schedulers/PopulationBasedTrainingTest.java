package org.tunebook.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.schedulers.PbtSchedule.Entry;
import org.tunebook.storage.InMemoryStorage;

/**
 * Population-based training on a toy whose best hyperparameter changes during training: each step adds {@code h}
 * to the model's progress before step 10 and {@code 1 - h} from then on, so every constant {@code h} ends at
 * exactly 10 after 20 steps, and only a schedule (high, then low) does better.
 */
class PopulationBasedTrainingTest {

    @TempDir
    Path dir;

    /** Trains the toy: progress is the checkpoint, the score after each step is the progress. */
    static final SegmentTraining TOY = segment -> {
        double h = segment.trial().suggestFloat("h", 0, 1);
        double progress = segment.restoreArrays().map(a -> a[0][0]).orElse(0.0);
        segment.trial().setUserAttr("restored", progress);
        for (int step = segment.start(); step < segment.end(); step++) {
            progress += step < 10 ? h : 1 - h;
            segment.trial().report(progress, step);
        }
        segment.saveArrays(new double[] {progress});
    };

    private Study study(String name) {
        return Tune.study().name(name).storage(new InMemoryStorage()).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(3)).create();
    }

    private PopulationBasedTraining.Builder toyPbt() {
        return PopulationBasedTraining.builder().population(6).steps(20).perturbationInterval(4).mutate("h")
                .synchronous(true).jobs(3).seed(11).checkpointDirectory(dir);
    }

    @Test
    void synchronousRunsExploitTheTopQuarterAtEveryPointAndRecordTheSchedule() {
        Study study = study("sync");
        PbtSchedule schedule = toyPbt().build().run(study, TOY);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(6 * 5).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(schedule.entries()).hasSize(30);
        Map<Integer, Entry> byTrial = schedule.entries().stream().collect(Collectors.toMap(Entry::trial, e -> e));
        for (int member = 0; member < 6; member++) {
            List<Entry> segments = schedule.member(member);
            assertThat(segments).extracting(Entry::generation).containsExactly(0, 1, 2, 3, 4);
            assertThat(segments).extracting(Entry::startStep).containsExactly(0, 4, 8, 12, 16);
            assertThat(segments).extracting(Entry::endStep).containsExactly(4, 8, 12, 16, 20);
        }
        // bottom quantile: ceil(6 * 0.25) = 2 members copy a top-2 member at each of the 4 perturbation points
        assertThat(schedule.exploits()).hasSize(8);
        for (Entry e : schedule.entries()) {
            FrozenTrial trial = study.trial(e.trial());
            if (e.generation() == 0) {
                assertThat(e.restoredFrom()).isEqualTo(-1);
                assertThat((Double) trial.userAttrs().get("restored")).isZero();
                continue;
            }
            Entry source = byTrial.get(e.restoredFrom());
            // the checkpoint trained so far is what the segment starts from
            assertThat((Double) trial.userAttrs().get("restored")).isEqualTo(source.score());
            assertThat(source.generation()).isEqualTo(e.generation() - 1);
            List<Entry> sameGeneration = schedule.entries().stream()
                    .filter(x -> x.generation() == source.generation()).toList();
            long better = sameGeneration.stream().filter(x -> x.score() > source.score()).count();
            if (e.isExploit()) {
                assertThat(source.member()).isEqualTo(e.exploitedMember()).isNotEqualTo(e.member());
                assertThat(better).as("the copied member is in the top two").isLessThan(2);
                long worse = sameGeneration.stream().filter(x -> x.score() < byTrial.get(e.previousTrial()).score())
                        .count();
                assertThat(worse).as("the copying member was in the bottom two").isLessThan(2);
                double h = (Double) source.params().get("h");
                String op = e.operations().get("h");
                double newH = (Double) e.params().get("h");
                switch (op) {
                    case "* 1.2" -> assertThat(newH).isCloseTo(Math.min(1, h * 1.2), within(1e-12));
                    case "* 0.8" -> assertThat(newH).isCloseTo(h * 0.8, within(1e-12));
                    default -> assertThat(op).isEqualTo("resample");
                }
            } else {
                assertThat(source.member()).isEqualTo(e.member());
                assertThat(e.previousTrial()).isEqualTo(e.restoredFrom());
                assertThat(e.params()).isEqualTo(source.params());
                assertThat(e.operations()).isEmpty();
            }
        }
    }

    @Test
    void theScheduleFoundBeatsEveryConstantHyperparameter() {
        Study study = study("schedule");
        PbtSchedule schedule = PopulationBasedTraining.builder().population(8).steps(20).perturbationInterval(2)
                .mutate("h").synchronous(true).seed(5).checkpointDirectory(dir).build().run(study, TOY);
        // any constant h ends at exactly 10; the best final model here followed a schedule
        double best = schedule.entries().stream().filter(e -> e.endStep() == 20).mapToDouble(Entry::score).max()
                .orElseThrow();
        assertThat(best).isGreaterThan(12);
        Entry bestEntry = schedule.entries().stream().filter(e -> e.endStep() == 20 && e.score() == best).findFirst()
                .orElseThrow();
        List<Entry> lineage = schedule.lineage(bestEntry.trial());
        assertThat(lineage).extracting(Entry::startStep).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        double early = (Double) lineage.get(3).params().get("h");
        double late = (Double) lineage.get(9).params().get("h");
        assertThat(early).as("h before step 10").isGreaterThan(late);
        assertThat(schedule.toString()).contains("exploits").contains("copied member");
    }

    @Test
    void synchronousRunsAreReproducibleFromTheSeedsWhateverTheThreads() {
        PbtSchedule one = toyPbt().jobs(1).build().run(study("repro-1"), TOY);
        PbtSchedule three = toyPbt().jobs(3).build().run(study("repro-3"), TOY);
        assertThat(three.entries()).hasSameSizeAs(one.entries());
        for (int i = 0; i < one.entries().size(); i++) {
            Entry a = one.entries().get(i);
            Entry b = three.entries().get(i);
            assertThat(b.params()).isEqualTo(a.params());
            assertThat(b.score()).isEqualTo(a.score());
            assertThat(b.exploitedMember()).isEqualTo(a.exploitedMember());
            assertThat(b.operations()).isEqualTo(a.operations());
        }
        PbtSchedule otherSeed = toyPbt().seed(12).build().run(study("repro-other"), TOY);
        assertThat(otherSeed.exploits().stream().map(Entry::params).toList())
                .isNotEqualTo(one.exploits().stream().map(Entry::params).toList());
    }

    @Test
    void asynchronousRunsPerturbEachMemberAsItArrives() {
        Study study = study("async");
        PbtSchedule schedule = toyPbt().synchronous(false).jobs(4).build().run(study, TOY);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        for (int member = 0; member < 6; member++) {
            List<Entry> segments = schedule.member(member);
            assertThat(segments.get(segments.size() - 1).endStep()).isEqualTo(20);
            for (int i = 1; i < segments.size(); i++) {
                Entry e = segments.get(i);
                // a member copying one further ahead jumps to its step
                int expectedStart = e.isExploit() ? schedule.entries().stream()
                        .filter(x -> x.trial() == e.restoredFrom()).findFirst().orElseThrow().endStep()
                        : segments.get(i - 1).endStep();
                assertThat(e.startStep()).isEqualTo(expectedStart);
            }
        }
        assertThat(schedule.exploits()).isNotEmpty();
    }

    @Test
    void aZeroQuantileFractionNeverExploits() {
        PbtSchedule schedule = toyPbt().quantileFraction(0).build().run(study("no-exploit"), TOY);
        assertThat(schedule.exploits()).isEmpty();
        assertThat(schedule.entries()).hasSize(30);
    }

    @Test
    void checkpointsCanBeFilesAndTheBestModelCanBeReadAfterTheRun() throws Exception {
        Study study = study("files");
        PopulationBasedTraining pbt = toyPbt().build();
        pbt.run(study, segment -> {
            double h = segment.trial().suggestFloat("h", 0, 1);
            double progress = 0;
            if (segment.restoredDirectory().isPresent()) {
                progress = Double.parseDouble(Files.readString(segment.restoredDirectory().get().resolve("model.txt")));
            }
            for (int step = segment.start(); step < segment.end(); step++) {
                progress += step < 10 ? h : 1 - h;
                segment.trial().report(progress, step);
            }
            Files.writeString(segment.directory().resolve("model.txt"), Double.toString(progress));
        });
        FrozenTrial best = study.bestTrial();
        Path file = pbt.checkpointDirectory(study, best.number()).resolve("model.txt");
        assertThat(Double.parseDouble(Files.readString(file))).isEqualTo(best.value());
        assertThat(pbt.checkpoint(study, best.number())).isEmpty(); // files only, no bytes
        assertThat(PbtSchedule.of(study).exploits()).isNotEmpty();
        assertThat(study.systemAttrs()).containsEntry(PopulationBasedTraining.CHECKPOINT_DIRECTORY,
                dir.toAbsolutePath().toString());
    }

    @Test
    void aStudyInSqliteIsResumedByALaterRunAndItsScheduleReadBack() {
        String url = "sqlite:" + dir.resolve("pbt.db");
        Study first = Tune.study().name("resume").storage(url).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(3)).create();
        PopulationBasedTraining.builder().population(4).steps(8).perturbationInterval(4).mutate("h").synchronous(true)
                .seed(1).checkpointDirectory(dir.resolve("ckpt")).build().run(first, TOY);
        first.storage().close();
        // later, another process: no checkpoint folder given, the study remembers it; members train on to 16
        Study again = Tune.study().name("resume").storage(url).sampler(new RandomSampler(3)).load();
        PbtSchedule schedule = PopulationBasedTraining.builder().population(4).steps(16).perturbationInterval(4)
                .mutate("h").synchronous(true).seed(1).build().run(again, TOY);
        assertThat(schedule.entries()).hasSize(4 * 4);
        for (int member = 0; member < 4; member++) {
            assertThat(schedule.member(member)).extracting(Entry::startStep).containsExactly(0, 4, 8, 12);
        }
        Map<Integer, Entry> byTrial = new HashMap<>();
        schedule.entries().forEach(e -> byTrial.put(e.trial(), e));
        for (Entry e : schedule.entries()) {
            if (e.generation() == 2) {
                // the first segments of the second run start from the first run's checkpoints
                assertThat((Double) again.trial(e.trial()).userAttrs().get("restored"))
                        .isEqualTo(byTrial.get(e.restoredFrom()).score());
            }
        }
        again.storage().close();
    }

    @Test
    void aSegmentThatThrowsStopsTheRunAndIsRecordedAsFailed() {
        Study study = study("throws");
        assertThatThrownBy(() -> toyPbt().jobs(1).build().run(study, segment -> {
            if (segment.member() == 2 && segment.generation() == 1) {
                throw new IllegalStateException("out of memory, say");
            }
            TOY.train(segment);
        })).isInstanceOf(IllegalStateException.class).hasMessage("out of memory, say");
        List<FrozenTrial> failed = study.trials(TrialState.FAIL);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).failReason()).hasValueSatisfying(r -> assertThat(r).contains("out of memory"));
        // no segment of a later generation was started
        assertThat(PbtSchedule.of(study).entries()).allSatisfy(e -> assertThat(e.generation()).isLessThanOrEqualTo(1));
    }

    @Test
    void aSegmentThatReportsNothingIsAnError() {
        assertThatThrownBy(() -> toyPbt().build().run(study("silent"), segment -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reported no value");
    }

    @Test
    void badSettingsFailWithSpecificMessages() {
        assertThatThrownBy(() -> PopulationBasedTraining.builder().population(1))
                .hasMessage("population must be >= 2, got 1");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().quantileFraction(0.6))
                .hasMessage("quantile fraction must be between 0 and 0.5, got 0.6");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().resampleProbability(-0.1))
                .hasMessageContaining("resample probability must be between 0 and 1");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().perturbationFactors(1.2, 0))
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().perturbationInterval(0))
                .hasMessage("perturbation interval must be >= 1, got 0");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().burnInPeriod(-1))
                .hasMessage("burn-in period must be >= 0, got -1");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().mutate("h").mutate("h"))
                .hasMessageContaining("already mutated");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().perturbationInterval(2).mutate("h").build())
                .hasMessageContaining("steps(50)");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().steps(10).mutate("h").build())
                .hasMessageContaining("perturbationInterval(5)");
        assertThatThrownBy(() -> PopulationBasedTraining.builder().steps(10).perturbationInterval(2).build())
                .hasMessageContaining("mutate(\"lr\")");
        Study multi = Tune.study().storage(new InMemoryStorage()).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .create();
        assertThatThrownBy(() -> toyPbt().build().run(multi, TOY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single-objective");
    }

    @Test
    void burnInDelaysTheFirstPerturbation() {
        PbtSchedule schedule = toyPbt().burnInPeriod(10).build().run(study("burn-in"), TOY);
        assertThat(schedule.member(0)).extracting(Entry::startStep).containsExactly(0, 10, 14, 18);
    }
}
