"""Per-seed hypervolumes of Optuna's TPE on ZDT1, the twin of ParetoSeeds.java: one JSON line per seed FROM..TO-1,
with the problem and hypervolume of optuna_quality.py (run from the repository root).

Usage: /usr/bin/python3 bench/optuna_pareto_seeds.py DIMENSIONS BUDGETS FROM TO
"""
import json
import sys

sys.path.insert(0, "core/src/main/resources/org/tunebook/bench")
import optuna  # noqa: E402
from optuna_common import SAMPLERS, quiet  # noqa: E402
from optuna_quality import ZDT1_REFERENCE, hypervolume_2d, zdt1  # noqa: E402

quiet()
d, budgets = int(sys.argv[1]), [int(b) for b in sys.argv[2].split(",")]
for seed in range(int(sys.argv[3]), int(sys.argv[4])):
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=SAMPLERS["tpe"](seed))
    study.optimize(zdt1(d), n_trials=budgets[-1])
    trials = study.get_trials(deepcopy=False)
    hv = [hypervolume_2d([t.values for t in trials[:b]], ZDT1_REFERENCE) for b in budgets]
    print(json.dumps({"seed": seed, "budgets": budgets, "hv": hv}), flush=True)
