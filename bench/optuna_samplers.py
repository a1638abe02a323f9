#!/usr/bin/env python3
"""Optuna's samplers on tunebook's sampler benchmarks: the baseline for `tunebook bench quality|overhead`.

The test functions, parameter names and the seven-parameter overhead objective are the twins of
org.tunebook.bench.BenchmarkFunctions and SamplerOverhead in tunebook's core module.

quality:  for each sampler, function and seed (0 .. seeds-1), one study runs the largest budget in memory
          on one thread; the best value after each budget is kept. Reports median and interquartile range
          (numpy's linear percentiles) over seeds.
overhead: a study is filled to --at trials, then the next --measured trials are timed (wall clock);
          the median over --repeats studies is reported, in milliseconds per trial.

Prints one JSON object on stdout and a table on stderr, e.g.
  {"framework": "optuna", "optuna_version": "3.1.0", "mode": "quality", "results": [{"sampler": "tpe",
   "function": "branin", "trials": 100, "median": 0.41, "q1": 0.40, "q3": 0.45, "best_values": [...]}]}

pareto:   ZDT1 in --dimensions dimensions, two objectives; for each sampler and seed one study runs the largest
          budget, and the hypervolume (reference point (1.1, 1.1), exact 2-D sweep) of the COMPLETE trials among
          the first b trials is kept for each budget b. The twin of org.tunebook.bench.ParetoBenchmark.

Usage: python3 bench/optuna_samplers.py quality [--trials 100,200] [--seeds 10] [--samplers random,tpe]
                                                [--functions branin,mixed]
       python3 bench/optuna_samplers.py overhead [--at 1000] [--measured 100] [--repeats 3] [--samplers tpe]
       python3 bench/optuna_samplers.py pareto [--trials 100,300] [--seeds 10] [--dimensions 30]
                                               [--samplers random,nsga2,tpe]
"""

import argparse
import json
import math
import platform
import sys
import time
import warnings

import numpy as np
import optuna


# ---- test functions (twins of BenchmarkFunctions) ----

def floats(trial, d, low, high):
    return [trial.suggest_float(f"x{i}", low, high) for i in range(d)]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    u = x2 - b * x1 * x1 + c * x1 - 6
    return u * u + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
              [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(trial):
    x = floats(trial, 6, 0, 1)
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(d):
    def f(trial):
        x = floats(trial, d, -5, 10)
        return sum(100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2 for i in range(d - 1))
    return f


def ackley(d):
    def f(trial):
        x = floats(trial, d, -32.768, 32.768)
        squares = sum(v * v for v in x)
        cosines = sum(math.cos(2 * math.pi * v) for v in x)
        return -20 * math.exp(-0.2 * math.sqrt(squares / d)) - math.exp(cosines / d) + 20 + math.e
    return f


def styblinski_tang(d):
    def f(trial):
        return sum(v ** 4 - 16 * v * v + 5 * v for v in floats(trial, d, -5, 5)) / 2
    return f


def sphere(d):
    def f(trial):
        return sum(v * v for v in floats(trial, d, -5, 5))
    return f


def mixed(trial):
    x = trial.suggest_float("x", -5, 5)
    n = trial.suggest_int("n", 1, 20)
    lr = trial.suggest_float("lr", 1e-5, 1, log=True)
    opt = trial.suggest_categorical("opt", ["a", "b", "c", "d"])
    penalty = {"a": 1.0, "b": 0.0, "c": 0.5, "d": 2.0}[opt]
    lg = math.log10(lr) + 3
    return (x - 1) ** 2 + (n - 7) ** 2 / 10.0 + lg * lg + penalty


FUNCTIONS = {
    "branin": branin, "hartmann6": hartmann6, "rosenbrock10": rosenbrock(10), "ackley10": ackley(10),
    "styblinski_tang10": styblinski_tang(10), "mixed": mixed, "sphere5": sphere(5), "rosenbrock5": rosenbrock(5),
}
SUITE = ["branin", "hartmann6", "rosenbrock10", "ackley10", "styblinski_tang10", "mixed"]


def overhead_objective(trial):
    """The seven-parameter objective of bench/optuna_overhead.py and SamplerOverhead."""
    x0 = trial.suggest_float("x0", -10, 10)
    x1 = trial.suggest_float("x1", -10, 10)
    x2 = trial.suggest_float("x2", -10, 10)
    x3 = trial.suggest_float("x3", -10, 10)
    x4 = trial.suggest_float("x4", -10, 10)
    n = trial.suggest_int("n", 1, 10)
    c = trial.suggest_categorical("c", ["a", "b", "c"])
    return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + n + (0 if c == "a" else 1)


# ---- samplers (twins of SamplerBenchmarks.samplers) ----

SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "qmc": lambda seed: optuna.samplers.QMCSampler(seed=seed, scramble=True),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe-multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
    "nsga2": lambda seed: optuna.samplers.NSGAIISampler(seed=seed),
}


