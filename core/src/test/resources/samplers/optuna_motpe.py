"""Python Optuna's side of tunebook's multi-objective TPE agreement test (Debian's python3-optuna 3.1).

Reads one JSON object on stdin: {"cases": [CASE, ...]}, where a CASE is
  {"directions": ["minimize" | "maximize", ...], "low": L, "high": H, "params": [NAME, ...],
   "probe": NAME,                                    # the parameter whose estimators are compared
   "trials": [{"values": [V, ...], "params": {NAME: VALUE, ...}, "constraints": [C, ...]}, ...],
                                                     # COMPLETE trials, in order; "constraints" optional
   "points": [VALUE, ...]}
(every parameter a float in [L, H]) and prints {"cases": [{"below": [...], "weights_below": [...],
"above": [...], "log_l": [...], "log_g": [...], "draws": [...], "proposals": [...]}, ...]}: the trial
numbers on each side of TPE's split (below in Optuna's order, with the weights Optuna gives them), both
estimators' log densities of the probe at the points, DRAWS candidates drawn from the "good" estimator and
PROPOSALS values TPE proposes for the probe from independent random states (sorted). Everything is computed
as TPESampler.sample_independent computes it for a study with several objectives, through Optuna's own
private functions; nothing is re-implemented here.
"""
import json
import sys

import numpy as np

DRAWS = 10000
import optuna
from optuna.distributions import FloatDistribution
from optuna.samplers._base import _CONSTRAINTS_KEY
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.sampler import (_calculate_weights_below_for_multi_objective, _get_observation_pairs,
                                          _split_observation_pairs)

# the last step of sample_independent, as the single-objective agreement script computes it
from optuna_parzen import propose  # the script beside this one

optuna.logging.set_verbosity(optuna.logging.WARNING)


def run(case):
    dist = FloatDistribution(case["low"], case["high"])
    name = case["probe"]
    sampler = optuna.samplers.TPESampler(seed=0)
    study = optuna.create_study(directions=case["directions"], sampler=sampler)
    constrained = any("constraints" in t for t in case["trials"])
    for t in case["trials"]:
        # the key under which TPESampler's constraints_func stores its values (optuna.samplers._base)
        attrs = {_CONSTRAINTS_KEY: t["constraints"]} if "constraints" in t else {}
        study.add_trial(optuna.trial.create_trial(params=t["params"], distributions={p: dist for p in t["params"]},
                                                  values=t["values"], system_attrs=attrs))
    # as TPESampler.sample_independent does it for several objectives
    values, scores, violations = _get_observation_pairs(study, [name], False, constrained)
    n = sum(s < float("inf") for s, v in scores)
    indices_below, indices_above = _split_observation_pairs(scores, sampler._gamma(n), violations)
    weights_below = _calculate_weights_below_for_multi_objective(scores, indices_below, violations)
    config_value = np.asarray(values[name], dtype=float)
    below = {name: config_value[indices_below]}
    above = {name: config_value[indices_above]}
    params = sampler._parzen_estimator_parameters
    mpe_below = _ParzenEstimator(below, {name: dist}, params, weights_below)
    mpe_above = _ParzenEstimator(above, {name: dist}, params)
    draws = mpe_below.sample(np.random.RandomState(0), DRAWS)[name]
    proposals = propose(mpe_below, mpe_above, name, sampler._n_ei_candidates)
    points = np.asarray(case["points"], dtype=float)
    # the trials were added in order and all have the probe, so observation i is trial i
    return {"n_below": int(sampler._gamma(n)), "below": [int(i) for i in indices_below],
            "weights_below": weights_below.tolist(), "above": [int(i) for i in indices_above],
            "log_l": mpe_below.log_pdf({name: points}).tolist(), "log_g": mpe_above.log_pdf({name: points}).tolist(),
            "draws": np.sort(draws).tolist(), "proposals": np.sort(proposals).tolist()}


def main():
    request = json.load(sys.stdin)
    json.dump({"optuna_version": optuna.__version__, "cases": [run(c) for c in request["cases"]]}, sys.stdout)


if __name__ == "__main__":
    main()
