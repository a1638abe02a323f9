#!/usr/bin/env python3
"""Optuna's storage overhead per trial and its time to load a large study: the baseline of `tunebook bench storage`.

The objective is optuna_common.objective (5 floats, 1 int, 1 categorical, nothing else), run by a seeded
RandomSampler on one thread with Optuna's logging silenced, in an RDBStorage:

  sqlite      a new SQLite file per repeat (sqlite:///FILE), deleted afterwards;
  postgresql  a new database per repeat, created with --pg-url's server and user (via SQLAlchemy and
              psycopg2) and dropped afterwards.

Making the storage (which creates Optuna's tables) is not timed; creating the study and running the trials is.
Each backend runs --warmup trials first, unmeasured, then --repeats studies of --trials trials; the median
milliseconds per trial is reported.

With --load-url and --load-study, also times optuna.load_study(...) followed by study.get_trials() on that
existing study, each time with a new storage object: the first time in this process, then --load-repeats
more times (median reported).

Prints one JSON object on stdout, e.g.
  {"framework": "optuna", "optuna_version": "3.1.0", "python_version": "3.11.2", "sqlalchemy_version": "1.4.46",
   "seed": 42, "repeats": 3, "results": {"sqlite": {"trials": 200, "ms_per_trial": 71.3, "runs": [...]}},
   "load": {"trials": 10000, "first_s": 3.1, "warm_s": 2.9, "warm_runs": [...]}}

Usage: python3 optuna_storage.py [--backends sqlite,postgresql] [--trials 200] [--repeats 3] [--seed 42]
         [--warmup 20] [--dir DIR] [--pg-url postgresql://USER:PASSWORD@HOST:PORT/DB]
         [--load-url sqlite:///FILE --load-study NAME] [--load-repeats 3]
"""

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time

import optuna
import sqlalchemy
import sqlalchemy.exc
from sqlalchemy.engine import make_url

from optuna_common import objective


def dispose(storage):
    """Closes an RDBStorage's connections (it may be wrapped in Optuna's _CachedStorage)."""
    backend = getattr(storage, "_backend", storage)
    remove = getattr(backend, "remove_session", None)
    if remove is not None:
        remove()
    engine = getattr(backend, "engine", None)
    if engine is not None:
        engine.dispose()


class SqliteFiles:
    """A new SQLite file per study, in a folder of its own."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    def fresh(self):
        self.count += 1
        path = os.path.join(self.folder, "optuna-bench-%d-%d.db" % (os.getpid(), self.count))
        return "sqlite:///" + path, path

    def drop(self, path):
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


class PostgresDatabases:
    """A new database per study on the server of an administrative URL whose user may CREATE DATABASE."""

    def __init__(self, admin_url):
        self.admin_url = make_url(admin_url)
        self.engine = sqlalchemy.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.count = 0

    def fresh(self):
        self.count += 1
        name = "tb_optuna_%d_%d" % (os.getpid(), self.count)
        with self.engine.connect() as c:
            c.execute(sqlalchemy.text("CREATE DATABASE " + name))
        return self.admin_url.set(database=name).render_as_string(hide_password=False), name

    def drop(self, name):
        # PostgreSQL counts a database in use for a moment after its last connection closes (or while autovacuum
        # visits it); DROP ... WITH (FORCE) needs rights the user may lack, so retry for a few seconds instead.
        for attempt in range(50):
            try:
                with self.engine.connect() as c:
                    c.execute(sqlalchemy.text("DROP DATABASE IF EXISTS " + name))
                return
            except sqlalchemy.exc.OperationalError as e:
                if getattr(e.orig, "pgcode", None) != "55006" or attempt == 49:
                    raise
                time.sleep(0.1)


def run_study(places, trials, seed):
    """Milliseconds per trial of creating a study in a fresh storage and running `trials` trials in it."""
    url, handle = places.fresh()
    try:
        storage = optuna.storages.RDBStorage(url)  # creates Optuna's tables; not timed
        gc.collect()
        start = time.perf_counter()
        study = optuna.create_study(storage=storage, study_name="storage-bench",
                                    sampler=optuna.samplers.RandomSampler(seed=seed))
        study.optimize(objective, n_trials=trials, n_jobs=1)
        elapsed = time.perf_counter() - start
        complete = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
        if complete != trials:
            raise RuntimeError(f"only {complete} of {trials} trials completed")
        dispose(storage)
        return elapsed * 1000 / trials
    finally:
        places.drop(handle)


def load_once(url, name):
    """Seconds to load an existing study with a new storage object and read all its trials, and their count."""
    start = time.perf_counter()
    study = optuna.load_study(study_name=name, storage=url)
    trials = study.get_trials(deepcopy=False)
    elapsed = time.perf_counter() - start
    dispose(study._storage)
    return elapsed, len(trials)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--trials", type=int, default=200, help="trials per study")
    parser.add_argument("--repeats", type=int, default=3, help="studies per backend")
    parser.add_argument("--seed", type=int, default=42, help="sampler seed")
    parser.add_argument("--warmup", type=int, default=20, help="trials run first on each backend, not measured")
    parser.add_argument("--dir", help="folder for the SQLite files (default: a new temporary folder)")
    parser.add_argument("--pg-url", default="postgresql://tunebook:tunebook@127.0.0.1:5432/tunebook",
                        help="SQLAlchemy URL of a PostgreSQL database whose user may create databases")
    parser.add_argument("--load-url", help="SQLAlchemy URL of a storage holding --load-study")
    parser.add_argument("--load-study", help="name of the study to load")
    parser.add_argument("--load-repeats", type=int, default=3, help="loads after the first")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = [b for b in backends if b not in ("sqlite", "postgresql")]
    if unknown:
        parser.error("unknown backend(s): " + ", ".join(unknown))
    if args.trials < 1 or args.repeats < 1 or args.warmup < 0 or args.load_repeats < 1:
        parser.error("--trials, --repeats and --load-repeats must be at least 1, --warmup at least 0")
    if (args.load_url is None) != (args.load_study is None):
        parser.error("--load-url and --load-study go together")

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    output = {
        "framework": "optuna",
        "optuna_version": optuna.__version__,
        "python_version": platform.python_version(),
        "sqlalchemy_version": sqlalchemy.__version__,
        "seed": args.seed,
        "repeats": args.repeats,
        "results": {},
    }

    if args.load_url is not None:
        first, count = load_once(args.load_url, args.load_study)
        warm = [load_once(args.load_url, args.load_study)[0] for _ in range(args.load_repeats)]
        output["load"] = {"trials": count, "first_s": first, "warm_s": statistics.median(warm), "warm_runs": warm}

    with tempfile.TemporaryDirectory(prefix="optuna-bench-", dir=args.dir) as folder:
        for backend in backends:
            places = SqliteFiles(folder) if backend == "sqlite" else PostgresDatabases(args.pg_url)
            if args.warmup > 0:
                run_study(places, args.warmup, args.seed)
            runs = [run_study(places, args.trials, args.seed) for _ in range(args.repeats)]
            output["results"][backend] = {"trials": args.trials, "ms_per_trial": statistics.median(runs),
                                          "runs": runs}

    json.dump(output, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