# ---- multi-objective: ZDT1 and the hypervolume (twins of ParetoBenchmark and Hypervolume) ----

MO_SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "nsga2": lambda seed: optuna.samplers.NSGAIISampler(seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
}
ZDT1_REFERENCE = (1.1, 1.1)


def zdt1(d):
    def f(trial):
        x = floats(trial, d, 0, 1)
        g = 1 + 9 * sum(x[1:]) / (d - 1)
        return x[0], g * (1 - math.sqrt(x[0] / g))
    return f


def hypervolume_2d(points, ref):
    """Exact hypervolume of 2-D points for minimization: sweep up the second objective."""
    inside = sorted((p for p in points if p[0] < ref[0] and p[1] < ref[1]), key=lambda p: p[1])
    area, best_x = 0.0, ref[0]
    for i, (x, y) in enumerate(inside):
        best_x = min(best_x, x)
        top = inside[i + 1][1] if i + 1 < len(inside) else ref[1]
        area += (ref[0] - best_x) * (top - y)
    return area


def pareto(args):
    budgets = sorted(int(b) for b in args.trials.split(","))
    name = f"zdt1_{args.dimensions}"
    results = []
    for sampler in args.samplers.split(","):
        hv = [[] for _ in budgets]
        for seed in range(args.seeds):
            study = optuna.create_study(directions=["minimize", "minimize"], sampler=MO_SAMPLERS[sampler](seed))
            study.optimize(zdt1(args.dimensions), n_trials=budgets[-1])
            trials = study.get_trials(deepcopy=False)
            for i, b in enumerate(budgets):
                points = [t.values for t in trials[:b] if t.state == optuna.trial.TrialState.COMPLETE]
                hv[i].append(hypervolume_2d(points, ZDT1_REFERENCE))
        for i, b in enumerate(budgets):
            v = np.asarray(hv[i])
            results.append({"sampler": sampler, "problem": name, "trials": b, "median": float(np.median(v)),
                            "q1": float(np.percentile(v, 25)), "q3": float(np.percentile(v, 75)),
                            "hypervolumes": hv[i]})
        print(f"{sampler} on {name}: done", file=sys.stderr)
    print(f"{'problem':12} {'sampler':18} {'trials':>7} {'median HV':>12} {'IQR':>24}", file=sys.stderr)
    for r in sorted(results, key=lambda r: (r["trials"], r["sampler"])):
        iqr = f"[{r['q1']:.4f}, {r['q3']:.4f}]"
        print(f"{r['problem']:12} {r['sampler']:18} {r['trials']:7d} {r['median']:12.4f} {iqr:>24}", file=sys.stderr)
    return results


def best_so_far(study, trials):
    best, curve = math.inf, []
    for t in study.get_trials(deepcopy=False):
        if t.state == optuna.trial.TrialState.COMPLETE and t.value < best:
            best = t.value
        curve.append(best)
    return curve + [best] * (trials - len(curve))


