"""Runs a scripted study with one of Optuna's pruners and prints what the pruner decided, as JSON.

Input (stdin): {"study": name, "direction": "minimize"|"maximize", "pruner": {"kind": ..., settings},
"curves": [[v0, v1, ...], ...]}. Each curve is one trial, run in order: report v_step at each step, ask
should_prune after each report, stop as PRUNED at the first yes, else complete with the last value.
Output (stdout): {"pruned_at": [step or -1 per trial], "system_attrs": [{...} per trial],
"brackets": [bracket per trial] (Hyperband only)}.
"""
import json
import logging
import sys
import warnings

warnings.simplefilter("ignore")
import optuna  # noqa: E402

optuna.logging.set_verbosity(logging.ERROR)


def make_pruner(spec):
    kind = spec["kind"]
    if kind == "median":
        return optuna.pruners.MedianPruner(spec["startup"], spec["warmup"], spec["interval"],
                                           n_min_trials=spec["min_trials"])
    if kind == "percentile":
        return optuna.pruners.PercentilePruner(spec["percentile"], spec["startup"], spec["warmup"],
                                               spec["interval"], n_min_trials=spec["min_trials"])
    if kind == "threshold":
        return optuna.pruners.ThresholdPruner(lower=spec.get("lower"), upper=spec.get("upper"),
                                              n_warmup_steps=spec["warmup"], interval_steps=spec["interval"])
    if kind == "patient":
        wrapped = make_pruner(spec["wrapped"]) if spec.get("wrapped") else None
        return optuna.pruners.PatientPruner(wrapped, spec["patience"], spec["min_delta"])
    if kind == "sha":
        return optuna.pruners.SuccessiveHalvingPruner(spec.get("min_resource", "auto"), spec["reduction_factor"],
                                                      spec["min_early_stopping_rate"], spec["bootstrap_count"])
    if kind == "hyperband":
        return optuna.pruners.HyperbandPruner(spec["min_resource"], spec.get("max_resource", "auto"),
                                              spec["reduction_factor"], spec["bootstrap_count"])
    raise ValueError(kind)


def main():
    scenario = json.load(sys.stdin)
    pruner = make_pruner(scenario["pruner"])
    study = optuna.create_study(study_name=scenario["study"], direction=scenario["direction"], pruner=pruner)
    pruned_at = []
    for curve in scenario["curves"]:
        trial = study.ask()
        at = -1
        for step, value in enumerate(curve):
            trial.report(value, step)
            if trial.should_prune():
                at = step
                break
        if at >= 0:
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
        else:
            study.tell(trial, curve[-1])
        pruned_at.append(at)
    trials = study.get_trials(deepcopy=False)
    out = {"pruned_at": pruned_at, "system_attrs": [t.system_attrs for t in trials]}
    if scenario["pruner"]["kind"] == "hyperband":
        out["brackets"] = [pruner._get_bracket_id(study, t) for t in trials]
        out["n_brackets"] = pruner._n_brackets
    json.dump(out, sys.stdout)


main()
