#!/usr/bin/env python3
"""Optuna's NSGAIISampler on a study shared with tunebook's NsgaIISampler (NsgaIIOptunaTest).

Usage: optuna_nsga2.py run URL STUDY TRIALS POPULATION SEED
  Creates the study if needed (two minimized objectives), runs TRIALS trials of the test objective with
  Optuna's NSGA-II, and prints JSON: every trial's number, state, generation and values, and the parent
  populations Optuna cached in the study's system attributes ({generation: [trial numbers]}).
"""

import json
import math
import sys
import warnings

import optuna


def objective(trial):
    """The twin of NsgaIIOptunaTest.objective: ZDT1-like in three floats, an int and a categorical."""
    x0 = trial.suggest_float("x0", 0, 1)
    x1 = trial.suggest_float("x1", 0, 1)
    lr = trial.suggest_float("lr", 1e-4, 1, log=True)
    k = trial.suggest_int("k", 0, 6)
    c = trial.suggest_categorical("c", ["a", "b", "c"])
    g = 1 + 9 * x1 + abs(math.log10(lr) + 2) + 0.5 * abs(k - 3) + (0 if c == "b" else 1)
    return x0, g * (1 - math.sqrt(x0 / g))


def main():
    _, command, url, name, trials, population, seed = sys.argv
    assert command == "run"
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    sampler = optuna.samplers.NSGAIISampler(population_size=int(population), seed=int(seed))
    study = optuna.create_study(study_name=name, storage=url, directions=["minimize", "minimize"],
                                sampler=sampler, load_if_exists=True)
    study.optimize(objective, n_trials=int(trials))
    populations = {}
    for key, value in study._storage.get_study_system_attrs(study._study_id).items():
        if key.startswith("nsga2:population"):
            generation, numbers = value
            populations[str(generation)] = numbers
    out = {
        "trials": [{"number": t.number, "state": t.state.name, "generation": t.system_attrs.get("nsga2:generation"),
                    "values": t.values} for t in study.trials],
        "populations": populations,
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
