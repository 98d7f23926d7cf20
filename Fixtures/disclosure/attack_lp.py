#!/usr/bin/env python3
"""The interval attack on a written Saksgang report, independent of the Swift code.

Reads REPORT/tables.json and the school register of REPORT/audit.json, states the linear
relations between count cells that any reader knows (docs/disclosure.md, "Linked tables"),
and for every withheld cell computes the least and greatest value it can take with every
published cell fixed: scipy.optimize.linprog (HiGHS dual simplex, integrality relaxed),
bounds rounded inwards to whole cases. Writes the intervals as JSON.

    python3 attack_lp.py REPORT_DIR OUT.json

The relations are every one a reader knows: sums over groups, schools within municipalities,
crossings within their margins, numerator + complement = n, every n at most its group's cases.
"""
import json
import math
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

SEP = " x "
# A share read off a curve carries the curve's n in the duration metric's first unit.
CURVE_N = {
    "first_contact_within_target": "time_to_first_contact|working_days|n",
    "first_meeting_within_target": "time_to_first_meeting|working_days|n",
    "investigation_within_target": "time_to_investigation|working_days|n",
    "activity_plan_within_target": "time_to_activity_plan|school_days|n",
    "owner_notice_within_target": "time_to_owner_notice|working_days|n",
    "closed_within": "time_to_closure|calendar_days|n",
}
MET_ONLY = {"school", "municipality", "school_year", "term"}  # groupings listing no groups
OPTIONS = {"presolve": True, "dual_feasibility_tolerance": 1e-9, "primal_feasibility_tolerance": 1e-9}


def quantities(r):
    m, st, cat = r["metric"], r["statistic"], r["category"]
    if st in ("difference", "ratio"):
        return []
    if st == "count":
        return ["cases"] if m == "cases" else [f"{m}|{cat}"]
    if st in ("median", "p75", "p90"):
        return [f"{m}|{r['unit']}|n"]
    if m in CURVE_N:
        return [CURVE_N[m]]
    if cat is None:
        return [f"{m}|n", f"{m}|yes", f"{m}|no"]
    return [f"{m}|n", f"{m}|{cat}|yes", f"{m}|{cat}|no"]


def role(q):
    if q == "cases":
        return "cases"
    return "part" if q.endswith("|yes") or q.endswith("|no") else "bounded"


