#!/usr/bin/env python3
"""Reference values for the Measure estimators (Kaplan-Meier, Wilson, Newcombe,
log-rank, Holm, Benjamini-Hochberg, inverse normal, chi-square(1) tail).

Run from anywhere:  python3 Fixtures/oracle/make_oracle.py
Writes estimators.json next to this script. The Swift tests in
Tests/MeasureTests read that JSON; they never run Python.

Conventions recorded here are lifelines' (KaplanMeierFitter defaults):
- survival table over every distinct observed time (events before censorings at a tie);
- Greenwood variance Var S(t) = S(t)^2 * sum d/(n(n-d)), a term with n == d counted as 0;
- log-log ("exponential Greenwood") pointwise band, filled with 1.0 where S == 1;
- median = qth_survival_time(0.5): smallest t with S(t) <= 0.5, inf (-> null) if never;
- median CI = median_survival_times(confidence_interval_): the same rule applied to the
  lower and upper band curves;
- p75 / p90 of time-to-event = qth_survival_time(0.25) / (0.10).
One deliberate exception: lifelines computes S as exp(cumsum(log(1 - d/n))), so a step
that is exactly a threshold in theory (S = 0.75 here) can come out one ulp above it and
the quantile jumps to the next time. The "median"/"p75"/"p90"/"p25" fields hold the
exact-arithmetic answer (checked with fractions below); any case where lifelines differed
is listed under "lifelines_disagreements" with lifelines' value.
Non-finite values (inf) are written as null.

Saksgang's Kaplan-Meier now follows R's survival package (make_survival_oracle.R and
survival_r.json are its oracle): quantiles take the midpoint where the curve is flat at the
threshold, and there is no log-log interval where S is 0 or 1. The quantile and band fields
written here keep lifelines' conventions as a reference; KaplanMeierOracleTests compares
only the fields on which the two agree and says which it skips.
"""
import json
import math
import os
import sys
import warnings
from fractions import Fraction

import lifelines
import numpy as np
import pandas as pd
import scipy
import statsmodels
from lifelines import KaplanMeierFitter
from lifelines.statistics import logrank_test
from lifelines.utils import median_survival_times, qth_survival_time
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

SEED = 20240917


def finite(x):
    x = float(x)
    return x if math.isfinite(x) else None


def samples():
    rng = np.random.default_rng(SEED)
    out = []

    def add(name, times, events, note):
        out.append({"name": name, "note": note,
                    "times": [float(t) for t in times],
                    "events": [bool(e) for e in events]})

    add("ties_events_and_censorings",
        [1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6, 8],
        [1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0],
        "events and censorings at the same times; events happen first")
    add("all_censored", [2, 3, 5, 7, 11], [0, 0, 0, 0, 0], "no events: S = 1 throughout")
    add("no_censoring", [3, 1, 4, 1, 5, 9, 2, 6], [1] * 8, "all events; curve reaches 0")
    add("never_half",
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        [1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0],
        "heavy censoring after few events: S never reaches 0.5, median is None")
    add("exact_half", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        "no censoring, n = 10: S(5) is exactly 0.5 so the median is 5")
    add("exact_half_tied", [3, 3, 3, 3, 3, 7, 7, 8, 9, 12], [1, 1, 1, 1, 1, 0, 1, 1, 0, 1],
        "five tied events out of ten at t = 3: S(3) = 0.5 exactly")
    add("single_event", [4], [1], "one observation, an event")
    add("single_censored", [4], [0], "one observation, censored")
    # Real use: integer working-day durations from the day of knowledge (0 = same day).
    d = rng.geometric(0.35, size=60) - 1
    c = rng.random(60) < 0.2
    add("working_days_small", d, ~c, "integer working days from 0, many ties, 20% censored")
    d = rng.poisson(6, size=200)
    cens_at = rng.integers(0, 25, size=200)
    ev = d <= cens_at
    add("working_days_200", np.minimum(d, cens_at), ev,
        "n = 200 integer working days, random censoring at export time")
    t = rng.exponential(10.0, size=80)
    cens = rng.exponential(4.0, size=80)
    add("heavy_censoring", np.round(np.minimum(t, cens), 3), t <= cens,
        "about 70% censored, continuous times")
    t = rng.weibull(1.5, size=200) * 30.0
    cens = rng.uniform(0, 80, size=200)
    add("random_200", np.round(np.minimum(t, cens), 4), t <= cens,
        "n = 200 continuous Weibull times, uniform censoring")
    add("zero_time_events", [0, 0, 0, 1, 1, 2, 3, 3, 4, 10], [1, 1, 0, 1, 1, 0, 1, 0, 1, 0],
        "events on the day of knowledge (duration 0)")
    add("last_is_event_small", [1, 2, 2, 3], [0, 1, 0, 1],
        "small sample; last at risk has the event so S drops to 0")
    return out


