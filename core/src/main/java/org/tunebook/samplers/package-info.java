/**
 * Samplers: strategies that propose parameter values, behind the {@link org.tunebook.samplers.Sampler}
 * interface.
 * <ul>
 *   <li>{@link org.tunebook.samplers.RandomSampler}, {@link org.tunebook.samplers.GridSampler},
 *   {@link org.tunebook.samplers.PartialFixedSampler};</li>
 *   <li>{@link org.tunebook.samplers.TpeSampler}: tree-structured Parzen estimators, Optuna's default
 *   model-based search (univariate or multivariate, groups, constant liar, constraints, several
 *   objectives);</li>
 *   <li>{@link org.tunebook.samplers.GpSampler}: Gaussian-process Bayesian optimization, best on smooth
 *   problems of a few parameters (ints judged on their grid, categoricals in the kernel, constraints, running
 *   trials kept apart);</li>
 *   <li>{@link org.tunebook.samplers.CmaEsSampler}: the covariance matrix adaptation evolution strategy, for
 *   continuous (and integer) problems with budgets of hundreds of trials or more, with IPOP restarts; its state
 *   lives in the study, so a resumed study goes on with the same search;</li>
 *   <li>{@link org.tunebook.samplers.QmcSampler}: Sobol or Halton points, an even cover of the space;</li>
 *   <li>{@link org.tunebook.samplers.BruteForceSampler}: every combination of a small discrete space;</li>
 *   <li>{@link org.tunebook.samplers.NsgaIISampler}: the NSGA-II genetic algorithm for several objectives, with
 *   a choice of {@link org.tunebook.samplers.Crossover} and constraints.</li>
 * </ul>
 * <p>TPE, the Gaussian process and NSGA-II take a constraints function in the same form and store its values
 * under the same trial attribute ({@code constraints}, Optuna's key), so any of them can continue another's
 * study. Under a {@link org.tunebook.pruners.HyperbandPruner}, TPE and the Gaussian process model each trial on
 * the trials of its own bracket, as Optuna's samplers do.
 * <p>Every sampler is reproducible from a seed: randomness comes from the seed and the trial number, not from a
 * shared stream. The model-based ones can also repeat runs with several workers
 * ({@code reproducibleWorkers(k)}; for CMA-ES, {@code synchronous(true)}; for NSGA-II,
 * {@code synchronousGenerations(true)}).
 *
 * <pre>{@code
 * Study study = Tune.study().sampler(new TpeSampler(42)).create();
 * study.optimize(t -> score(t.suggestFloat("lr", 1e-5, 1e-1, Scale.LOG), t.suggestInt("depth", 2, 12)),
 *                Run.trials(100));
 * Study grid = Tune.study().sampler(new GridSampler(Map.of("depth", List.of(3, 5, 7)))).create();
 * Study pareto = Tune.study().directions(Direction.MAXIMIZE, Direction.MINIMIZE).sampler(new NsgaIISampler(42)).create();
 * }</pre>
 */
package org.tunebook.samplers;
