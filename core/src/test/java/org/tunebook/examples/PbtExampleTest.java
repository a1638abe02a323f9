package org.tunebook.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.Direction;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.schedulers.PbtSchedule;
import org.tunebook.schedulers.PbtSchedule.Entry;
import org.tunebook.schedulers.PopulationBasedTraining;
import org.tunebook.schedulers.SegmentTraining;
import org.tunebook.storage.InMemoryStorage;

/**
 * The seed guide's "Ray Tune with PyTorch" population-based training example in Java: the same search space
 * (layers, hidden size, dropout, log-scaled learning rate and weight decay, batch size), Adam, accuracy maximized,
 * {@code perturbation_interval=5} with {@code lr}, {@code weight_decay} and {@code dropout} mutated, and the model
 * and optimizer state checkpointed every segment. Scaled down to run in seconds: 8 members for 30 epochs (the seed:
 * 20 for 100), hidden sizes 8 to 32.
 */
class PbtExampleTest {

    private static final SyntheticData TRAIN = SyntheticData.generate(500, 1);
    private static final SyntheticData TEST = SyntheticData.generate(300, 2);

    @TempDir
    Path checkpoints;

    /** The training function: build from the configuration, restore, train the segment's epochs, checkpoint. */
    static final SegmentTraining TRAIN_PYTORCH_MODEL = segment -> {
        Trial trial = segment.trial();
        int numLayers = trial.suggestCategorical("num_layers", 1, 2, 3);
        int hiddenSize = trial.suggestCategorical("hidden_size", 8, 16, 32);
        double dropout = trial.suggestFloat("dropout", 0.1, 0.5);
        double lr = trial.suggestFloat("lr", 1e-5, 1e-2, Scale.LOG);
        double weightDecay = trial.suggestFloat("weight_decay", 1e-6, 1e-3, Scale.LOG);
        int batchSize = trial.suggestCategorical("batch_size", 16, 32, 64);
        int[] hidden = new int[numLayers];
        Arrays.fill(hidden, hiddenSize);
        TinyMlp model = segment.restoreArrays().map(state -> new TinyMlp(SyntheticData.FEATURES, hidden, state))
                .orElseGet(() -> new TinyMlp(SyntheticData.FEATURES, hidden, segment.member()));
        trial.setUserAttr("restored_accuracy", model.accuracy(TEST));
        Random shuffle = new Random(trial.number());
        for (int epoch = segment.start(); epoch < segment.end(); epoch++) {
            model.trainEpoch(TRAIN, TinyMlp.Optimizer.ADAM, lr, batchSize, dropout, weightDecay, shuffle);
            trial.report(model.accuracy(TEST), epoch);
        }
        segment.saveArrays(model.state());
    };

    private PbtSchedule run(String name, double quantileFraction) {
        Study study = Tune.study().name(name).storage(new InMemoryStorage()).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(7)).create();
        PopulationBasedTraining pbt = PopulationBasedTraining.builder().population(8).steps(30).perturbationInterval(5)
                .mutate("lr").mutate("weight_decay").mutate("dropout").quantileFraction(quantileFraction)
                .synchronous(true).jobs(2).seed(3).checkpointDirectory(checkpoints).build();
        PbtSchedule schedule = pbt.run(study, TRAIN_PYTORCH_MODEL);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        return schedule;
    }

    @Test
    void theBottomMembersTakeOverTheTopMembersModelsAndTheWholePopulationEndsBetter() {
        PbtSchedule pbt = run("pbt", 0.25);
        PbtSchedule alone = run("alone", 0); // the same population, never exploiting
        Map<Integer, Entry> byTrial = new HashMap<>();
        pbt.entries().forEach(e -> byTrial.put(e.trial(), e));
        assertThat(pbt.exploits()).as("exploits").hasSizeGreaterThanOrEqualTo(5 * 2);
        for (Entry e : pbt.exploits()) {
            Entry donor = byTrial.get(e.restoredFrom());
            // the architecture and batch size are copied, only the mutated hyperparameters change
            for (String fixed : List.of("num_layers", "hidden_size", "batch_size")) {
                assertThat(e.params().get(fixed)).isEqualTo(donor.params().get(fixed));
            }
            assertThat(e.operations()).containsOnlyKeys("lr", "weight_decay", "dropout");
        }
        double pbtMean = meanFinal(pbt);
        double aloneMean = meanFinal(alone);
        assertThat(pbtMean).as("mean final accuracy with PBT vs without exploitation (%s)", aloneMean)
                .isGreaterThan(aloneMean + 0.02);
        double best = pbt.entries().stream().mapToDouble(Entry::score).max().orElseThrow();
        assertThat(best).isGreaterThan(0.75);
    }

    @Test
    void anExploitingMemberStartsFromTheCopiedModelAsItWasSaved() {
        Study study = Tune.study().storage(new InMemoryStorage()).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(7)).create();
        PbtSchedule schedule = PopulationBasedTraining.builder().population(4).steps(10).perturbationInterval(5)
                .mutate("lr").synchronous(true).jobs(2).seed(3).checkpointDirectory(checkpoints).build()
                .run(study, TRAIN_PYTORCH_MODEL);
        assertThat(schedule.entries()).allSatisfy(e -> {
            if (e.restoredFrom() >= 0) {
                double restored = (Double) study.trial(e.trial()).userAttrs().get("restored_accuracy");
                assertThat(restored).isEqualTo(study.trial(e.restoredFrom()).value());
            }
        });
        assertThat(schedule.exploits()).isNotEmpty();
    }

    private static double meanFinal(PbtSchedule schedule) {
        return schedule.entries().stream().filter(e -> e.endStep() == 30).mapToDouble(Entry::score).average()
                .orElseThrow();
    }
}
