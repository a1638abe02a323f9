#!/usr/bin/env python3
"""Optuna's samplers on tunebook's sampler benchmark functions: the baseline of `tunebook bench quality`.

The test functions, their parameter names and order are the twins of org.tunebook.bench.BenchmarkFunctions
in tunebook's core module; the samplers are optuna_common.SAMPLERS, by the names tunebook uses.

For each sampler, function and seed (0 .. seeds-1), one study runs the largest budget in memory on one
thread; the best value after each budget is kept. Reports the median and interquartile range (numpy's
linear percentiles, as tunebook's QualityBenchmark) over the seeds. A sampler this Optuna lacks is listed
under "unavailable" with the reason instead of failing the run.

Prints one JSON object on stdout and progress and a table on stderr, e.g.
  {"framework": "optuna", "optuna_version": "3.1.0", "results": [{"sampler": "tpe", "function": "branin",
   "trials": 100, "median": 0.41, "q1": 0.40, "q3": 0.45, "best_values": [...]}], "unavailable": {}}

With --pareto, several objectives instead: ZDT1 in --dimensions dimensions, two objectives minimized; for each
sampler and seed one study runs the largest budget, and the hypervolume (reference point (1.1, 1.1), exact 2-D
sweep) of the COMPLETE trials among the first b trials is kept for each budget b. The twin of
org.tunebook.bench.ParetoBenchmark. Results carry "problem" (e.g. "zdt1_30") and "hypervolumes" instead of
"function" and "best_values".

Usage: python3 optuna_quality.py [--trials 100,200] [--seeds 10] [--samplers random,tpe] [--functions branin,mixed]
       python3 optuna_quality.py --pareto [--trials 100,300] [--seeds 10] [--dimensions 30]
                                 [--samplers random,nsga2,tpe]
"""

import argparse
import json
import math
import platform
import sys

import numpy as np
import optuna

from optuna_common import SAMPLERS, quiet, why_unavailable


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


# ---- several objectives: ZDT1 and the hypervolume (twins of ParetoBenchmark and Hypervolume) ----

# The twins of org.tunebook.bench.SamplerBenchmarks.multiObjectiveSamplers(), by the same names.
PARETO_SAMPLERS = ["random", "nsga2", "tpe"]
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


def pareto(samplers, dimensions, budgets, seeds):
    name = f"zdt1_{dimensions}"
    results = []
    for sampler in samplers:
        hv = [[] for _ in budgets]
        for seed in range(seeds):
            study = optuna.create_study(directions=["minimize", "minimize"], sampler=SAMPLERS[sampler](seed))
            study.optimize(zdt1(dimensions), n_trials=budgets[-1])
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


def quality(samplers, functions, budgets, seeds):
    results = []
    for name in samplers:
        for fname in functions:
            best = [[] for _ in budgets]
            for seed in range(seeds):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pareto", action="store_true", help="several objectives: hypervolume on ZDT1")
    parser.add_argument("--trials", default=None, help="comma-separated budgets (default 100,200; --pareto 100,300)")
    parser.add_argument("--seeds", type=int, default=10, help="seeds 0 .. n-1")
    parser.add_argument("--functions", default=",".join(SUITE), help="comma-separated names (default: the suite)")
    parser.add_argument("--dimensions", type=int, default=30, help="--pareto: dimensions of ZDT1 (at least 2)")
    parser.add_argument("--samplers", default=None,
                        help="comma-separated names (default random,qmc,tpe,tpe-multivariate; --pareto random,nsga2,tpe)")
    args = parser.parse_args()
    if args.trials is None:
        args.trials = "100,300" if args.pareto else "100,200"
    if args.samplers is None:
        args.samplers = ",".join(PARETO_SAMPLERS) if args.pareto else "random,qmc,tpe,tpe-multivariate"
    budgets = sorted(int(b) for b in args.trials.split(",") if b.strip())
    functions = [f.strip() for f in args.functions.split(",") if f.strip()]
    if not budgets or budgets[0] < 1 or args.seeds < 1:
        parser.error("--trials needs positive budgets and --seeds must be at least 1")
    if args.pareto and args.dimensions < 2:
        parser.error(f"--dimensions must be at least 2 (ZDT1), got {args.dimensions}")
    unknown = [f for f in functions if f not in FUNCTIONS]
    if unknown and not args.pareto:
        parser.error(f"unknown function: {', '.join(unknown)}; known: {', '.join(FUNCTIONS)}")
    names = [s.strip() for s in args.samplers.split(",") if s.strip()]
    if args.pareto:
        unknown = [n for n in names if n not in PARETO_SAMPLERS]
        if unknown:
            parser.error(f"unknown sampler for --pareto: {', '.join(unknown)}; known: {', '.join(PARETO_SAMPLERS)}")
    quiet()
    samplers, unavailable = [], {}
    for name in names:
        why = why_unavailable(name)
        if why is None:
            samplers.append(name)
        else:
            unavailable[name] = why
    if args.pareto:
        results = pareto(samplers, args.dimensions, budgets, args.seeds)
    else:
        results = quality(samplers, functions, budgets, args.seeds)
    json.dump({"framework": "optuna", "optuna_version": optuna.__version__,
               "python_version": platform.python_version(), "results": results, "unavailable": unavailable},
              sys.stdout)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main()
