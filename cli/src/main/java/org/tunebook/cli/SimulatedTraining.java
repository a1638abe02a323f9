package org.tunebook.cli;

import java.util.SplittableRandom;
import org.tunebook.Objective;
import org.tunebook.Scale;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;

/**
 * The quickstart's objective: it pretends to train a neural network and returns its validation accuracy.
 * The accuracy curve rises epoch by epoch towards a ceiling set by the hyperparameters (best near a
 * learning rate of 3e-3, three layers, ReLU and a dropout of 0.2), with a little noise. Each epoch is
 * reported to the study's pruner, which may stop the trial.
 *
 * <p>Given the seed, a trial's curve depends only on its number and parameters, so it is reproducible.
 */
final class SimulatedTraining implements Objective {

    /** Epochs per full trial. */
    static final int EPOCHS = 20;

    private final long seed;
    private final long epochMillis;

    /**
     * @param seed seeds the noise of the accuracy curves
     * @param epochMillis how long each simulated epoch sleeps, so that progress can be watched
     */
    SimulatedTraining(long seed, long epochMillis) {
        this.seed = seed;
        this.epochMillis = epochMillis;
    }

    @Override
    public double evaluate(Trial trial) throws InterruptedException {
        double lr = trial.suggestFloat("learning_rate", 1e-5, 1e-1, Scale.LOG);
        int layers = trial.suggestInt("n_layers", 1, 4);
        String activation = trial.suggestCategorical("activation", "relu", "tanh", "sigmoid");
        double dropout = trial.suggestFloat("dropout", 0.0, 0.5);

        double ceiling = ceiling(lr, layers, activation, dropout);
        double speed = 0.05 + 0.35 * Math.min(1, lr / 1e-2); // small learning rates learn slowly
        SplittableRandom noise = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trial.number());
        double accuracy = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            if (epochMillis > 0) {
                Thread.sleep(epochMillis);
            }
            accuracy = 0.1 + (ceiling - 0.1) * (1 - Math.exp(-speed * (epoch + 1))) + 0.004 * noise.nextGaussian();
            trial.report(accuracy, epoch);
            if (trial.shouldPrune()) {
                throw new TrialPrunedException("pruned at epoch " + epoch);
            }
        }
        return accuracy;
    }

    /** The accuracy a fully trained model with these hyperparameters reaches. */
    static double ceiling(double lr, int layers, String activation, double dropout) {
        double lrMiss = Math.log10(lr) - Math.log10(3e-3);
        double penalty = 0.05 * lrMiss * lrMiss
                + 0.02 * Math.abs(layers - 3)
                + switch (activation) {
                    case "relu" -> 0.0;
                    case "tanh" -> 0.015;
                    default -> 0.04;
                }
                + 0.3 * (dropout - 0.2) * (dropout - 0.2);
        return Math.max(0.15, 0.98 - penalty);
    }
}
