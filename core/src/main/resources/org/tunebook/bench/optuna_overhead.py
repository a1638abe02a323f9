#!/usr/bin/env python3
"""Optuna's overhead per trial: the baseline that `tunebook bench overhead` compares with.

The objective (optuna_common.objective) asks for 5 floats, 1 int and 1 categorical and does nothing else.
Every study is in Optuna's in-memory storage, on one thread (n_jobs=1), with Optuna's logging silenced, and
uses the sampler(s) named by --sampler (optuna_common.SAMPLERS; default random). Two measurements:

  --trials 1000,10000   whole studies: the time to create a study and run that many trials, per trial, with the
                        sampler seeded by --seed; each count is run --repeats times in fresh studies.
  --at 1000             one point of a study: a study (seed r for repeat r) is filled to --at trials, then the
                        next --measured trials are timed (what a trial costs once the study is that large).

The median milliseconds per trial over the repeats is reported. A sampler this Optuna lacks is listed under
"unavailable" with the reason instead of failing the run.

Prints one JSON object on stdout, e.g.
  {"framework": "optuna", "optuna_version": "3.1.0", "python_version": "3.11.2", "mode": "studies",
   "results": [{"sampler": "random", "trials": 1000, "ms_per_trial": 0.71, "runs": [0.70, 0.71, ...]}, ...],
   "unavailable": {"gp": "Optuna 3.1.0 has no Gaussian-process sampler (...)"}}

Usage: python3 optuna_overhead.py [--sampler random,tpe] [--trials 1000,10000 | --at 1000 [--measured 100]]
                                  [--repeats 5] [--seed 42] [--warmup 200]
"""

import argparse
import gc
import json
import platform
import statistics
import sys
import time

import optuna

from optuna_common import SAMPLERS, objective, quiet, why_unavailable


def run_study(make_sampler, trials, seed):
    """Seconds to create a study and run `trials` trials in it."""
    start = time.perf_counter()
    study = optuna.create_study(sampler=make_sampler(seed))
    study.optimize(objective, n_trials=trials, n_jobs=1)
    elapsed = time.perf_counter() - start
    complete = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
    if complete != trials:
        raise RuntimeError(f"only {complete} of {trials} trials completed")
    return elapsed


def time_at(make_sampler, at, measured, seed):
    """Milliseconds per trial of trials at+1 .. at+measured of a study."""
    study = optuna.create_study(sampler=make_sampler(seed))
    study.optimize(objective, n_trials=at, n_jobs=1)
    gc.collect()
    start = time.perf_counter()
    study.optimize(objective, n_trials=measured, n_jobs=1)
    return (time.perf_counter() - start) * 1000 / measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sampler", default="random", help="comma-separated sampler names")
    parser.add_argument("--trials", default=None, help="whole studies: comma-separated trial counts (default 1000,10000)")
    parser.add_argument("--at", type=int, default=None, help="time the trials after this many")
    parser.add_argument("--measured", type=int, default=100, help="with --at: trials timed")
    parser.add_argument("--repeats", type=int, default=5, help="studies per figure")
    parser.add_argument("--seed", type=int, default=42, help="whole studies: the sampler's seed")
    parser.add_argument("--warmup", type=int, default=200, help="whole studies: trials run first per sampler")
    args = parser.parse_args()
    if args.at is not None and args.trials is not None:
        parser.error("--trials and --at are two different measurements; give one")
    counts = [int(n) for n in (args.trials or "1000,10000").split(",") if n.strip()]
    if not counts or min(counts) < 1 or args.repeats < 1 or args.measured < 1 or (args.at is not None and args.at < 0):
        parser.error("--trials needs positive counts, --repeats and --measured at least 1, --at at least 0")

    quiet()
    results = []
    unavailable = {}
    for name in [s.strip() for s in args.sampler.split(",") if s.strip()]:
        why = why_unavailable(name)
        if why is not None:
            unavailable[name] = why
            continue
        make = SAMPLERS[name]
        if args.at is not None:
            runs = [time_at(make, args.at, args.measured, seed) for seed in range(args.repeats)]
            results.append({"sampler": name, "at_trial": args.at, "measured": args.measured,
                             "ms_per_trial": statistics.median(runs), "runs": runs})
            continue
        if args.warmup > 0:
            run_study(make, args.warmup, args.seed)
        for trials in counts:
            runs = []
            for _ in range(args.repeats):
                gc.collect()
                runs.append(run_study(make, trials, args.seed) * 1000 / trials)
            results.append({"sampler": name, "trials": trials, "ms_per_trial": statistics.median(runs), "runs": runs})

    json.dump({
        "framework": "optuna",
        "optuna_version": optuna.__version__,
        "python_version": platform.python_version(),
        "mode": "at" if args.at is not None else "studies",
        "results": results,
        "unavailable": unavailable,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