QUERY_OFFSETS = [-1.0, 0.0, 0.5, 1.0, 2.5, 7.0, 30.0, 90.0, 180.0, 1e6]


def km_result(sample, level):
    kmf = KaplanMeierFitter(alpha=1 - level)
    kmf.fit(sample["times"], event_observed=sample["events"])
    sf = kmf.survival_function_.iloc[:, 0]
    ci = kmf.confidence_interval_
    lower, upper = ci.iloc[:, 0], ci.iloc[:, 1]
    et = kmf.event_table
    cum_sq = kmf._cumulative_sq_
    table = []
    for t in sf.index:
        s = float(sf.loc[t])
        table.append({
            "time": float(t),
            "at_risk": int(et.loc[t, "at_risk"]),
            "events": int(et.loc[t, "observed"]),
            "censored": int(et.loc[t, "censored"]),
            "survival": s,
            "variance": finite(s * s * float(cum_sq.loc[t])),
            "lower": float(lower.loc[t]),
            "upper": float(upper.loc[t]),
        })
    mci = median_survival_times(ci)
    queries = []
    for q in QUERY_OFFSETS:
        # Step-function lookup: the row of the last timeline point <= q (S = 1 before the first).
        idx = sf.index[sf.index <= q]
        if len(idx) == 0:
            s, lo, up = 1.0, 1.0, 1.0
        else:
            k = idx.max()
            s, lo, up = float(sf.loc[k]), float(lower.loc[k]), float(upper.loc[k])
        s_pred = float(kmf.predict(q)) if q >= 0 else 1.0
        assert abs(s - s_pred) < 1e-12, (sample["name"], q, s, s_pred)
        queries.append({"time": q, "survival": s, "lower": lo, "upper": up})
    return {
        "level": level,
        "count": int(len(sample["times"])),
        "events": int(sum(sample["events"])),
        "table": table,
        "median": finite(kmf.median_survival_time_),
        "median_lower": finite(mci.iloc[0, 0]),
        "median_upper": finite(mci.iloc[0, 1]),
        "p75": finite(qth_survival_time(0.25, sf)),
        "p90": finite(qth_survival_time(0.10, sf)),
        "p25": finite(qth_survival_time(0.75, sf)),
        "queries": queries,
    }


def exact_quantile(sample, share_left):
    """Smallest t with S(t) <= share_left, in exact rational arithmetic (None if never).

    lifelines computes S as exp(cumsum(log)), so a step that is exactly 0.5 in theory
    could land one ulp either side; this cross-check shows it did not in these samples."""
    pairs = sorted(zip(sample["times"], sample["events"]))
    n = len(pairs)
    s = Fraction(1)
    i = 0
    while i < n:
        t = pairs[i][0]
        d = sum(1 for tt, e in pairs if tt == t and e)
        removed = sum(1 for tt, _ in pairs if tt == t)
        at_risk = n - i
        if d:
            s *= Fraction(at_risk - d, at_risk)
            if s <= share_left:
                return t
        i += removed
    return None