def quality(args):
    budgets = sorted(int(b) for b in args.trials.split(","))
    results = []
    for name in args.samplers.split(","):
        for fname in (args.functions.split(",") if args.functions else SUITE):
            best = [[] for _ in budgets]
            for seed in range(args.seeds):
                study = optuna.create_study(sampler=SAMPLERS[name](seed))
                study.optimize(FUNCTIONS[fname], n_trials=budgets[-1])
                curve = best_so_far(study, budgets[-1])
                for i, b in enumerate(budgets):
                    best[i].append(curve[b - 1])
            for i, b in enumerate(budgets):
                v = np.asarray(best[i])
                results.append({"sampler": name, "function": fname, "trials": b, "median": float(np.median(v)),
                                "q1": float(np.percentile(v, 25)), "q3": float(np.percentile(v, 75)),
                                "best_values": best[i]})
            print(f"{name} on {fname}: done", file=sys.stderr)
    print(f"{'function':18} {'sampler':18} {'trials':>7} {'median best':>14} {'IQR':>30}", file=sys.stderr)
    for r in sorted(results, key=lambda r: (r["function"], r["trials"], r["sampler"])):
        iqr = f"[{r['q1']:.6g}, {r['q3']:.6g}]"
        print(f"{r['function']:18} {r['sampler']:18} {r['trials']:7d} {r['median']:14.6g} {iqr:>30}", file=sys.stderr)
    return results


def overhead(args):
    results = []
    for name in args.samplers.split(","):
        runs = []
        for seed in range(args.repeats):
            study = optuna.create_study(sampler=SAMPLERS[name](seed))
            study.optimize(overhead_objective, n_trials=args.at)
            start = time.perf_counter()
            study.optimize(overhead_objective, n_trials=args.measured)
            runs.append((time.perf_counter() - start) * 1000 / args.measured)
        results.append({"sampler": name, "at_trial": args.at, "measured": args.measured,
                        "ms_per_trial": float(np.median(runs)), "runs": runs})
        print(f"{name} at trial {args.at}: {np.median(runs):.3f} ms/trial (median of {args.repeats})", file=sys.stderr)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["quality", "overhead", "pareto"])
    parser.add_argument("--trials", default=None,
                        help="quality, pareto: comma-separated budgets (default 100,200; pareto 100,300)")
    parser.add_argument("--seeds", type=int, default=10, help="quality: seeds 0 .. n-1")
    parser.add_argument("--functions", default=None, help="quality: comma-separated names (default: the suite)")
    parser.add_argument("--samplers", default=None, help="comma-separated sampler names")
    parser.add_argument("--dimensions", type=int, default=30, help="pareto: dimensions of ZDT1")
    parser.add_argument("--at", type=int, default=1000, help="overhead: trials before timing")
    parser.add_argument("--measured", type=int, default=100, help="overhead: trials timed")
    parser.add_argument("--repeats", type=int, default=3, help="overhead: studies timed")
    args = parser.parse_args()
    if args.trials is None:
        args.trials = "100,300" if args.mode == "pareto" else "100,200"
    if args.samplers is None:
        args.samplers = {"quality": "random,qmc,tpe,tpe-multivariate", "overhead": "tpe",
                         "pareto": "random,nsga2,tpe"}[args.mode]
    known = MO_SAMPLERS if args.mode == "pareto" else SAMPLERS
    unknown = [s for s in args.samplers.split(",") if s not in known]
    unknown += [f for f in (args.functions or "").split(",") if f and f not in FUNCTIONS]
    if unknown:
        parser.error(f"unknown sampler or function: {', '.join(unknown)}")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    results = {"quality": quality, "overhead": overhead, "pareto": pareto}[args.mode](args)
    json.dump({"framework": "optuna", "optuna_version": optuna.__version__,
               "python_version": platform.python_version(), "mode": args.mode, "results": results}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
