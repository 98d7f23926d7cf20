#!/usr/bin/env python3
"""Reference values for the comparison estimators (a group against the reference group).

Run from anywhere:  python3 Fixtures/oracle/make_comparisons_oracle.py
Needs Python statsmodels + scipy and Rscript with the R packages survival, epiR and
jsonlite (Debian: r-cran-survival r-cran-epir r-cran-jsonlite). Writes comparisons.json
next to this script; the Swift tests (Tests/MeasureTests/ComparisonOracleTests.swift)
read that JSON and never run Python or R. The R half is make_comparisons_oracle.R, run
here through subprocess.

Every figure, the tool that computed it and its options:
- share ratio p1/p2 and CI: statsmodels confint_proportions_2indep(count1, nobs1, count2,
  nobs2, compare="ratio", method="log", alpha=1-level); null where either count is 0 or
  either total is 0 (the log interval is undefined; statsmodels gives NaN/0 there).
- Pearson chi-square without continuity correction: scipy chi2_contingency(table,
  correction=False) statistic and p-value (checked here against statsmodels
  proportions_ztest z**2 and p); null when a margin of the table is 0.
- Fisher's exact test, two-sided: scipy fisher_exact(table, alternative="two-sided") and
  R fisher.test(table) (both recorded; they are checked here to agree to 1e-10).
- smallest expected count: scipy.stats.contingency.expected_freq(table).min().
- Cochran-Mantel-Haenszel without continuity correction: statsmodels
  StratifiedTable(tables).test_null_odds(correction=False) and R mantelhaen.test(x,
  correct=FALSE) (checked to agree); null statistic/p where the variance is 0.
- Mantel-Haenszel risk ratio: point estimate statsmodels StratifiedTable.riskratio_pooled;
  estimate and CI R epiR::epi.2by2(method="cohort.count", units=1)$massoc.detail$RR.mh.wald
  (Greenland-Robins variance). Mantel-Haenszel risk difference: epiR ARisk.mh.sato (Sato
  variance). null where epiR's interval is non-finite or degenerate (lower == upper).
  The tools are given the strata with both groups non-empty; the Swift code gets all.
- Kaplan-Meier S(t) and std.err at query times, per group: R summary(survfit(Surv(time,
  event) ~ 1, conf.type="log-log"), times=t, extend=TRUE). Where S(t) = 0, R's std.err is
  NaN (log scale); Greenwood's S^2*sum d/(n(n-d)) with the n == d term counted as 0 (as
  lifelines and our KaplanMeier) gives 0, which is what is recorded (flagged
  "r_std_err_nan").
- Cumulative incidence difference and ratio at t: FORMULA-BASED on R's S and std.err
  above (no tool function compares two curves at a time point):
  F = 1 - S; difference F1 - F0 +- z sqrt(se1^2 + se0^2), null when that variance is 0;
  ratio F1/F0 with exp(log(F1/F0) +- z sqrt((se1/F1)^2 + (se0/F0)^2)), null when F1 or F0
  is 0 or that variance is 0; z = scipy.stats.norm.isf((1-level)/2).
- Log-rank, unstratified and stratified by school: R survdiff(Surv(time, event) ~ group)
  and survdiff(Surv(time, event) ~ group + strata(school)), rho = 0; chisq, p-value
  pchisq(chisq, 1, lower.tail=FALSE), observed and expected events per group summed over
  strata. The unstratified figures also check the existing LogRankTest.
Durations are whole days with many ties; at a tie events precede censorings (survival's
convention). Non-finite values are written as null.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import statsmodels
from scipy import stats
from scipy.stats.contingency import expected_freq
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

SEED = 20250611
LEVELS = [0.95, 0.90]
HERE = os.path.dirname(os.path.abspath(__file__))


def finite(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def close(a, b, tol=1e-12):
    return abs(a - b) <= tol * max(abs(a), abs(b)) + 1e-300


# ---------------------------------------------------------------- shares, two groups
def share_pairs(rng):
    fixed = [
        ("balanced", 30, 100, 20, 100), ("balanced_large", 45, 200, 60, 200),
        ("unbalanced_small_group", 3, 12, 150, 900), ("unbalanced_small_reference", 250, 1000, 7, 40),
        ("zero_in_group", 0, 50, 10, 100), ("zero_in_reference", 10, 100, 0, 50),
        ("zero_in_both", 0, 20, 0, 30), ("all_in_both", 20, 20, 30, 30), ("all_in_group", 5, 5, 3, 10),
        ("group_of_one_success", 1, 1, 40, 100), ("group_of_one_failure", 0, 1, 40, 100),
        ("small_expected", 2, 8, 1, 9), ("small_expected_2", 1, 3, 9, 10), ("separated", 7, 7, 0, 6),
        ("large_counts", 4000, 100000, 3500, 120000), ("rare_in_large", 2, 100000, 9, 150000),
        ("symmetric_fisher", 3, 10, 7, 10), ("equal_shares", 5, 10, 5, 10),
        ("expected_just_five", 5, 10, 5, 10), ("expected_near_five", 10, 20, 1, 10),
        ("empty_group", 0, 0, 5, 10), ("empty_reference", 3, 9, 0, 0),
    ]
    out = [dict(name=n, successes1=a, total1=b, successes2=c, total2=d) for n, a, b, c, d in fixed]
    for i in range(24):
        n1 = int(rng.integers(1, 60 if i % 2 else 3000))
        n2 = int(rng.integers(1, 60 if i % 3 else 3000))
        p1, p2 = rng.uniform(0.02, 0.6, size=2)
        out.append(dict(name=f"random_{i}", successes1=int(rng.binomial(n1, p1)), total1=n1,
                        successes2=int(rng.binomial(n2, p2)), total2=n2))
    return out


def share_figures(pair):
    x1, n1, x2, n2 = pair["successes1"], pair["total1"], pair["successes2"], pair["total2"]
    res = dict(pair)
    res["ratio"] = []
    for level in LEVELS:
        if n1 > 0 and n2 > 0 and x1 > 0 and x2 > 0:
            low, upp = confint_proportions_2indep(x1, n1, x2, n2, compare="ratio", method="log",
                                                  alpha=1 - level)
            res["ratio"].append(dict(level=level, estimate=(x1 / n1) / (x2 / n2),
                                     lower=finite(low), upper=finite(upp)))
        else:
            res["ratio"].append(dict(level=level, estimate=None, lower=None, upper=None))
    table = np.array([[x1, n1 - x1], [x2, n2 - x2]])
    if n1 > 0 and n2 > 0:
        res["smallest_expected"] = float(expected_freq(table).min())
        fisher = stats.fisher_exact(table, alternative="two-sided")
        res["fisher_p_value"] = float(fisher.pvalue)
        if table.sum(axis=0).min() > 0:
            chi = stats.chi2_contingency(table, correction=False)
            z, p = proportions_ztest([x1, x2], [n1, n2])
            assert close(z * z, chi.statistic, 1e-9) and close(p, chi.pvalue, 1e-9), pair
            res["chi_square"] = float(chi.statistic)
            res["chi_square_p_value"] = float(chi.pvalue)
        else:
            res["chi_square"] = None
            res["chi_square_p_value"] = None
    else:
        res["smallest_expected"] = None
        res["fisher_p_value"] = None
        res["chi_square"] = None
        res["chi_square_p_value"] = None
    return res


# ---------------------------------------------------------------- shares by school
def strata_sets(rng):
    sets = []

    def add(name, strata, note):
        sets.append(dict(name=name, note=note, strata=[[int(v) for v in s] for s in strata]))

    # [successes, total, reference successes, reference total] per school.
    add("simpson", [[160, 200, 40, 50], [10, 50, 40, 200]],
        "pooled 68% vs 32%; within each school identical shares (80%, 20%)")
    add("simpson_three_schools", [[90, 100, 9, 10], [5, 10, 50, 100], [30, 60, 30, 60]],
        "pooled difference large, none within schools")
    add("consistent_effect", [[30, 100, 20, 100], [15, 40, 10, 60], [8, 20, 4, 25]],
        "a difference in every school")
    add("tiny_strata", [[1, 1, 0, 1], [0, 1, 1, 2], [1, 2, 0, 1], [2, 3, 1, 3], [0, 1, 0, 1]],
        "schools of two to six pupils")
    add("empty_groups_in_strata",
        [[3, 10, 2, 12], [0, 0, 4, 9], [5, 7, 0, 0], [0, 0, 0, 0], [6, 15, 3, 14], [1, 1, 0, 0]],
        "schools where the group or the reference (or both) is empty contribute nothing")
    add("column_zero_strata", [[0, 5, 0, 6], [4, 4, 7, 7], [3, 9, 1, 8], [2, 6, 4, 10]],
        "schools where nobody or everybody had the outcome")
    add("no_successes_in_reference", [[3, 10, 0, 12], [2, 8, 0, 9]],
        "ratio undefined (reference has none)")
    add("no_successes_anywhere", [[0, 10, 0, 12], [0, 8, 0, 9]],
        "no outcome at all: no test, no interval")
    add("everyone_everywhere", [[10, 10, 12, 12], [8, 8, 9, 9]],
        "everyone had the outcome: degenerate")
    add("few_large", [[400, 2000, 300, 2500], [1200, 5000, 900, 3000]], "two large schools")
    for i in range(4):
        k = int(rng.integers(5, 25))
        strata = []
        for _ in range(k):
            n1 = int(rng.integers(0, 12))
            n0 = int(rng.integers(1, 30))
            base = rng.uniform(0.05, 0.7)
            strata.append([int(rng.binomial(n1, min(base * 1.3, 1))), n1, int(rng.binomial(n0, base)), n0])
        add(f"random_{i}", strata, "seeded random schools")
    return sets


def stratified_python(set_):
    usable = [s for s in set_["strata"] if s[1] > 0 and s[3] > 0]
    tables = np.array([[[a, n1 - a], [c, n0 - c]] for a, n1, c, n0 in usable], dtype=float)
    st = StratifiedTable(tables.transpose(1, 2, 0))
    with np.errstate(all="ignore"):
        test = st.test_null_odds(correction=False)
        rr_point = st.riskratio_pooled
    return dict(strata_used=len(usable), cmh_statistic=finite(test.statistic),
                cmh_p_value=finite(test.pvalue), riskratio_pooled=finite(rr_point))


# ---------------------------------------------------------------- curves
def curve_sets(rng):
    sets = []

    def add(name, time, event, group, school, queries, note):
        sets.append(dict(name=name, note=note, time=[float(t) for t in time],
                         event=[int(bool(e)) for e in event], group=[int(g) for g in group],
                         school=[int(s) for s in school], queries=[float(q) for q in queries]))

    def draw(n, scale, censor_p, max_day=None):
        t = rng.geometric(1 / scale, size=n) - 1
        e = rng.uniform(size=n) >= censor_p
        if max_day is not None:   # administrative censoring at the end of follow-up
            e = e & (t <= max_day)
            t = np.minimum(t, max_day)
        return t, e

    queries = [0, 1, 2, 3, 7, 14, 30, 90, 180, 1000]
    # Balanced, ties.
    t1, e1 = draw(80, 6, 0.2); t0, e0 = draw(80, 9, 0.2)
    add("balanced_ties", np.r_[t1, t0], np.r_[e1, e0], [1] * 80 + [0] * 80,
        rng.integers(0, 4, 160), queries, "two groups of 80, whole days, many ties")
    # Unbalanced.
    t1, e1 = draw(15, 4, 0.3); t0, e0 = draw(400, 7, 0.3)
    add("unbalanced", np.r_[t1, t0], np.r_[e1, e0], [1] * 15 + [0] * 400,
        rng.integers(0, 6, 415), queries, "15 against 400")
    # Heavy censoring.
    t1, e1 = draw(120, 10, 0.75, 60); t0, e0 = draw(150, 12, 0.8, 60)
    add("heavy_censoring", np.r_[t1, t0], np.r_[e1, e0], [1] * 120 + [0] * 150,
        rng.integers(0, 8, 270), queries, "three in four censored, follow-up ends day 60")
    # Group of one.
    t0, e0 = draw(60, 5, 0.2)
    add("group_of_one", np.r_[[3], t0], np.r_[[1], e0], [1] + [0] * 60,
        [0] + list(rng.integers(0, 3, 60)), [0, 2, 3, 4, 10, 100], "one pupil in the group")
    # Nobody in the group has the event: S = 1, ratio undefined.
    t0, e0 = draw(40, 5, 0.2)
    add("no_events_in_group", np.r_[[2, 5, 9, 9], t0], np.r_[[0, 0, 0, 0], e0], [1] * 4 + [0] * 40,
        [0, 1, 0, 1] + list(rng.integers(0, 2, 40)), [0, 1, 5, 10, 50], "group never has the event")
    # Curves that reach 0 (everyone left has the event).
    add("curves_reach_zero", [1, 2, 2, 3, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 0, 1, 1, 1],
        [1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 0, 1, 1, 0, 0, 1, 1, 1], [0, 1, 2, 3, 4, 5, 6],
        "S drops to 0 in both groups")
    # Simpson's paradox: school 0 responds fast, school 1 slowly; the group is mostly in
    # school 1; within each school the curves are alike.
    fast_t, fast_e = draw(200, 2, 0.1); slow_t, slow_e = draw(200, 20, 0.1)
    groups = [1] * 30 + [0] * 170 + [1] * 170 + [0] * 30
    add("simpson", np.r_[fast_t, slow_t], np.r_[fast_e, slow_e], groups, [0] * 200 + [1] * 200,
        [0, 1, 3, 7, 30, 90], "pooled curves differ, within schools alike")
    # Tiny strata, and schools with one group only.
    time = [1, 2, 2, 3, 1, 4, 2, 2, 5, 6, 1, 3, 3, 3, 2]
    event = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1]
    group = [1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0]
    school = [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6]
    add("tiny_strata", time, event, group, school, [0, 1, 2, 3, 4, 6, 7],
        "schools of one to three pupils; schools 3 and 6 have one group only")
    # Many schools, seeded.
    n = 600
    g = rng.integers(0, 2, n); s = rng.integers(0, 25, n)
    t = rng.geometric(1 / (4 + s / 3 + 2 * g)) - 1
    e = rng.uniform(size=n) >= 0.35
    add("many_schools", t, e, g, s, queries, "25 schools, hazard varies by school and group")
    return sets


def curve_python(set_, r_curve):
    out = dict(name=set_["name"], note=set_["note"], time=set_["time"], event=set_["event"],
               group=set_["group"], school=set_["school"], queries=[])
    as_list = lambda v: v if isinstance(v, list) else [v]
    g, r = r_curve["group"], r_curve["reference"]
    gt, gs, ge = as_list(g["time"]), as_list(g["surv"]), as_list(g["std_err"])
    rt, rs, re_ = as_list(r["time"]), as_list(r["surv"]), as_list(r["std_err"])
    for i, q in enumerate(set_["queries"]):
        assert gt[i] == q and rt[i] == q
        row = dict(time=q, survival=gs[i], survival_reference=rs[i],
                   std_err=ge[i], std_err_reference=re_[i], r_std_err_nan=False)
        for key, s in (("std_err", gs[i]), ("std_err_reference", rs[i])):
            if row[key] is None:
                assert s == 0, (set_["name"], q)   # R: NaN only where S = 0
                row[key] = 0.0
                row["r_std_err_nan"] = True
        f1, f0 = 1 - row["survival"], 1 - row["survival_reference"]
        se1, se0 = row["std_err"], row["std_err_reference"]
        row["by_level"] = []
        for level in LEVELS:
            z = stats.norm.isf((1 - level) / 2)
            var = se1 * se1 + se0 * se0
            diff = [f1 - f0, f1 - f0 - z * math.sqrt(var), f1 - f0 + z * math.sqrt(var)] if var > 0 else None
            ratio = None
            if f1 > 0 and f0 > 0:
                lvar = (se1 / f1) ** 2 + (se0 / f0) ** 2
                if lvar > 0:
                    rr = f1 / f0
                    ratio = [rr, math.exp(math.log(rr) - z * math.sqrt(lvar)),
                             math.exp(math.log(rr) + z * math.sqrt(lvar))]
            row["by_level"].append(dict(level=level, difference=diff, ratio=ratio))
        out["queries"].append(row)
    for key in ("logrank", "stratified_logrank"):
        lr = r_curve[key]
        out[key] = dict(statistic=lr["chisq"], p_value=lr["p_value"],
                        observed=lr["observed"][0], expected=lr["expected"][0],
                        observed_reference=lr["observed"][1], expected_reference=lr["expected"][1])
    return out


def main():
    rng = np.random.default_rng(SEED)
    pairs = [share_figures(p) for p in share_pairs(rng)]
    sets = strata_sets(rng)
    curves = curve_sets(rng)
    fisher_tables = [[p["successes1"], p["total1"] - p["successes1"],
                      p["successes2"], p["total2"] - p["successes2"]]
                     for p in pairs if p["total1"] > 0 and p["total2"] > 0]
    r_input = dict(level=0.95, fisher=fisher_tables,
                   stratified=[dict(strata=s["strata"]) for s in sets],
                   curves=[dict(time=c["time"], event=c["event"], group=c["group"],
                                school=c["school"], queries=c["queries"]) for c in curves])
    with tempfile.TemporaryDirectory() as tmp:
        inp, outp = os.path.join(tmp, "in.json"), os.path.join(tmp, "out.json")
        with open(inp, "w") as f:
            json.dump(r_input, f)
        done = subprocess.run(["Rscript", os.path.join(HERE, "make_comparisons_oracle.R"), inp, outp],
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit("Rscript failed:\n" + done.stderr)
        with open(outp) as f:
            r = json.load(f)

    # Fisher: scipy and R must agree.
    k = 0
    for p in pairs:
        if p["total1"] > 0 and p["total2"] > 0:
            p["fisher_p_value_r"] = r["fisher"][k]["p_value"]
            assert close(p["fisher_p_value"], p["fisher_p_value_r"], 1e-10), p
            k += 1
        else:
            p["fisher_p_value_r"] = None

    stratified = []
    for s, rs in zip(sets, r["stratified"]):
        py = stratified_python(s)
        if py["cmh_statistic"] is not None:
            assert close(py["cmh_statistic"], rs["cmh_statistic"], 1e-12), s["name"]
            assert close(py["cmh_p_value"], rs["cmh_p_value"], 1e-12), s["name"]
        rr = rs["rr"] if isinstance(rs["rr"], list) and len(rs["rr"]) == 3 else None
        rd = rs["rd"] if isinstance(rs["rd"], list) and len(rs["rd"]) == 3 else None
        if rr is not None and (rr[1] == rr[2]):
            rr = None
        if rd is not None and (rd[1] == rd[2]):
            rd = None
        if rr is not None:
            assert close(rr[0], py["riskratio_pooled"], 1e-12), s["name"]
        stratified.append(dict(s, **py, risk_ratio=rr, risk_difference=rd))

    curve_out = [curve_python(c, rc) for c, rc in zip(curves, r["curves"])]

    doc = dict(
        generator="Fixtures/oracle/make_comparisons_oracle.py (+ make_comparisons_oracle.R)",
        seed=SEED,
        versions=dict(statsmodels=statsmodels.__version__, scipy=scipy.__version__,
                      numpy=np.__version__, r=r["r_version"], survival=r["survival_version"],
                      epir=r["epir_version"]),
        stratified_level=0.95,
        shares=pairs, stratified=stratified, curves=curve_out)
    with open(os.path.join(HERE, "comparisons.json"), "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"comparisons.json: {len(pairs)} share pairs, {len(stratified)} stratified sets, "
          f"{len(curve_out)} curve sets", file=sys.stderr)


if __name__ == "__main__":
    main()