def main(report, out):
    rows = json.load(open(f"{report}/tables.json"))["rows"]
    audit = json.load(open(f"{report}/audit.json"))
    k = audit["threshold"]
    municipality = audit["municipality_of_school"]
    index, cells, value, available = {}, [], [], []

    def cell(key):
        if key not in index:
            index[key] = len(cells)
            cells.append(key)
            value.append(None)
            available.append(False)
        return index[key]

    equalities = []
    for r in rows:
        qs = quantities(r)
        if not qs:
            continue
        avail = r["n"] is not None or r["suppressed"]
        if r["suppressed"] or not avail:
            known = [None] * len(qs)
        else:
            n = r["n"]
            yes = 0 if n == 0 else int(round((r["estimate"] or 0) * n))
            known = [n, yes, n - yes][: len(qs)]
        ids = []
        for q, v in zip(qs, known):
            i = cell((q, r["grouping"], r["group"]))
            if v is not None:
                value[i] = v
            if avail:
                available[i] = True
            ids.append(i)
        if len(qs) == 3:
            equalities.append([(ids[1], 1), (ids[2], 1), (ids[0], -1)])

    by_q = {}
    for i, (q, g, grp) in enumerate(cells):
        by_q.setdefault(q, {}).setdefault(g, {})[grp] = i
    for q in sorted(by_q):
        gs = by_q[q]
        total = gs.get("all", {}).get("all")
        for name in sorted(gs):
            if name == "all":
                continue
            groups = gs[name]
            parts = name.split(SEP)
            if len(parts) == 1:
                if total is not None:
                    equalities.append([(groups[x], 1) for x in sorted(groups)] + [(total, -1)])
                continue
            for side, margin in enumerate(parts):
                if margin not in gs:
                    continue
                members = {}
                for grp, i in groups.items():
                    codes = grp.split(SEP)
                    if len(codes) == 2:
                        members.setdefault(codes[side], []).append(i)
                for code in sorted(members):
                    if code in gs[margin]:
                        equalities.append([(i, 1) for i in sorted(members[code])] + [(gs[margin][code], -1)])
        if "school" in gs and "municipality" in gs:
            members = {}
            for s, i in gs["school"].items():
                if s in municipality:
                    members.setdefault(municipality[s], []).append(i)
            for m in sorted(members):
                if m in gs["municipality"]:
                    equalities.append([(i, 1) for i in sorted(members[m])] + [(gs["municipality"][m], -1)])
    bounds = []
    for i, (q, g, grp) in enumerate(cells):
        if role(q) == "bounded" and ("cases", g, grp) in index:
            bounds.append((i, index[("cases", g, grp)]))

    unknown = [i for i in range(len(cells)) if value[i] is None]
    col = {i: c for c, i in enumerate(unknown)}
    lo = np.array([1.0 if (cells[i][0] == "cases" and cells[i][1] in MET_ONLY) else 0.0 for i in unknown])
    hi = np.full(len(unknown), np.inf)
    A, b = [], []
    for eq in equalities:
        row, rhs = [], 0
        for i, c in eq:
            if value[i] is None:
                row.append((col[i], c))
            else:
                rhs -= c * value[i]
        if row:
            A.append(row)
            b.append(rhs)
    ub = []
    for s, l in bounds:
        if value[s] is None and value[l] is None:
            ub.append([(col[s], 1), (col[l], -1)])
        elif value[s] is None and value[l] is not None:
            hi[col[s]] = min(hi[col[s]], value[l])
        elif value[s] is not None and value[l] is None:
            lo[col[l]] = max(lo[col[l]], value[s])
    n = len(unknown)
    r_i = [r for r, row in enumerate(A) for _ in row]
    c_i = [c for row in A for c, _ in row]
    v_i = [float(v) for row in A for _, v in row]
    matrix = coo_matrix((v_i, (r_i, c_i)), shape=(len(A), n)).tocsr()
    adjacency = (matrix.T @ matrix) if len(A) else coo_matrix((n, n))
    _, label = connected_components(adjacency, directed=False)
    out_cells = []
    audited = [i for i in unknown if available[i]]
    for block in sorted(set(label[col[i]] for i in audited)):
        cols = np.where(label == block)[0]
        local = {c: j for j, c in enumerate(cols)}
        rows_b = [r for r in range(len(A)) if A[r] and label[A[r][0][0]] == block]
        Ab = np.zeros((len(rows_b), len(cols)))
        for j, r in enumerate(rows_b):
            for c, v in A[r]:
                Ab[j, local[c]] = v
        bb = np.array([b[r] for r in rows_b], dtype=float)
        bnds = [(lo[c], None if math.isinf(hi[c]) else hi[c]) for c in cols]
        for i in audited:
            c = col[i]
            if label[c] != block:
                continue
            objective = np.zeros(len(cols))
            objective[local[c]] = 1
            kw = dict(A_eq=Ab if len(rows_b) else None, b_eq=bb if len(rows_b) else None, bounds=bnds,
                      method="highs-ds", options=OPTIONS)
            low = linprog(objective, **kw)
            high = linprog(-objective, **kw)
            if low.status != 0 or high.status not in (0, 3):
                raise SystemExit(f"linprog failed for {cells[i]}: {low.message} / {high.message}")
            lv = math.ceil(low.fun - 1e-6)
            hv = None if high.status == 3 else math.floor(-high.fun + 1e-6)
            q, g, grp = cells[i]
            out_cells.append({"quantity": q, "grouping": g, "group": grp, "low": lv, "high": hv,
                              "protected": hv is None or hv - lv >= k or lv >= k})
    out_cells.sort(key=lambda x: (x["quantity"], x["grouping"], x["group"]))
    unprotected = sum(not c["protected"] for c in out_cells)
    json.dump({"solver": "scipy.optimize.linprog highs-ds", "scipy_options": OPTIONS, "threshold": k,
               "cells_checked": len(out_cells), "cells_unprotected": unprotected, "intervals": out_cells},
              open(out, "w"), indent=1, sort_keys=True)
    print(f"{len(out_cells)} withheld cells, {unprotected} unprotected")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
