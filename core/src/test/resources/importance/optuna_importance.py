"""Python Optuna's side of tunebook's importance agreement test.

Usage: optuna_importance.py STORAGE_URL STUDY [EVALUATOR]
Prints the study's parameter importances as a JSON object, most important first, as computed by
optuna.importance.get_param_importances with EVALUATOR: "fanova" (the default) or "mdi", seeded.
"""
import json
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def main():
    url, name = sys.argv[1], sys.argv[2]
    kind = sys.argv[3] if len(sys.argv) > 3 else "fanova"
    study = optuna.load_study(study_name=name, storage=url)
    if kind == "fanova":
        evaluator = optuna.importance.FanovaImportanceEvaluator(seed=0)
    elif kind == "mdi":
        evaluator = optuna.importance.MeanDecreaseImpurityImportanceEvaluator(seed=0)
    else:
        raise SystemExit("unknown evaluator " + kind)
    importances = optuna.importance.get_param_importances(study, evaluator=evaluator)
    print(json.dumps([[k, v] for k, v in importances.items()]))


if __name__ == "__main__":
    main()
