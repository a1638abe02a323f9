/**
 * Benchmarks that measure what tunebook's strategies buy, for the command line's {@code tunebook bench …} and for
 * the README's figures: {@link org.tunebook.bench.PruningBenchmark} compares the pruners, and Python Optuna's on
 * the same {@link org.tunebook.bench.LearningCurves}. Nothing here is needed to tune; it only uses the public API.
 */
package org.tunebook.bench;
