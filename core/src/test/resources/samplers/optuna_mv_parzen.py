"""Python Optuna's side of tunebook's multivariate Parzen agreement test (Debian's python3-optuna 3.1).

Reads one JSON object on stdin: {"cases": [CASE, ...]}, where a CASE is
  {"direction": "minimize" | "maximize", "params": [NAME, ...], "relative": [NAME, ...],
   "distributions": {NAME: {"type": "float" | "int" | "categorical", "low", "high", "log", "step", "choices"}},
   "trials": [{"value": V, "params": {NAME: INTERNAL_VALUE, ...}}, ...],   # COMPLETE trials, in order
   "points": {NAME: [INTERNAL_VALUE, ...]},                  # joint points over the relative space
   "independent": NAME, "independent_points": [INTERNAL_VALUE, ...]}      # optional: a parameter outside it
and prints {"cases": [{"below": {NAME: [...]}, "above": {NAME: [...]}, "log_l": [...], "log_g": [...],
"draws": {NAME: [...]}, "proposals": {NAME: [...]}}, ...]}: the values on each side of the split (internal,
chronological), both joint estimators' log densities at the points, DRAWS joint candidates drawn from the
"good" estimator and PROPOSALS joint proposals for the next trial from independent random states (internal
values, in draw order so that joint statistics can be compared), computed as TPESampler(multivariate=True)
with its defaults computes them in _sample_relative (the same private functions, nothing re-implemented
here). The relative search space is the study's intersection search space, as the sampler infers it; with
"independent", the result also has "independent": {"below", "above", "log_l", "log_g", "proposals"} for that
parameter, as sample_independent of the same sampler computes them.
"""
import json
import sys

import numpy as np

DRAWS = 10000
PROPOSALS = 3000
BATCH = 500
import optuna
from optuna.distributions import CategoricalDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.sampler import _get_observation_pairs, _split_observation_pairs

from optuna_parzen import distribution  # the script beside this one: a distribution from its JSON spec

optuna.logging.set_verbosity(optuna.logging.WARNING)


def internal(dists, samples):
    """Model draws as the values a trial would store: rounded onto the grid, as to_external_repr does."""
    out = {}
    for name, v in samples.items():
        d = dists[name]
        if isinstance(d, CategoricalDistribution):
            out[name] = np.asarray(v, dtype=float).tolist()
        else:
            out[name] = [float(d.to_internal_repr(d.to_external_repr(x))) for x in v]
    return out


def propose(mpe_below, mpe_above, candidates):
    """PROPOSALS times what _sample_relative does after fitting: draw the candidates from the good estimator
    and keep the one of largest log l - log g (TPESampler._compare, the first on ties); batched."""
    rng = np.random.RandomState(1)
    out = {}
    for _ in range(PROPOSALS // BATCH):
        samples = mpe_below.sample(rng, BATCH * candidates)
        score = mpe_below.log_pdf(samples) - mpe_above.log_pdf(samples)
        best = np.argmax(score.reshape(BATCH, candidates), axis=1)
        for name, v in samples.items():
            out.setdefault(name, []).extend(v.reshape(BATCH, candidates)[np.arange(BATCH), best])
    return out


def independent(study, sampler, name, dist, points):
    """What sample_independent does for a parameter outside the relative search space: the split over all
    observations, the ones with the parameter kept, and estimators with the sampler's (multivariate) settings."""
    values, scores, violations = _get_observation_pairs(study, [name], False, False)
    n = sum(s < float("inf") for s, v in scores)
    indices_below, indices_above = _split_observation_pairs(scores, sampler._gamma(n), violations)
    config_value = np.asarray(values[name], dtype=float)
    mask = ~np.isnan(config_value)
    below = {name: config_value[indices_below[mask[indices_below]]]}
    above = {name: config_value[indices_above[mask[indices_above]]]}
    params = sampler._parzen_estimator_parameters
    mpe_below = _ParzenEstimator(below, {name: dist}, params)
    mpe_above = _ParzenEstimator(above, {name: dist}, params)
    at = {name: np.asarray(points, dtype=int if isinstance(dist, CategoricalDistribution) else float)}
    return {"below": below[name].tolist(), "above": above[name].tolist(), "log_l": mpe_below.log_pdf(at).tolist(),
            "log_g": mpe_above.log_pdf(at).tolist(),
            "proposals": internal({name: dist}, propose(mpe_below, mpe_above, sampler._n_ei_candidates))[name]}


def run(case):
    dists = {name: distribution(case["distributions"][name]) for name in case["params"]}
    sampler = optuna.samplers.TPESampler(seed=0, multivariate=True)
    study = optuna.create_study(direction=case["direction"], sampler=sampler)
    for t in case["trials"]:
        study.add_trial(optuna.trial.create_trial(
            params={name: dists[name].to_external_repr(v) for name, v in t["params"].items()},
            distributions={name: dists[name] for name in t["params"]}, value=t["value"]))
    # the relative search space, as infer_relative_search_space gives it
    space = sampler.infer_relative_search_space(study, None)
    assert list(space) == case["relative"], f"relative space {list(space)} != {case['relative']}"
    # as TPESampler._sample_relative does it
    names = list(space)
    values, scores, violations = _get_observation_pairs(study, names, False, False)
    n = sum(s < float("inf") for s, v in scores)
    assert n >= sampler._n_startup_trials
    indices_below, indices_above = _split_observation_pairs(scores, sampler._gamma(n), violations)
    config_values = {k: np.asarray(v, dtype=float) for k, v in values.items()}
    below = {k: v[indices_below] for k, v in config_values.items()}
    above = {k: v[indices_above] for k, v in config_values.items()}
    params = sampler._parzen_estimator_parameters
    assert params.multivariate
    mpe_below = _ParzenEstimator(below, space, params)
    mpe_above = _ParzenEstimator(above, space, params)
    points = {name: np.asarray(case["points"][name],
                               dtype=int if isinstance(dists[name], CategoricalDistribution) else float)
              for name in names}
    draws = mpe_below.sample(np.random.RandomState(0), DRAWS)
    proposals = propose(mpe_below, mpe_above, sampler._n_ei_candidates)
    result = {"below": {k: v.tolist() for k, v in below.items()}, "above": {k: v.tolist() for k, v in above.items()},
              "log_l": mpe_below.log_pdf(points).tolist(), "log_g": mpe_above.log_pdf(points).tolist(),
              "draws": internal(space, draws), "proposals": internal(space, proposals)}
    if "independent" in case:
        name = case["independent"]
        result["independent"] = independent(study, sampler, name, dists[name], case["independent_points"])
    return result


def main():
    request = json.load(sys.stdin)
    json.dump({"optuna_version": optuna.__version__, "cases": [run(c) for c in request["cases"]]}, sys.stdout)


if __name__ == "__main__":
    main()
