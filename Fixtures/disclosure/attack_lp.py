#!/usr/bin/env python3
"""The interval attack on a written Saksgang report, independent of the Swift code.

Reads REPORT/tables.json and the school register of REPORT/audit.json, states the linear
relations between count cells that any reader knows (docs/disclosure.md, "Linked tables"),
and for every withheld cell computes the least and greatest value it can take with every
published cell fixed: scipy.optimize.linprog (HiGHS dual simplex, integrality relaxed),
bounds rounded inwards to whole cases. Writes the intervals as JSON.

    python3 attack_lp.py REPORT_DIR OUT.json
    python3 attack_lp.py REPORT_DIR OUT.json PREVIOUS_REPORT_DIR
    python3 attack_lp.py REPORT_DIR OUT.json [PREVIOUS_REPORT_DIR] --sample N [--seed S]
                         [--cell QUANTITY GROUPING GROUP]...

A large night has tens of thousands of withheld cells, and two linear programs each over a
block of up to tens of thousands of columns take seconds: the whole attack on a night of 41
schools (18,983 withheld cells) is about a day of one core. `--sample N` attacks N withheld
cells (and N changes with a previous report) drawn at random with seed S (default 1) and says
so in the output; progress goes to stderr. A sample can find an unprotected cell, not prove
there is none. `--cell` adds a named withheld cell to the cells attacked (one found
unprotected before, say). tables.json and audit.json may be kept gzip-compressed (.gz).

With a previous report (last night's), the attacker holds both: every relation of each,
and that a cell can only grow from one night to the next (cases only arrive). It then
also bounds last night's withheld cells again, and the change of every cell between the
two (a change of 1 or more pinned narrower than k would say something certain about the
cases that arrived, e.g. the background of the one new case).

The relations are every one a reader knows: sums over groups, schools within municipalities,
crossings within their margins, numerator + complement = n, every n at most its group's cases.
"""
import gzip
import json
import os
import math
import random
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

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


def read_json(path):
    """A report's JSON file, or its gzip-compressed copy (PATH.gz) where only that is kept."""
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load(report):
    """The cells of a report, their published values, and the relations between them."""
    rows = read_json(f"{report}/tables.json")["rows"]
    audit = read_json(f"{report}/audit.json")
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
    at_most = []  # (small, large): cells[small] <= cells[large]
    for i, (q, g, grp) in enumerate(cells):
        if role(q) == "bounded" and ("cases", g, grp) in index:
            at_most.append((i, index[("cases", g, grp)]))
    minimum = [1 if (q == "cases" and g in MET_ONLY) else 0 for q, g, grp in cells]
    return dict(k=k, cells=cells, index=index, value=value, available=available, equalities=equalities,
                at_most=at_most, minimum=minimum)


