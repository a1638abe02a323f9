/**
 * tunebook: hyperparameter tuning for Java, made for notebooks.
 *
 * <p>{@link org.tunebook.Tune} creates and loads {@link org.tunebook.Study studies}; an
 * {@link org.tunebook.Objective} asks its {@link org.tunebook.Trial} for hyperparameters and returns a
 * score; {@link org.tunebook.Run} says how many trials, how long and with how many threads.
 *
 * <pre>{@code
 * Study study = Tune.study().name("quickstart").direction(Direction.MINIMIZE)
 *     .sampler(new RandomSampler(42)).create();
 * study.optimize(trial -> {
 *     double x = trial.suggestFloat("x", -10, 10);
 *     int n = trial.suggestInt("n", 1, 5);
 *     String kind = trial.suggestCategorical("kind", "a", "b");
 *     return (x - 2) * (x - 2) + n + (kind.equals("a") ? 0 : 1);
 * }, Run.trials(100).jobs(2));
 * System.out.println(study.bestTrial());
 * }</pre>
 */
package org.tunebook;
