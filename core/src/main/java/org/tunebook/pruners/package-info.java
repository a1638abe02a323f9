/**
 * Pruners: early stopping of unpromising trials, behind the one-question {@link org.tunebook.pruners.Pruner}
 * interface ("should this trial stop now?"), with Optuna's semantics.
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
 *
 * <table>
 *   <caption>The pruners</caption>
 *   <tr><th>pruner</th><th>prunes a trial when</th></tr>
 *   <tr><td>{@link org.tunebook.pruners.MedianPruner}, {@link org.tunebook.pruners.PercentilePruner}</td>
 *       <td>its best value so far is worse than the median (a percentile) of completed trials at the same step</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.SuccessiveHalvingPruner}</td>
 *       <td>at the end of a rung, it is not in the top 1/&eta; of the trials that reached the rung (ASHA)</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.HyperbandPruner}</td>
 *       <td>successive halving says so within its bracket (TPE and GP samplers then model each bracket on its
 *       own trials, as Optuna's do)</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.ThresholdPruner}</td>
 *       <td>its latest value leaves fixed bounds or is NaN</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.PatientPruner}</td>
 *       <td>it has stopped improving for some steps and the wrapped pruner agrees</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.WilcoxonPruner}</td>
 *       <td>a signed-rank test over instances (steps) finds it worse than the best trial</td></tr>
 *   <tr><td>{@link org.tunebook.pruners.NopPruner}</td><td>never (the default)</td></tr>
 * </table>
 *
 * <p>Pruners are shared by a study's worker threads and are thread-safe. State a pruner keeps per trial lives in
 * the trial's system attributes under Optuna's names ({@code completed_rung_N}), never in the pruner object, so
 * a study resumed from a database, or continued by another process or by Optuna, prunes the same way. What a
 * pruner object does keep is Optuna's automatic estimates (the successive-halving minimum resource, the Hyperband
 * maximum resource), made once from the completed trials. Invalid settings fail at construction with a message
 * naming the setting and the value.
 */
package org.tunebook.pruners;
