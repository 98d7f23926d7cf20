#!/usr/bin/env python3
"""Checks the committed research extract's k-anonymity with pycanon, an independent
implementation, and writes pycanon_result.json beside it.

    python3 -m venv /tmp/pycanon && /tmp/pycanon/bin/pip install pycanon
    /tmp/pycanon/bin/python Fixtures/extract/check_kanonymity.py

pycanon pins exact versions of numpy, scipy and pandas: install it in a virtual environment.
The Swift tests never run this script; they read its committed output (ResearchExtractTests).
"""
import hashlib
import json
import os
import sys

import pandas as pd
from importlib.metadata import version
from pycanon import anonymity
from pycanon.anonymity.utils import aux_anonymity

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "extract.csv")
CHECK = os.path.join(HERE, "extract.kanonymity.json")
OUT = os.path.join(HERE, "pycanon_result.json")


def main() -> int:
    with open(CHECK, encoding="utf-8") as f:
        check = json.load(f)
    k_required = check["k"]
    qis = check["quasi_identifier_columns"]
    with open(CSV, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    # Every value as text, nothing read as missing: an empty or "*" value is a value of its
    # own in an equivalence class (pandas' groupby would drop missing keys).
    data = pd.read_csv(CSV, dtype=str, keep_default_na=False)
    k = int(anonymity.k_anonymity(data, qis))
    classes = aux_anonymity.get_equiv_class(data, qis)
    result = {
        "tool": "pycanon",
        "pycanon_version": version("pycanon"),
        "pandas_version": pd.__version__,
        "extract": "extract.csv",
        "extract_sha256": digest,
        "rows": int(len(data)),
        "quasi_identifiers": qis,
        "k_required": k_required,
        "k": k,
        "equivalence_classes": len(classes),
        "k_anonymous": k >= k_required,
        "agrees_with_saksgang_check": k == check["smallest_class"]
        and len(classes) == check["equivalence_classes"]
        and len(data) == check["rows"],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0 if result["k_anonymous"] and result["agrees_with_saksgang_check"] else 1


if __name__ == "__main__":
    sys.exit(main())
