#!/usr/bin/env python3
"""Reference pseudonyms for the Swift tests (Tests/PseudonymizeTests), computed with
Python's own hmac/hashlib/base64 so that the Swift implementation is checked against an
independent one.

Run from this folder: python3 make_expected.py > expected.json

The rule (privacy.md §1; Sources/Pseudonymize/Pseudonym/PseudonymDomain.swift):
  pseudonym = lower(base32(HMAC-SHA-256(key, b"saksgang/v1/<kind>\\0" + message)[:16])), no padding
  message   = each scope part (escaped: \\ -> \\\\, NUL -> \\0) followed by NUL, then the value,
              as UTF-8 of the NFC form; local ids and case numbers trimmed of whitespace.
  key id    = "k" + sha256(b"saksgang-key-id:" + key).hexdigest()[:16]

Identity numbers here are synthetic (month + 80) only: no real person's number.
The keys are test keys, published here on purpose; never use them for real data.
"""
import base64
import hashlib
import hmac
import json
import sys
import unicodedata

KEYS = [
    bytes(range(32)).hex(),                          # 000102...1f
    hashlib.sha256(b"saksgang test key two").hexdigest() + "a5" * 8,  # 40 bytes
]

K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2]
K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]


def synthetic_number(day, month, year, individual, d_number=False):
    """A synthetic (month + 80) number with original-rule check digits, or None."""
    digits = [int(c) for c in "%02d%02d%02d%03d" % (day + (40 if d_number else 0), month + 80, year, individual)]
    r1 = sum(a * b for a, b in zip(digits, K1_WEIGHTS)) % 11
    k1 = 0 if r1 == 0 else 11 - r1
    if k1 == 10:
        return None
    digits.append(k1)
    r2 = sum(a * b for a, b in zip(digits, K2_WEIGHTS)) % 11
    k2 = 0 if r2 == 0 else 11 - r2
    if k2 == 10:
        return None
    return "".join(map(str, digits + [k2]))


def first_synthetic(day, month, year, d_number=False):
    for individual in range(500, 1000):
        n = synthetic_number(day, month, year, individual, d_number)
        if n:
            return n
    raise ValueError("no number")


def escape(part):
    return part.replace("\\", "\\\\").replace("\0", "\\0")


def pseudonym(key_hex, kind, value, scope=()):
    if kind in ("pupil-local", "case"):
        value = value.strip()
    message = "".join(escape(p) + "\0" for p in scope) + value
    message = unicodedata.normalize("NFC", message)
    mac = hmac.new(bytes.fromhex(key_hex), b"saksgang/v1/" + kind.encode() + b"\0" + message.encode("utf-8"),
                   hashlib.sha256).digest()
    return base64.b32encode(mac[:16]).decode("ascii").rstrip("=").lower()


def key_id(key_hex):
    return "k" + hashlib.sha256(b"saksgang-key-id:" + bytes.fromhex(key_hex)).hexdigest()[:16]


def main():
    numbers = ["14831456869", first_synthetic(2, 1, 15), first_synthetic(29, 2, 12),
               first_synthetic(17, 5, 9, d_number=True)]
    inputs = []
    for n in numbers:
        inputs.append({"kind": "pupil", "value": n})
        inputs.append({"kind": "guardian", "value": n})
    inputs += [
        {"kind": "pupil-local", "value": "E-10442", "source": "smx", "school": "974760673"},
        {"kind": "pupil-local", "value": "E-10442", "source": "smc", "school": "974760673"},
        {"kind": "pupil-local", "value": "  E-10442\t", "source": "smx", "school": "974760673"},
        {"kind": "pupil-local", "value": "\u00c5se-7", "source": "smx", "school": "974760673"},
        {"kind": "pupil-local", "value": "x", "source": "back\\slash", "school": "nul\0inside"},
        {"kind": "pupil-local", "value": "", "source": "smx", "school": "974760673"},
        {"kind": "case", "value": "2024/117", "school": "974760673"},
        {"kind": "case", "value": "2024/117", "school": "874760672"},
        {"kind": "case", "value": "Sak \u00d8st 3", "school": "974760673"},
    ]
    cases = []
    for key_index, key_hex in enumerate(KEYS):
        for item in inputs:
            scope = {"pupil-local": (item.get("source"), item.get("school")),
                     "case": (item.get("school"),)}.get(item["kind"], ())
            case = dict(item)
            case["key"] = key_index
            case["pseudonym"] = pseudonym(key_hex, item["kind"], item["value"], scope)
            cases.append(case)
    out = {
        "generator": "Fixtures/pseudonymize/make_expected.py",
        "keys": [{"hex": k, "id": key_id(k)} for k in KEYS],
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=True, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
