package org.tunebook.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Scale;
import org.tunebook.Study;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.pruners.MedianPruner;
import org.tunebook.samplers.RandomSampler;
import org.tunebook.storage.InMemoryStorage;

/**
 * The seed guide's "Optuna with pruning for deep learning" example in Java: the same search space (layers, hidden
 * sizes, dropout, log-scaled learning rate, batch size, optimizer), 50 epochs reported as validation accuracy, the
 * same {@code MedianPruner(n_startup_trials=5, n_warmup_steps=10, interval_steps=1)} and 30 trials, with the
 * {@link TinyMlp} on {@link SyntheticData}. Hidden sizes are 8 to 32 instead of 16 to 128 so the test takes
 * seconds.
 */
class MedianPruningExampleTest {

    private static final SyntheticData TRAIN = SyntheticData.generate(500, 1);
    private static final SyntheticData TEST = SyntheticData.generate(300, 2);
    private static final int EPOCHS = 50;

    @Test
    void unpromisingNetworksAreStoppedEarlyByTheMedianRule() {
        Study study = Tune.study().storage(new InMemoryStorage()).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(42)).pruner(new MedianPruner(5, 10, 1, 1)).create();
        study.optimize(trial -> {
            int nLayers = trial.suggestInt("n_layers", 1, 3);
            int[] hidden = new int[nLayers];
            for (int i = 0; i < nLayers; i++) {
                hidden[i] = trial.suggestInt("hidden_size_" + i, 8, 32);
            }
            double dropout = trial.suggestFloat("dropout_rate", 0.1, 0.5);
            double lr = trial.suggestFloat("learning_rate", 1e-5, 1e-2, Scale.LOG);
            int batchSize = trial.suggestCategorical("batch_size", 16, 32, 64);
            String optimizer = trial.suggestCategorical("optimizer", "Adam", "SGD", "RMSprop");
            TinyMlp model = new TinyMlp(SyntheticData.FEATURES, hidden, trial.number());
            Random shuffle = new Random(trial.number());
            double accuracy = 0;
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                model.trainEpoch(TRAIN, TinyMlp.Optimizer.valueOf(optimizer.toUpperCase()), lr, batchSize, dropout, 0,
                        shuffle);
                accuracy = model.accuracy(TEST);
                trial.report(accuracy, epoch);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return accuracy;
        }, Run.trials(30));

        List<FrozenTrial> pruned = study.trials(TrialState.PRUNED);
        List<FrozenTrial> complete = study.trials(TrialState.COMPLETE);
        assertThat(pruned.size() + complete.size()).isEqualTo(30);
        assertThat(pruned).as("pruned trials").hasSizeGreaterThanOrEqualTo(5);
        assertThat(study.bestValue()).as("best accuracy").isGreaterThan(0.75);
        int epochs = study.trials().stream().mapToInt(t -> t.intermediateValues().size()).sum();
        assertThat(epochs).as("epochs trained of %d", 30 * EPOCHS).isLessThan(30 * EPOCHS * 3 / 4);
        assertThat(complete).allSatisfy(t -> assertThat(t.intermediateValues()).hasSize(EPOCHS));
        for (FrozenTrial t : pruned) {
            int step = t.intermediateValues().lastKey();
            assertThat(step).as("trial %d pruned after the warm-up", t.number()).isGreaterThanOrEqualTo(10);
            // the median rule as the seed describes it, recomputed from the trials completed before this one
            List<FrozenTrial> before = complete.stream().filter(c -> c.number() < t.number()).toList();
            assertThat(before).as("startup trials completed before trial %d", t.number()).hasSizeGreaterThanOrEqualTo(5);
            double[] atStep = before.stream().mapToDouble(c -> c.intermediateValues().get(step)).sorted().toArray();
            double median = atStep.length % 2 == 1 ? atStep[atStep.length / 2]
                    : (atStep[atStep.length / 2 - 1] + atStep[atStep.length / 2]) / 2;
            double best = t.intermediateValues().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(best).as("trial %d's best accuracy vs the median %s", t.number(), Arrays.toString(atStep))
                    .isLessThan(median);
        }
    }
}