class Program:
    """Every unknown cell a column; equalities and <= rows over them; published cells constants.

    Columns that share no row are independent: each connected block of columns is its own
    (small) program, so a large report is many small linear programs, not one large one."""

    def __init__(self, value, minimum, equalities, at_most):
        self.unknown = [i for i in range(len(value)) if value[i] is None]
        self.col = {i: c for c, i in enumerate(self.unknown)}
        n = len(self.unknown)
        self.lower = [float(minimum[i]) for i in self.unknown]
        self.eq_rows, self.eq_rhs, self.ub_rows, self.ub_rhs = [], [], [], []
        for eq in equalities:
            row, rhs = self.row(eq, value)
            if row:
                self.eq_rows.append(row)
                self.eq_rhs.append(rhs)
            elif rhs != 0:
                raise SystemExit("the published tables do not add up")
        for s, l in at_most:
            row, rhs = self.row([(s, 1), (l, -1)], value)
            if row:
                self.ub_rows.append(row)
                self.ub_rhs.append(rhs)
        self.n = n
        parent = list(range(n))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for row in self.eq_rows + self.ub_rows:
            a = find(row[0][0])
            for c, _ in row[1:]:
                b = find(c)
                if a != b:
                    parent[b] = a
        self.block = [find(c) for c in range(n)]
        self.members, self.eq_of, self.ub_of = {}, {}, {}
        for c in range(n):
            self.members.setdefault(self.block[c], []).append(c)
        for r, row in enumerate(self.eq_rows):
            self.eq_of.setdefault(self.block[row[0][0]], []).append(r)
        for r, row in enumerate(self.ub_rows):
            self.ub_of.setdefault(self.block[row[0][0]], []).append(r)
        self.programs = {}

    def row(self, terms, value):
        row, rhs = [], 0
        for i, c in terms:
            if value[i] is None:
                row.append((self.col[i], c))
            else:
                rhs -= c * value[i]
        return row, rhs

    @staticmethod
    def matrix(rows, n):
        if not rows:
            return None
        r_i = [r for r, row in enumerate(rows) for _ in row]
        c_i = [c for row in rows for c, _ in row]
        v_i = [float(v) for row in rows for _, v in row]
        return coo_matrix((v_i, (r_i, c_i)), shape=(len(rows), n)).tocsr()

    def program(self, block):
        """The linear program of one block of columns (built once)."""
        if block not in self.programs:
            cols = self.members[block]
            local = {c: j for j, c in enumerate(cols)}
            eq = [[(local[c], v) for c, v in self.eq_rows[r]] for r in self.eq_of.get(block, [])]
            ub = [[(local[c], v) for c, v in self.ub_rows[r]] for r in self.ub_of.get(block, [])]
            a_eq, a_ub = self.matrix(eq, len(cols)), self.matrix(ub, len(cols))
            self.programs[block] = (local, dict(
                A_eq=a_eq, b_eq=np.array([self.eq_rhs[r] for r in self.eq_of.get(block, [])], dtype=float) if a_eq is not None else None,
                A_ub=a_ub, b_ub=np.array([self.ub_rhs[r] for r in self.ub_of.get(block, [])], dtype=float) if a_ub is not None else None,
                bounds=[(self.lower[c], None) for c in cols], method="highs-ds", options=OPTIONS))
        return self.programs[block]

    def interval(self, objective_terms):
        """Least and greatest value of sum(coefficient x cell) (whole cases, rounded inwards):
        the sum over the blocks the cells belong to of each block's least and greatest part."""
        parts = {}
        for i, c in objective_terms:
            col = self.col[i]
            parts.setdefault(self.block[col], []).append((col, c))
        low_sum, high_sum = 0.0, 0.0
        for block, terms in parts.items():
            local, kw = self.program(block)
            objective = np.zeros(len(local))
            for col, c in terms:
                objective[local[col]] += c
            low = linprog(objective, **kw)
            high = linprog(-objective, **kw)
            if low.status not in (0, 3) or high.status not in (0, 3):
                raise SystemExit(f"linprog failed: {low.message} / {high.message}")
            low_sum = None if low_sum is None or low.status == 3 else low_sum + low.fun
            high_sum = None if high_sum is None or high.status == 3 else high_sum - high.fun
        lv = None if low_sum is None else math.ceil(low_sum - 1e-6)
        hv = None if high_sum is None else math.floor(high_sum + 1e-6)
        return lv, hv


def protected(lv, hv, k):
    """At least k wide, or known not small, or known to be 0 (zeros are not sensitive)."""
    return hv is None or lv is None or hv - lv >= k or lv >= k or hv == 0


def sampled(items, sample, seed):
    """All of `items`, or `sample` of them drawn with `seed`, in their order."""
    if sample is None or sample >= len(items):
        return items
    chosen = set(random.Random(seed).sample(range(len(items)), sample))
    return [x for i, x in enumerate(items) if i in chosen]


