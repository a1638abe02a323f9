"""Runs Optuna's pruners (default settings) on learning curves given by tunebook's pruning benchmark.

Input (stdin): [{"pruner": "none"|"median"|"successive_halving"|"hyperband", "study": name,
"params": [{"lr": .., "n_layers": .., "dropout": ..}, ...], "curves": [[acc per epoch], ...]}, ...].
Each run enqueues the configurations in order, so trial i reports curves[i] epoch by epoch until pruned.
Output (stdout): {"optuna_version": "3.1.0", "results": [{"epochs": total epochs reported, "best": best completed
final accuracy, "millis": ms}, ...]}, one result per run, in input order.
"""
import json
import logging
import sys
import time
import warnings

warnings.simplefilter("ignore")
import optuna  # noqa: E402

optuna.logging.set_verbosity(logging.ERROR)

PRUNERS = {
    "none": optuna.pruners.NopPruner,
    "median": optuna.pruners.MedianPruner,
    "successive_halving": optuna.pruners.SuccessiveHalvingPruner,
    "hyperband": optuna.pruners.HyperbandPruner,
}


def run(spec):
    started = time.perf_counter()
    study = optuna.create_study(study_name=spec["study"], direction="maximize", pruner=PRUNERS[spec["pruner"]]())
    for params in spec["params"]:
        study.enqueue_trial(params)
    curves = spec["curves"]

    def objective(trial):
        trial.suggest_float("lr", 1e-5, 1e-1, log=True)
        trial.suggest_int("n_layers", 1, 4)
        trial.suggest_float("dropout", 0.0, 0.5)
        curve = curves[trial.number]
        for epoch, accuracy in enumerate(curve):
            trial.report(accuracy, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return curve[-1]

    study.optimize(objective, n_trials=len(curves))
    millis = int((time.perf_counter() - started) * 1000)
    trials = study.get_trials(deepcopy=False)
    complete = [t.value for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    return {"epochs": sum(len(t.intermediate_values) for t in trials), "best": max(complete) if complete else None,
            "millis": millis}


json.dump({"optuna_version": optuna.__version__, "results": [run(spec) for spec in json.load(sys.stdin)]}, sys.stdout)
