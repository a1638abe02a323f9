#!/usr/bin/env python3
"""Optuna's framework overhead per trial: the baseline that `tunebook bench overhead` compares with.

The objective asks for 5 floats, 1 int and 1 categorical and does nothing else, as
OverheadBenchmark.OBJECTIVE does in tunebook's cli module. Each study uses a seeded RandomSampler and
Optuna's in-memory storage, runs on one thread (n_jobs=1), with Optuna's logging silenced. Each trial
count is run --repeats times in fresh studies; the median milliseconds per trial is reported.

Prints one JSON object on stdout, e.g.
  {"framework": "optuna", "optuna_version": "3.1.0", "python_version": "3.11.2", "seed": 42,
   "repeats": 5, "results": [{"trials": 1000, "ms_per_trial": 0.71, "runs": [0.70, 0.71, ...]}, ...]}

Usage: python3 bench/optuna_overhead.py [--trials 1000,10000] [--repeats 5] [--seed 42] [--warmup 200]
"""

import argparse
import gc
import json
import platform
import statistics
import sys
import time

import optuna


def objective(trial):
    x0 = trial.suggest_float("x0", -10, 10)
    x1 = trial.suggest_float("x1", -10, 10)
    x2 = trial.suggest_float("x2", -10, 10)
    x3 = trial.suggest_float("x3", -10, 10)
    x4 = trial.suggest_float("x4", -10, 10)
    n = trial.suggest_int("n", 1, 10)
    c = trial.suggest_categorical("c", ["a", "b", "c"])
    return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + n + (0 if c == "a" else 1)


def run_study(trials, seed):
    """Seconds to create a study and run `trials` trials in it."""
    start = time.perf_counter()
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed))
    study.optimize(objective, n_trials=trials, n_jobs=1)
    elapsed = time.perf_counter() - start
    complete = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
    if complete != trials:
        raise RuntimeError(f"only {complete} of {trials} trials completed")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", default="1000,10000", help="comma-separated trial counts")
    parser.add_argument("--repeats", type=int, default=5, help="runs per trial count")
    parser.add_argument("--seed", type=int, default=42, help="sampler seed")
    parser.add_argument("--warmup", type=int, default=200, help="trials run first, not measured")
    args = parser.parse_args()
    counts = [int(n) for n in args.trials.split(",") if n.strip()]
    if not counts or min(counts) < 1 or args.repeats < 1:
        parser.error("--trials needs positive counts and --repeats must be at least 1")

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if args.warmup > 0:
        run_study(args.warmup, args.seed)

    results = []
    for trials in counts:
        runs = []
        for _ in range(args.repeats):
            gc.collect()
            runs.append(run_study(trials, args.seed) * 1000 / trials)
        results.append({"trials": trials, "ms_per_trial": statistics.median(runs), "runs": runs})

    json.dump({
        "framework": "optuna",
        "optuna_version": optuna.__version__,
        "python_version": platform.python_version(),
        "seed": args.seed,
        "repeats": args.repeats,
        "results": results,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
