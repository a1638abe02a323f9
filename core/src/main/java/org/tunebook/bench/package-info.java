/**
 * Benchmarks that measure what tunebook's strategies buy, as a library the {@code tunebook bench} command and
 * tests call. Nothing here asserts times and nothing here is needed to tune; it only uses the public API.
 *
 * <ul>
 *   <li>Samplers: standard test functions ({@link org.tunebook.bench.BenchmarkFunctions}), the quality of the
 *       values samplers find over seeds ({@link org.tunebook.bench.QualityBenchmark}, median and interquartile
 *       range), and the cost per trial in a large study ({@link org.tunebook.bench.SamplerOverhead}); for
 *       several objectives, the hypervolume ({@link org.tunebook.Pareto#hypervolume}) of the fronts samplers
 *       find on ZDT1 ({@link org.tunebook.bench.ParetoBenchmark}).</li>
 *   <li>Pruners: {@link org.tunebook.bench.PruningBenchmark} compares the pruners, and Python Optuna's, on the
 *       same {@link org.tunebook.bench.LearningCurves}.</li>
 * </ul>
 *
 * <pre>{@code
 * QualityBenchmark.run(SamplerBenchmarks.samplers(), List.of(BenchmarkFunctions.branin()), new int[] {100},
 *         QualityBenchmark.seeds(10), null).forEach(System.out::println);
 * System.out.println(SamplerOverhead.measure("tpe", TpeSampler::new, 1000, 100, 5));
 * }</pre>
 */
package org.tunebook.bench;
