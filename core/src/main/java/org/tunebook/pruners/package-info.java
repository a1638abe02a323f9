/**
 * Pruners: early stopping of unpromising trials, behind the {@link org.tunebook.pruners.Pruner} interface.
 *
 * <pre>{@code
 * Study study = Tune.study().direction(Direction.MAXIMIZE).pruner(new MedianPruner()).create();
 * study.optimize(trial -> {
 *     double acc = 0;
 *     for (int epoch = 0; epoch < 20; epoch++) {
 *         acc = trainOneEpoch(trial);
 *         trial.report(acc, epoch);
 *         if (trial.shouldPrune()) throw new TrialPrunedException();
 *     }
 *     return acc;
 * }, Run.trials(50));
 * }</pre>
 */
package org.tunebook.pruners;
