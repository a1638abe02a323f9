"""Rows of the multi-objective TPE table in samplers-results.md: tunebook's per-seed hypervolumes (ParetoSeeds.java
output) against Optuna's (optuna_pareto_seeds.py output): medians, the 95% bootstrap interval of the difference of
medians, two-sided Mann-Whitney U and P(tunebook > Optuna).

Usage: /usr/bin/python3 bench/pareto_seeds_stats.py PROBLEM TUNEBOOK_FILE OPTUNA_FILE
"""
import json
import sys

import numpy as np
from scipy.stats import mannwhitneyu

problem, tunebook_file, optuna_file = sys.argv[1:4]
tunebook = {}
for line in open(tunebook_file):
    budget, values = line.split(" ", 1)
    tunebook[int(budget)] = np.array(json.loads(values))
optuna = [json.loads(line) for line in open(optuna_file) if line.strip()]
rng = np.random.default_rng(0)
for i, b in enumerate(optuna[0]["budgets"]):
    o, t = np.array([r["hv"][i] for r in optuna]), tunebook[b]
    u = mannwhitneyu(t, o, alternative="two-sided")
    boot = [np.median(rng.choice(t, len(t))) - np.median(rng.choice(o, len(o))) for _ in range(4000)]
    lo, hi = np.percentile(boot, [2.5, 97.5])
    summary = lambda v: f"{np.median(v):.4f} [{np.percentile(v, 25):.4f}, {np.percentile(v, 75):.4f}] ({len(v)})"
    print(f"| {problem} | {b} | {summary(t)} | {summary(o)} | {np.median(t) - np.median(o):+.4f} [{lo:+.4f}, {hi:+.4f}]"
          f" | {u.pvalue:.2f} | {u.statistic / len(t) / len(o):.2f} |")