def main():
    smp = samples()
    by_name = {s["name"]: s for s in smp}
    km = []
    for s in smp:
        entry = dict(s)
        entry["results"] = [km_result(s, 0.95), km_result(s, 0.90)]
        for r in entry["results"]:
            r["lifelines_disagreements"] = []
            sf = {row["time"]: row["survival"] for row in r["table"]}
            for key, left in (("median", Fraction(1, 2)), ("p75", Fraction(1, 4)),
                              ("p90", Fraction(1, 10)), ("p25", Fraction(3, 4))):
                exact = exact_quantile(s, left)
                if exact != r[key]:
                    # Only a rounding artifact is tolerated: lifelines' S at the exact
                    # answer must be within 1e-12 of the threshold.
                    assert abs(sf[exact] - float(left)) < 1e-12, (s["name"], key)
                    r["lifelines_disagreements"].append(
                        {"statistic": key, "lifelines": r[key], "exact": exact,
                         "lifelines_survival_at_exact": sf[exact]})
                    r[key] = exact
        km.append(entry)

    pairs = [("working_days_small", "working_days_200"),
             ("heavy_censoring", "random_200"),
             ("ties_events_and_censorings", "no_censoring"),
             ("all_censored", "no_censoring"),
             ("zero_time_events", "ties_events_and_censorings"),
             ("random_200", "random_200"),
             ("exact_half", "exact_half_tied")]
    logrank = []
    for a, b in pairs:
        A, B = by_name[a], by_name[b]
        r = logrank_test(A["times"], B["times"], event_observed_A=A["events"],
                         event_observed_B=B["events"])
        logrank.append({"a": a, "b": b, "statistic": float(r.test_statistic),
                        "p_value": float(r.p_value)})

    wilson = []
    for x, n in [(0, 10), (10, 10), (3, 10), (1, 1), (0, 1), (50, 200), (7, 13), (1, 3),
                 (499, 1000), (2, 5000)]:
        for level in (0.95, 0.90, 0.99):
            lo, up = proportion_confint(x, n, alpha=1 - level, method="wilson")
            wilson.append({"successes": x, "total": n, "level": level,
                           "estimate": x / n, "lower": float(lo), "upper": float(up)})

    newcombe = []
    for x1, n1, x2, n2 in [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29),
                           (0, 10, 0, 20), (10, 10, 0, 12), (3, 10, 7, 13), (120, 400, 90, 410)]:
        for level in (0.95, 0.90):
            lo, up = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb",
                                                compare="diff", alpha=1 - level)
            newcombe.append({"successes1": x1, "total1": n1, "successes2": x2, "total2": n2,
                             "level": level, "difference": x1 / n1 - x2 / n2,
                             "lower": float(lo), "upper": float(up)})

    rng = np.random.default_rng(SEED + 1)
    pvector_sets = [
        [0.01, 0.04, 0.03, 0.005],
        [0.5],
        [0.01, 0.01, 0.02, 0.02, 0.9, 1.0],
        [0.2, 0.0001, 0.04, 0.04, 0.3, 0.049, 0.8],
        [0.0, 1.0, 0.5],
        [float(p) for p in np.round(rng.uniform(0, 0.2, size=25), 6)],
    ]
    multiple = []
    for pv in pvector_sets:
        holm = multipletests(pv, method="holm")[1]
        bh = multipletests(pv, method="fdr_bh")[1]
        multiple.append({"p_values": pv, "holm": [float(v) for v in holm],
                         "benjamini_hochberg": [float(v) for v in bh]})

    ppf_ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.25,
              0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.97575, 0.99, 0.995, 0.999, 1 - 1e-5,
              1 - 1e-10, 1 - 1e-15]
    inverse_normal = [{"p": p, "x": float(stats.norm.ppf(p))} for p in ppf_ps]
    chi2_xs = [0.0, 1e-8, 0.01, 0.5, 1.0, 2.0, 3.841458820694124, 6.634896601021214, 10.0,
               25.0, 100.0, 500.0]
    chi_square_1 = [{"x": x, "sf": float(stats.chi2.sf(x, 1))} for x in chi2_xs]

    doc = {
        "generated_by": "Fixtures/oracle/make_oracle.py",
        "seed": SEED,
        "versions": {"python": sys.version.split()[0], "lifelines": lifelines.__version__,
                     "statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
                     "numpy": np.__version__, "pandas": pd.__version__},
        "kaplan_meier": km,
        "logrank": logrank,
        "wilson": wilson,
        "newcombe": newcombe,
        "multiple_testing": multiple,
        "inverse_normal": inverse_normal,
        "chi_square_1_sf": chi_square_1,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "estimators.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    main()
