"""Prints SciPy's one-sided Wilcoxon signed-rank p-values (zero_method="zsplit") for the cases on stdin.

Input: [{"d": [...], "alternative": "less"|"greater", "method": "auto"|"approx"|"permutation"}, ...]; output:
[p, ...]. "permutation" is the exact sign-flip permutation test on the zsplit rank sum, which current SciPy's
method="auto" uses for up to 13 differences with ties or zeros.
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
from scipy import stats  # noqa: E402


def rank_sum_plus(d, axis=-1):
    r = stats.rankdata(np.abs(d), axis=axis)
    return np.sum((d > 0) * r, axis=axis) + np.sum((d == 0) * r, axis=axis) / 2


def p_value(case):
    d = np.asarray(case["d"], dtype=float)
    if case["method"] == "permutation":
        return stats.permutation_test((d,), rank_sum_plus, permutation_type="samples", vectorized=True,
                                      alternative=case["alternative"], n_resamples=np.inf).pvalue
    return stats.wilcoxon(d, alternative=case["alternative"], zero_method="zsplit", method=case["method"]).pvalue


print(json.dumps([float(p_value(c)) for c in json.load(sys.stdin)]))
