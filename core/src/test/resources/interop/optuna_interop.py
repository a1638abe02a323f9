"""Python Optuna's side of tunebook's interoperability tests.

Usage: optuna_interop.py COMMAND STORAGE_URL [STUDY]
  init   create the (empty) Optuna schema in the storage
  write  write a study with every kind of parameter, value and state (single objective), and
         STUDY + "_mo", a two-objective study
  add    add two trials to STUDY (one enqueued with fixed parameters)
  extend run one trial of STUDY (x in [0, 1]), then enqueue one with x = 0.75 and leave it WAITING
  dump   print STUDY as JSON (floats that JSON cannot hold are written as "nan", "inf", "-inf")
  revision  print the storage's alembic revision
"""
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def encode(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
    if isinstance(v, dict):
        return {k: encode(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    return v


def describe(d):
    if isinstance(d, optuna.distributions.FloatDistribution):
        return {"kind": "float", "low": d.low, "high": d.high, "log": d.log, "step": d.step}
    if isinstance(d, optuna.distributions.IntDistribution):
        return {"kind": "int", "low": d.low, "high": d.high, "log": d.log, "step": d.step}
    return {"kind": "categorical", "choices": list(d.choices)}


def dump(url, name):
    study = optuna.load_study(study_name=name, storage=url)
    trials = []
    for t in study.get_trials(deepcopy=False):
        trials.append({
            "number": t.number,
            "state": t.state.name,
            "values": t.values,
            "params": t.params,
            "distributions": {k: describe(d) for k, d in t.distributions.items()},
            "intermediate": {str(k): v for k, v in t.intermediate_values.items()},
            "user_attrs": t.user_attrs,
            "fail_reason": t.system_attrs.get("fail_reason"),
            "fixed_params": t.system_attrs.get("fixed_params"),
        })
    out = {"directions": [d.name for d in study.directions], "trials": trials,
           "user_attrs": study.user_attrs}
    print(json.dumps(encode(out)))


def write(url, name):
    study = optuna.create_study(study_name=name, storage=url, direction="maximize")
    study.set_user_attr("owner", "python")

    def objective(trial):
        x = trial.suggest_float("x", -1.0, 1.0)
        lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
        q = trial.suggest_float("q", 0.0, 1.0, step=0.25)
        n = trial.suggest_int("n", 1, 9, step=2)
        units = trial.suggest_int("units", 8, 512, log=True)
        act = trial.suggest_categorical("act", ["relu", "tanh", None])
        flag = trial.suggest_categorical("flag", [True, False])
        size = trial.suggest_categorical("size", [16, 32, 64])
        if act == "relu":
            trial.suggest_float("slope", 0.0, 0.3)
        trial.set_user_attr("note", {"list": [1, 2.5, "three"], "nested": {"ok": True}})
        for step, v in enumerate([0.1, float("inf"), float("-inf"), float("nan")]):
            trial.report(v, step)
        if trial.number == 2:
            raise optuna.TrialPruned()
        if trial.number == 3:
            raise ValueError("python failure")
        return x + n + size / 100.0

    study.optimize(objective, n_trials=6, catch=(ValueError,))
    study.enqueue_trial({"x": 0.5, "n": 3})

    mo = optuna.create_study(study_name=name + "_mo", storage=url, directions=["minimize", "maximize"])
    mo.optimize(lambda t: (t.suggest_float("a", 0, 1), t.suggest_float("b", 0, 1)), n_trials=5)


def add(url, name):
    study = optuna.load_study(study_name=name, storage=url)
    study.enqueue_trial({"x": 0.25})

    def simple(trial):
        x = trial.suggest_float("x", -1.0, 1.0)
        return x

    study.optimize(simple, n_trials=2)


def extend(url, name):
    study = optuna.load_study(study_name=name, storage=url)
    study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=1)
    study.enqueue_trial({"x": 0.75})


def revision(url):
    import sqlalchemy
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as c:
        print(c.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")).scalar())


if __name__ == "__main__":
    command, url = sys.argv[1], sys.argv[2]
    study_name = sys.argv[3] if len(sys.argv) > 3 else None
    if command == "init":
        optuna.storages.RDBStorage(url)
    elif command == "write":
        write(url, study_name)
    elif command == "add":
        add(url, study_name)
    elif command == "extend":
        extend(url, study_name)
    elif command == "dump":
        dump(url, study_name)
    elif command == "revision":
        revision(url)
    else:
        sys.exit("unknown command " + command)