def progress(done, total):
    if total >= 50 and (done % max(1, total // 20) == 0 or done == total):
        print(f"  {done} of {total}", file=sys.stderr, flush=True)


def main(report, out, previous=None, sample=None, seed=1, cells_named=()):
    now = load(report)
    k = now["k"]
    cells, value = list(now["cells"]), list(now["value"])
    available, minimum = list(now["available"]), list(now["minimum"])
    equalities, at_most = list(now["equalities"]), list(now["at_most"])
    offset = len(cells)
    before = None
    if previous:
        before = load(previous)
        cells += [("previous:" + q, g, grp) for q, g, grp in before["cells"]]
        value += before["value"]
        available += before["available"]
        minimum += before["minimum"]
        equalities += [[(offset + i, c) for i, c in eq] for eq in before["equalities"]]
        at_most += [(offset + s, offset + l) for s, l in before["at_most"]]
        # Cases only arrive: last night's value of a cell is at most tonight's.
        for key, i in before["index"].items():
            if key in now["index"] and before["available"][i] and now["available"][now["index"][key]]:
                at_most.append((offset + i, now["index"][key]))
    program = Program(value, minimum, equalities, at_most)
    result = {"solver": "scipy.optimize.linprog highs-ds", "scipy_options": OPTIONS, "threshold": k}
    candidates = sampled([i for i in program.unknown if available[i]], sample, seed)
    # Cells named on the command line, attacked besides the sample (a cell found before).
    for key in cells_named:
        i = now["index"].get(tuple(key))
        if i is None or value[i] is not None:
            raise SystemExit(f"--cell {' '.join(key)}: not a withheld cell of the report")
        if i not in candidates:
            candidates.append(i)
    if cells_named:
        result["cells_named"] = [list(key) for key in cells_named]
    if sample is not None:
        result["sample"] = {"cells": len(candidates), "withheld_cells": sum(1 for i in program.unknown if available[i]),
                            "seed": seed}
    withheld = []
    for n, i in enumerate(candidates, 1):
        progress(n, len(candidates))
        lv, hv = program.interval([(i, 1)])
        q, g, grp = cells[i]
        withheld.append({"quantity": q, "grouping": g, "group": grp, "low": lv, "high": hv,
                         "protected": protected(lv, hv, k)})
    withheld.sort(key=lambda x: (x["quantity"], x["grouping"], x["group"]))
    result["cells_checked"] = len(withheld)
    result["cells_unprotected"] = sum(not c["protected"] for c in withheld)
    result["intervals"] = withheld
    if before is not None:
        # The change of every cell of both nights: pinned to 1 or more, narrower than k,
        # it says something certain about the cases that arrived.
        changes = []
        pairs = [(key, i, now["index"].get(key)) for key, i in sorted(before["index"].items())]
        pairs = sampled([(key, i, j) for key, i, j in pairs
                         if j is not None and before["available"][i] and now["available"][j]], sample, seed)
        if sample is not None:
            result["sample"]["changes"] = len(pairs)
        for n, (key, i, j) in enumerate(pairs, 1):
            progress(n, len(pairs))
            terms = [(j, 1), (offset + i, -1)]
            constant = sum(c * value[t] for t, c in terms if value[t] is not None)
            unknown = [(t, c) for t, c in terms if value[t] is None]
            lv, hv = program.interval(unknown) if unknown else (0, 0)
            lv, hv = (None if lv is None else lv + constant), (None if hv is None else hv + constant)
            revealing = lv is not None and hv is not None and 1 <= lv < k and hv - lv < k
            q, g, grp = key
            changes.append({"quantity": q, "grouping": g, "group": grp, "low": lv, "high": hv, "revealing": revealing})
        result["changes_checked"] = len(changes)
        result["changes_revealing"] = sum(c["revealing"] for c in changes)
        result["changes"] = [c for c in changes if c["low"] != 0 or c["high"] != 0]
    json.dump(result, open(out, "w"), indent=1, sort_keys=True)
    print(f"{len(withheld)} withheld cells, {result['cells_unprotected']} unprotected"
          + (f"; {result['changes_checked']} changes, {result['changes_revealing']} revealing" if before else ""))


if __name__ == "__main__":
    args, options, named = [], {}, []
    argv = sys.argv[1:]
    while argv:
        a = argv.pop(0)
        if a in ("--sample", "--seed"):
            options[a[2:]] = int(argv.pop(0))
        elif a == "--cell":
            named.append((argv.pop(0), argv.pop(0), argv.pop(0)))
        else:
            args.append(a)
    if not 2 <= len(args) <= 3:
        raise SystemExit(__doc__)
    main(*args, **options, cells_named=named)
