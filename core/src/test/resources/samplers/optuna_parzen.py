"""Python Optuna's side of tunebook's Parzen agreement test (Debian's python3-optuna 3.1).

Reads one JSON object on stdin: {"cases": [CASE, ...]}, where a CASE is
  {"direction": "minimize" | "maximize", "param": NAME,
   "distribution": {"type": "float" | "int" | "categorical", "low", "high", "log", "step", "choices"},
   "trials": [{"value": V, "params": {NAME: INTERNAL_VALUE, ...}}, ...],   # COMPLETE trials, in order
   "points": [INTERNAL_VALUE, ...]}
and prints {"cases": [{"below": [...], "above": [...], "log_l": [...], "log_g": [...], "draws": [...],
"proposals": [...]}, ...]}: the values on each side of TPE's split, both estimators' log densities at the
points, DRAWS candidates drawn from the "good" estimator, and PROPOSALS values that TPE proposes for the next
trial from independent random states (internal values, sorted), computed as TPESampler with its defaults
computes them in sample_independent (the same private functions, nothing re-implemented here).
"""
import json
import sys

import numpy as np

DRAWS = 10000
PROPOSALS = 3000
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.sampler import TPESampler, _get_observation_pairs, _split_observation_pairs

optuna.logging.set_verbosity(optuna.logging.WARNING)


def distribution(spec):
    kind = spec["type"]
    if kind == "float":
        return FloatDistribution(spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step"))
    if kind == "int":
        return IntDistribution(spec["low"], spec["high"], log=spec.get("log", False), step=spec.get("step", 1))
    return CategoricalDistribution(spec["choices"])


def propose(mpe_below, mpe_above, name, candidates):
    """PROPOSALS times what sample_independent does after fitting: draw the candidates from the good estimator
    and keep the one of largest log l - log g (TPESampler._compare, the first on ties); batched, so that the
    estimators score many groups of candidates at once."""
    rng = np.random.RandomState(1)
    out = []
    for _ in range(PROPOSALS // 500):
        samples = mpe_below.sample(rng, 500 * candidates)[name]
        score = mpe_below.log_pdf({name: samples}) - mpe_above.log_pdf({name: samples})
        best = np.argmax(score.reshape(500, candidates), axis=1)
        out.extend(samples.reshape(500, candidates)[np.arange(500), best])
    return np.asarray(out)


def run(case):
    dist = distribution(case["distribution"])
    name = case["param"]
    sampler = optuna.samplers.TPESampler(seed=0)
    study = optuna.create_study(direction=case["direction"], sampler=sampler)
    for t in case["trials"]:
        internal = t["params"][name]
        study.add_trial(optuna.trial.create_trial(params={name: dist.to_external_repr(internal)},
                                                  distributions={name: dist}, value=t["value"]))
    # as TPESampler.sample_independent does it
    values, scores, violations = _get_observation_pairs(study, [name], False, False)
    n = sum(s < float("inf") for s, v in scores)
    indices_below, indices_above = _split_observation_pairs(scores, sampler._gamma(n), violations)
    config_value = np.asarray(values[name], dtype=float)
    below = {name: config_value[indices_below]}
    above = {name: config_value[indices_above]}
    params = sampler._parzen_estimator_parameters
    mpe_below = _ParzenEstimator(below, {name: dist}, params)
    mpe_above = _ParzenEstimator(above, {name: dist}, params)
    draws = mpe_below.sample(np.random.RandomState(0), DRAWS)[name]
    if not isinstance(dist, CategoricalDistribution):
        draws = np.asarray([dist.to_internal_repr(dist.to_external_repr(v)) for v in draws])
    proposals = propose(mpe_below, mpe_above, name, sampler._n_ei_candidates)
    if not isinstance(dist, CategoricalDistribution):
        proposals = np.asarray([dist.to_internal_repr(dist.to_external_repr(v)) for v in proposals])
    points = np.asarray(case["points"], dtype=int if isinstance(dist, CategoricalDistribution) else float)
    return {"below": below[name].tolist(), "above": above[name].tolist(),
            "log_l": mpe_below.log_pdf({name: points}).tolist(),
            "log_g": mpe_above.log_pdf({name: points}).tolist(), "draws": np.sort(draws).astype(float).tolist(),
            "proposals": np.sort(proposals).astype(float).tolist()}


def main():
    request = json.load(sys.stdin)
    json.dump({"optuna_version": optuna.__version__, "cases": [run(c) for c in request["cases"]]}, sys.stdout)


if __name__ == "__main__":
    main()
