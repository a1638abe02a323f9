"""What tunebook's Optuna benchmark scripts share: the trivial objective and the samplers by name.

tunebook ships these scripts inside its jar and writes them together into one temporary folder to run
them, so the scripts import this module from their own folder (Python puts a script's folder first on
sys.path). Run by hand from the source tree the same way: python3 core/src/main/resources/org/tunebook/bench/X.py
"""

import warnings

import optuna


def objective(trial):
    """Asks for 5 floats, 1 int and 1 categorical and does nothing else: the framework's overhead.

    The twin of org.tunebook.bench.SamplerOverhead.OBJECTIVE (same names, ranges and order)."""
    x0 = trial.suggest_float("x0", -10, 10)
    x1 = trial.suggest_float("x1", -10, 10)
    x2 = trial.suggest_float("x2", -10, 10)
    x3 = trial.suggest_float("x3", -10, 10)
    x4 = trial.suggest_float("x4", -10, 10)
    n = trial.suggest_int("n", 1, 10)
    c = trial.suggest_categorical("c", ["a", "b", "c"])
    return x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + n + (0 if c == "a" else 1)


class Unavailable(Exception):
    """This Optuna cannot make the sampler; the message says why."""


def _gp(seed):
    if not hasattr(optuna.samplers, "GPSampler"):
        raise Unavailable(f"Optuna {optuna.__version__} has no Gaussian-process sampler (GPSampler came in Optuna 3.6)")
    return optuna.samplers.GPSampler(seed=seed)


# The twins of org.tunebook.bench.SamplerBenchmarks.samplers(), by the same names.
SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "qmc": lambda seed: optuna.samplers.QMCSampler(seed=seed, scramble=True),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe-multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "gp": _gp,
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
    "nsga2": lambda seed: optuna.samplers.NSGAIISampler(seed=seed),
}


def why_unavailable(name):
    """Why this Optuna cannot run the sampler called `name`, or None if it can."""
    if name not in SAMPLERS:
        return f"no Optuna twin for the sampler '{name}'"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            SAMPLERS[name](0)
    except Unavailable as e:
        return str(e)
    except AttributeError as e:
        return f"Optuna {optuna.__version__} has no {name} sampler ({e})"
    except ImportError as e:
        return f"Optuna's {name} sampler needs a Python package that is missing ({e})"
    return None


def quiet():
    """Silences Optuna's per-trial log lines and its warnings about experimental features."""
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
