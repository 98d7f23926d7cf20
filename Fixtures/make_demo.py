#!/usr/bin/env python3
"""Writes the demo exports under Fixtures/demo/ and the values an established tool
(lifelines) computes from them, Fixtures/oracle/demo_expected.json.

Also writes Fixtures/oracle/demo_durations.csv, the Kaplan-Meier durations per group, from
which Fixtures/oracle/make_survival_oracle.R computes R's medians (run it afterwards).

Run once; all outputs are committed. Nothing here is read by Saksgang at run time.
Independent of the Swift code: Easter from dateutil, time zones from zoneinfo, Kaplan-Meier
from lifelines. Every identity number is synthetic (month + 80, valid check digits).

    pip install lifelines python-dateutil && python3 Fixtures/make_demo.py
"""
import datetime as dt, gzip, json, os, random
from zoneinfo import ZoneInfo
from dateutil.easter import easter

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "demo")
OSLO = ZoneInfo("Europe/Oslo")
rng = random.Random(20250620)

# ---------------------------------------------------------------- calendar
def holidays(year):
    e = easter(year)
    fixed = [dt.date(year, 1, 1), dt.date(year, 5, 1), dt.date(year, 5, 17),
             dt.date(year, 12, 25), dt.date(year, 12, 26)]
    return set(fixed + [e + dt.timedelta(days=d) for d in (-3, -2, 1, 39, 50)])

def working(d):
    return d.weekday() < 5 and d not in holidays(d.year)

def working_days(a, b):
    """Working days d with a < d <= b."""
    n, d = 0, a + dt.timedelta(days=1)
    while d <= b:
        n += working(d); d += dt.timedelta(days=1)
    return n

def add_working(a, k):
    d = a
    while k > 0:
        d += dt.timedelta(days=1)
        if working(d): k -= 1
    return d

# ---------------------------------------------------------------- identities
W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]; W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
def check(digits, w):
    r = 11 - sum(a * b for a, b in zip(digits, w)) % 11
    return 0 if r == 11 else (None if r == 10 else r)

def synthetic_number(birth, d_number=False):
    while True:
        day = birth.day + (40 if d_number else 0)
        base = f"{day:02d}{birth.month + 80:02d}{birth.year % 100:02d}{rng.randint(500, 999):03d}"
        d = [int(c) for c in base]
        k1 = check(d, W1)
        if k1 is None: continue
        k2 = check(d + [k1], W2)
        if k2 is None: continue
        return base + f"{k1}{k2}"

def orgnr(seed):
    while True:
        base = [9, 7] + [int(c) for c in f"{seed:06d}"]
        r = 11 - sum(a * b for a, b in zip(base, [3, 2, 7, 6, 5, 4, 3, 2])) % 11
        if r == 10: seed += 1; continue
        return "".join(map(str, base)) + str(0 if r == 11 else r)

FIRST = ["Nora", "Emma", "Jakob", "Ahmad", "Amina", "Máret", "Ánde", "Liam", "Sofie", "Omar",
         "Zainab", "Niillas", "Sára", "Oskar", "Ingrid", "Mohammed", "Fatima", "Jonas", "Hiba", "Ole"]
LAST = ["Hansen", "Rahimi", "Sara", "Johansen", "Ali", "Eira", "Nilsen", "Haugen", "Yusuf",
        "Somby", "Berg", "Hussein", "Olsen", "Gaup", "Larsen", "Nguyen"]

# ---------------------------------------------------------------- municipalities and files
EXPORT_DAY = dt.date(2025, 6, 20)
MUNICIPALITIES = [
    # kommunenr, school names, format, encoding, compression
    ("4601", ["Fjellvegen skole", "Sandviken skole"], "smx", "UTF-8", "gz-multi"),
    ("1103", ["Kvernevik skole", "Tasta skole"], "smx", "ISO-8859-1", "plain"),
    ("0301", ["Grünerløkka skole", "Tøyen skole"], "smc", "utf-8-sig", "gz-multi"),
    ("5001", ["Åsvang skole", "Lademoen skole"], "smc", "cp1252", "plain"),
]
CATEGORIES = ["A"] * 9 + ["B"] * 4 + ["C"] * 3 + ["E", "F", "F", "G", ""]
VIOLATIONS = ["fysisk", "verbal", "utestenging", "digital", "seksuell", "etnisitet",
              "religion", "sprak", "funksjonsevne", "kjonn_seksualitet", "annet"]

def local(d, hour, minute):
    return dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=OSLO)

def iso(t):
    return t.isoformat() if isinstance(t, dt.datetime) else t.isoformat()

def make_case(n, kommune, school, school_no):
    knowledge_day = EXPORT_DAY - dt.timedelta(days=rng.randint(3, 230))
    while not working(knowledge_day): knowledge_day -= dt.timedelta(days=1)
    knowledge = local(knowledge_day, rng.randint(8, 14), rng.choice([0, 10, 25, 40, 55]))
    cat = rng.choice(CATEGORIES)
    immigrant = cat in ("B", "C")
    sami = kommune in ("5001", "4601") and rng.random() < 0.15
    birth = dt.date(2025 - rng.randint(7, 15), rng.randint(1, 12), rng.randint(1, 28))
    has_fnr = rng.random() > (0.25 if cat == "B" else 0.03)
    d_number = has_fnr and cat == "B" and rng.random() < 0.4
    c = {
        "case_number": f"2025/{n:04d}" if kommune in ("4601", "1103") else f"2025-{n:04d}",
        "municipality": kommune, "school": school, "school_orgnr": orgnr(int(kommune) * 10 + school_no),
        "category": cat, "sami": sami, "knowledge": knowledge,
        "pupil_fnr": synthetic_number(birth, d_number) if has_fnr else None,
        "pupil_local_id": None if has_fnr else f"L{rng.randint(10000, 99999)}",
        "pupil_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "guardian_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "guardian_fnr": synthetic_number(dt.date(1980 + rng.randint(0, 10), rng.randint(1, 12), rng.randint(1, 28))),
        "phone": f"9{rng.randint(1000000, 9999999)}",
        "gender": rng.choice(["J", "G", "G", "J", "A", ""]), "grade": rng.randint(1, 10),
        "country": {"A": "NO", "G": "NO", "": ""}.get(cat, rng.choice(["AF", "SY", "SO", "PL", "ER", "IQ"])),
        "minority_language": immigrant and rng.random() < 0.8,
        "interpreter": cat == "B" and rng.random() < 0.5,
        "reported_by": rng.choice(["elev", "foresatt", "foresatt", "ansatt", "medelev", "annen"]),
        "violations": sorted(set(rng.sample(VIOLATIONS[:5], rng.randint(1, 2)) +
                                 (["etnisitet"] if (immigrant or sami) and rng.random() < 0.5 else []) +
                                 (["religion"] if cat == "B" and rng.random() < 0.2 else []))),
        "perpetrator": rng.choice(["elev", "elev", "elev", "ansatt", "ukjent", "flere"]),
        "perpetrator_count": rng.randint(1, 4), "serious": rng.random() < 0.1,
        "events": [],
    }
    c["email"] = f"{c['guardian_name'].split()[0].lower()}.{rng.randint(10, 99)}@example.no"
    c["free_text"] = f"Mor til {c['pupil_name']} ringte fra {c['phone']}; avtalt møte."
    delay = rng.choice([0, 0, 1, 1, 1, 2, 3, 5, None])
    if delay is not None and immigrant and rng.random() < 0.5:
        delay += 1
    horizon = EXPORT_DAY
    if delay is not None:
        day = add_working(knowledge_day, delay)
        if day < horizon:
            t = local(day, 15, 30) if day > knowledge_day else knowledge + dt.timedelta(hours=3)
            c["events"].append({"type": "kontakt_hjem", "time": t, "initiativ": "skole", "kanal": "telefon"})
            c["events"].append({"type": "kontakt_hjem", "time": t + dt.timedelta(days=2), "initiativ": "hjem", "kanal": "epost"})
            m = add_working(day, rng.randint(0, 3))
            if m < horizon:
                meeting = local(m, 9, 0) if m > knowledge_day else knowledge + dt.timedelta(hours=2)
                c["events"].append({"type": "mote", "time": meeting, "referatSendt": rng.random() < 0.7})
            inv = add_working(knowledge_day, rng.randint(0, 2))
            c["events"].append({"type": "undersokelse", "time": inv})
            plan = add_working(knowledge_day, rng.randint(2, 12))
            if plan < horizon:
                c["events"].append({"type": "aktivitetsplan", "time": local(plan, 13, 0)})
                ev = plan + dt.timedelta(days=rng.randint(14, 40))
                if ev < horizon:
                    c["events"].append({"type": "evaluering", "time": local(ev, 14, 0), "foresatteMedvirket": rng.random() < 0.6})
            if rng.random() < 0.2:
                c["events"].append({"type": "ekstern_hjelp", "time": add_working(day, 3), "instans": rng.choice(["PPT", "helsesykepleier", "BUP"])})
    if c["serious"] or c["perpetrator"] == "ansatt":
        c["events"].append({"type": "varsel_skoleeier", "time": add_working(knowledge_day, rng.randint(0, 2))})
    close_after = rng.choice([None, None, 20, 35, 60, 90, 120, 150, 200])
    if close_after is not None and knowledge_day + dt.timedelta(days=close_after) < horizon:
        cd = knowledge_day + dt.timedelta(days=close_after)
        while not working(cd): cd += dt.timedelta(days=1)
        if cd < horizon:
            c["closing"] = {"time": local(cd, 12, 0), "arsak": rng.choice(["lost", "lost", "lost", "byttet_skole", "overgang", "annet"])}
    c["events"] = [e for e in c["events"] if "closing" not in c or
                   (e["time"] if isinstance(e["time"], dt.date) and not isinstance(e["time"], dt.datetime) else e["time"].date()) <= c["closing"]["time"].date()]
    day_of = lambda t: t.date() if isinstance(t, dt.datetime) else t
    c["events"] = [e for e in c["events"] if day_of(e["time"]) < horizon]
    c["events"].sort(key=lambda e: (e["time"] if isinstance(e["time"], dt.datetime) else local(e["time"], 0, 0)))
    last = max([knowledge] + [e["time"] if isinstance(e["time"], dt.datetime) else local(e["time"], 8, 0) for e in c["events"]] +
               ([c["closing"]["time"]] if "closing" in c else []))
    c["registered"] = knowledge + dt.timedelta(hours=1)
    c["last_changed"] = last + dt.timedelta(minutes=3)
    return c

def b(v): return "true" if v else "false"
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")

def smx(kommune, cases, encoding, generated):
    out = [f'<?xml version="1.0" encoding="{encoding}"?>',
           f'<Eksport xmlns="urn:skolemiljo:eksport:1" versjon="1.2" generert="{iso(generated)}">']
    by_school = {}
    for c in cases: by_school.setdefault((c["school_orgnr"], c["school"]), []).append(c)
    for (org, name), cs in by_school.items():
        out.append(f'  <Skole orgnr="{org}" kommunenr="{kommune}" navn="{esc(name)}">')
        for c in cs:
            out.append(f'    <Sak id="{c["case_number"]}" opprettet="{iso(c["registered"])}" sistEndret="{iso(c["last_changed"])}" alvorlig="{b(c["serious"])}">')
            ident = f'fnr="{c["pupil_fnr"]}"' if c["pupil_fnr"] else f'lokalId="{c["pupil_local_id"]}"'
            minority = "kvensk" if (kommune == "5001" and c["sami"] is False and c["case_number"].endswith("7")) else ""
            out.append(f'      <Elev {ident} kjonn="{c["gender"]}" trinn="{c["grade"]}" innvandringskategori="{c["category"]}" '
                       f'landbakgrunn="{c["country"]}" nasjonalMinoritet="{minority}" samisk="{b(c["sami"])}" '
                       f'minoritetsspraklig="{b(c["minority_language"])}">')
            out.append(f'        <Navn>{esc(c["pupil_name"])}</Navn>')
            out.append('      </Elev>')
            out.append('      <Foresatte>')
            out.append(f'        <Foresatt fnr="{c["guardian_fnr"]}" tolkBehov="{b(c["interpreter"])}" sprak="{"fa" if c["interpreter"] else "no"}">'
                       f'<Navn>{esc(c["guardian_name"])}</Navn><Telefon>{c["phone"]}</Telefon><Epost>{c["email"]}</Epost></Foresatt>')
            out.append('      </Foresatte>')
            out.append(f'      <Kjennskap tidspunkt="{iso(c["knowledge"])}" meldtAv="{c["reported_by"]}"/>')
            out.append('      <Krenkelser>' + "".join(f'<Krenkelse type="{v}"/>' for v in c["violations"]) + '</Krenkelser>')
            out.append(f'      <Utovere type="{c["perpetrator"]}" antall="{c["perpetrator_count"]}"/>')
            out.append('      <Hendelser>')
            for e in reversed(c["events"]):   # any order in the file
                extra = "".join(f' {k}="{b(v) if isinstance(v, bool) else v}"' for k, v in e.items() if k not in ("type", "time"))
                out.append(f'        <Hendelse type="{e["type"]}" tidspunkt="{iso(e["time"])}"{extra}/>')
            out.append('      </Hendelser>')
            if "closing" in c:
                out.append(f'      <Avsluttet tidspunkt="{iso(c["closing"]["time"])}" arsak="{c["closing"]["arsak"]}"/>')
            out.append(f'      <Notat>{esc(c["free_text"])}</Notat>')
            out.append('    </Sak>')
        out.append('  </Skole>')
    out.append('</Eksport>')
    return ("\n".join(out) + "\n").encode(encoding.lower().replace("iso-8859-1", "latin-1"))

SMC_HEADER = ("saksnr;skole_orgnr;kommunenr;skolenavn;sist_endret;alvorlig;elev_fnr;elev_lokal_id;elev_navn;kjonn;trinn;"
              "innvandringskategori;landbakgrunn;nasjonal_minoritet;samisk;minoritetsspraklig;tolk_foresatte;meldt_dato;"
              "meldt_av;krenkelsestyper;utover_type;utover_antall;forste_kontakt_hjem;kontakter_hjem_antall;forste_mote;"
              "referat_sendt;undersokelse_start;aktivitetsplan_dato;evaluert_dato;varslet_skoleeier;ekstern_hjelp;"
              "statsforvalter_meldt;statsforvalter_vedtak;avsluttet_dato;avslutningsarsak;kommentar").split(";")

def smc_time(t):
    if t is None: return ""
    if isinstance(t, dt.datetime): return t.astimezone(OSLO).strftime("%d.%m.%Y %H:%M")
    return t.strftime("%d.%m.%Y")

def q(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ';"\n\r,') else v

def smc_row(c):
    ev = lambda kind: [e for e in c["events"] if e["type"] == kind]
    first = lambda kind: ev(kind)[0] if ev(kind) else None
    jn = lambda v: "ja" if v else "nei"
    mote = first("mote")
    row = [c["case_number"], c["school_orgnr"], c["municipality"], c["school"], smc_time(c["last_changed"]), jn(c["serious"]),
           c["pupil_fnr"] or "", c["pupil_local_id"] or "", c["pupil_name"], c["gender"], c["grade"], c["category"],
           c["country"], "", jn(c["sami"]), jn(c["minority_language"]), jn(c["interpreter"]), smc_time(c["knowledge"]),
           c["reported_by"], ",".join(c["violations"]), c["perpetrator"], c["perpetrator_count"],
           smc_time(first("kontakt_hjem")["time"]) if first("kontakt_hjem") else "", len(ev("kontakt_hjem")) or "",
           smc_time(mote["time"]) if mote else "", jn(mote["referatSendt"]) if mote else "",
           smc_time(first("undersokelse")["time"]) if first("undersokelse") else "",
           smc_time(first("aktivitetsplan")["time"]) if first("aktivitetsplan") else "",
           smc_time(ev("evaluering")[-1]["time"]) if ev("evaluering") else "",
           smc_time(first("varsel_skoleeier")["time"]) if first("varsel_skoleeier") else "",
           ",".join(sorted({e["instans"] for e in ev("ekstern_hjelp")})), "", "",
           smc_time(c["closing"]["time"]) if "closing" in c else "", c["closing"]["arsak"] if "closing" in c else "",
           c["free_text"] + '\n"sitat": elev sa; nei']
    return ";".join(q(v) for v in row)

def smc(cases, encoding, newline):
    text = newline.join([";".join(SMC_HEADER)] + [smc_row(c) for c in cases]) + newline
    return text.encode(encoding)

def gz_multi(data):
    cut = len(data) // 2
    return gzip.compress(data[:cut], mtime=0) + gzip.compress(data[cut:], mtime=0)

def main():
    os.makedirs(DEMO, exist_ok=True)
    for f in os.listdir(DEMO): os.remove(os.path.join(DEMO, f))
    cases, n = [], 0
    files = []
    for kommune, schools, fmt, enc, comp in MUNICIPALITIES:
        mine = []
        for i in range(22):
            n += 1
            school_no = i % 2
            mine.append(make_case(n, kommune, schools[school_no], school_no))
        ymd = EXPORT_DAY.strftime("%Y%m%d")
        if fmt == "smx":
            data = smx(kommune, mine, enc, local(EXPORT_DAY, 2, 0))
            name = f"smx_{kommune}_{ymd}.xml" + (".gz" if comp != "plain" else "")
            files.append((name, gz_multi(data) if comp == "gz-multi" else data))
            for c in mine: c["as_of"] = EXPORT_DAY
        else:
            nl = "\r\n" if enc == "utf-8-sig" else "\n"
            if kommune == "5001":
                # Two deltas: the day before, an earlier state of one case; the export day,
                # its later state. Cases only in the first delta are still followed to the last.
                prev = EXPORT_DAY - dt.timedelta(days=1)
                early = dict(mine[0]); early["closing"] = None; del early["closing"]
                early["events"] = [e for e in mine[0]["events"] if (e["time"] if not isinstance(e["time"], dt.datetime) else e["time"].date()) < prev][:1]
                early["last_changed"] = local(prev - dt.timedelta(days=1), 9, 0)
                mine[0]["last_changed"] = local(EXPORT_DAY - dt.timedelta(days=1), 16, 45)
                first_delta = [early] + mine[1:12]
                files.append((f"smc_{kommune}_{prev.strftime('%Y%m%d')}.csv", smc(first_delta, enc, nl)))
                files.append((f"smc_{kommune}_{ymd}.csv", smc([mine[0]] + mine[12:], enc, nl)))
            else:
                data = smc(mine, enc, nl)
                files.append((f"smc_{kommune}_{ymd}.csv.gz", gz_multi(data)))
            for c in mine: c["as_of"] = EXPORT_DAY
        cases += mine
    for name, data in files:
        with open(os.path.join(DEMO, name), "wb") as fh: fh.write(data)
    write_expected(cases, [name for name, _ in files])
    write_equivalence()

def write_equivalence():
    """The same twelve cases exported by both systems, for the test that SMX and SMC map to
    equal canonical values."""
    eq_dir = os.path.join(HERE, "equivalence")
    os.makedirs(eq_dir, exist_ok=True)
    cases = [make_case(900 + i, "1804", ["Bodøsjøen skole", "Rønvik skole"][i % 2], i % 2) for i in range(12)]
    for c in cases: c["case_number"] = f"2025-{c['case_number'][-4:]}"
    with open(os.path.join(eq_dir, "smx_1804_20250620.xml"), "wb") as fh:
        fh.write(smx("1804", cases, "UTF-8", local(EXPORT_DAY, 2, 0)))
    with open(os.path.join(eq_dir, "smc_1804_20250620.csv"), "wb") as fh:
        fh.write(smc(cases, "utf-8-sig", "\r\n"))
    write_timeline(cases)

def write_timeline(cases):
    """The same cases as a third vendor writes them: one row per event, rows shuffled and
    split over two nights' files (Pipelines/mappings/examples/timeline.yml reads them)."""
    kinds = {"kontakt_hjem": "CONTACT", "mote": "MEETING", "undersokelse": "INVESTIGATION",
             "aktivitetsplan": "PLAN", "evaluering": "EVALUATION", "varsel_skoleeier": "OWNER_NOTICE"}
    reasons = {"lost": "RESOLVED", "byttet_skole": "MOVED", "overgang": "TRANSITION",
               "statsforvalter": "GOVERNOR", "annet": "OTHER"}
    categories = {"A": "1", "B": "2", "C": "3", "E": "5", "F": "6", "G": "7", "": "0"}
    def t(v):
        if isinstance(v, dt.datetime): return v.astimezone(OSLO).strftime("%Y-%m-%d %H:%M:%S")
        return v.strftime("%Y-%m-%d")
    rows = []
    for c in cases:
        common = [c["case_number"], c["school_orgnr"], c["municipality"], t(c["last_changed"]),
                  c["pupil_fnr"] or "", c["pupil_local_id"] or "", categories[c["category"]], t(c["knowledge"])]
        rows.append(common + ["OPENED", t(c["knowledge"]), ""])
        for e in c["events"]:
            if e["type"] in kinds: rows.append(common + [kinds[e["type"]], t(e["time"]), ""])
        if "closing" in c:
            rows.append(common + ["CLOSED", t(c["closing"]["time"]), reasons[c["closing"]["arsak"]]])
    rng.shuffle(rows)
    header = "case_id;school;municipality;changed;pupil_id;local_id;category;known_at;kind;at;reason"
    tl_dir = os.path.join(HERE, "timeline")
    os.makedirs(tl_dir, exist_ok=True)
    half = len(rows) // 2
    for name, part in [("tl_1804_20250619.csv", rows[:half]), ("tl_1804_20250620.csv", rows[half:])]:
        with open(os.path.join(tl_dir, name), "w", encoding="utf-8", newline="") as fh:
            fh.write("\n".join([header] + [";".join(r) for r in part]) + "\n")

def group_of(cat):
    return {"A": "none", "G": "none", "B": "immigrant", "C": "norwegian_born_to_immigrants",
            "E": "one_foreign_born_parent", "F": "one_foreign_born_parent"}.get(cat, "unknown")

def write_expected(cases, files):
    import lifelines, numpy as np
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    def contact_obs(c):
        k = c["knowledge"].date()
        hits = [e["time"] for e in c["events"] if e["type"] in ("kontakt_hjem", "mote")]
        hits = [h.astimezone(OSLO).date() if isinstance(h, dt.datetime) else h for h in hits]
        if hits: return working_days(k, min(hits)), True
        end = c["closing"]["time"].date() if "closing" in c else c["as_of"]
        return working_days(k, end), False

    def event_obs(c, kind):
        k = c["knowledge"].date()
        hits = [e["time"] for e in c["events"] if e["type"] == kind]
        hits = [h.astimezone(OSLO).date() if isinstance(h, dt.datetime) else h for h in hits]
        if hits: return working_days(k, min(hits)), True
        end = c["closing"]["time"].date() if "closing" in c else c["as_of"]
        return working_days(k, end), False

    def closure_obs(c):
        k = c["knowledge"].date()
        if "closing" in c: return (c["closing"]["time"].date() - k).days, True
        return (c["as_of"] - k).days, False

    def exact_median(f):
        # lifelines multiplies survival as exp(sum(log)), so a curve that reaches exactly 0.5
        # can land a hair above it and move the median one step later. The definition
        # (smallest t with S(t) <= 0.5) is applied here in exact fractions over lifelines'
        # own event table; lifelines' value is kept beside it.
        from fractions import Fraction
        s = Fraction(1)
        for t, row in f.event_table.iterrows():
            if row["at_risk"] > 0 and row["observed"] > 0:
                s *= Fraction(int(row["at_risk"] - row["observed"]), int(row["at_risk"]))
            if s <= Fraction(1, 2):
                return float(t)
        return float("inf")

    def km(obs):
        t = np.array([o[0] for o in obs], dtype=float); e = np.array([o[1] for o in obs])
        f = KaplanMeierFitter().fit(t, e)
        med = exact_median(f)
        lifelines_med = f.median_survival_time_
        ci = median_survival_times(f.confidence_interval_)
        lo, hi = float(ci.iloc[0, 0]), float(ci.iloc[0, 1])
        fin = lambda v: None if not np.isfinite(v) else float(v)
        within = 1.0 - float(f.survival_function_at_times(1.0).iloc[0])
        return {"n": len(obs), "events": int(e.sum()), "median": fin(med), "median_lifelines": fin(lifelines_med),
                "median_ci": [fin(lo), fin(hi)],
                "share_by_1": within}

    groups = {"all": cases}
    for c in cases: groups.setdefault(group_of(c["category"]), []).append(c)
    import statsmodels
    from statsmodels.stats.proportion import proportion_confint
    out = {"tool": f"lifelines {lifelines.__version__}, statsmodels {statsmodels.__version__}", "files": files, "groups": {}}
    durations = []
    for g, cs in sorted(groups.items()):
        for metric, obs in (("time_to_first_contact_working_days", [contact_obs(c) for c in cs]),
                            ("time_to_closure_calendar_days", [closure_obs(c) for c in cs]),
                            ("time_to_activity_plan_working_days", [event_obs(c, "aktivitetsplan") for c in cs]),
                            ("time_to_first_meeting_working_days", [event_obs(c, "mote") for c in cs])):
            durations += [(g, metric, t, e) for t, e in obs]
        out["groups"][g] = {
            "cases": len(cs),
            "ethnicity_based": sum(1 for c in cs if set(c["violations"]) & {"etnisitet", "religion", "sprak"}),
            "time_to_first_contact_working_days": km([contact_obs(c) for c in cs]),
            "time_to_closure_calendar_days": km([closure_obs(c) for c in cs]),
            "time_to_activity_plan_working_days": km([event_obs(c, "aktivitetsplan") for c in cs]),
            "time_to_first_meeting_working_days": km([event_obs(c, "mote") for c in cs]),
            "closed": sum(1 for c in cs if "closing" in c),
            "resolved": sum(1 for c in cs if "closing" in c and c["closing"]["arsak"] == "lost"),
            "closed_without_activity_plan": sum(1 for c in cs if "closing" in c
                                                and not any(e["type"] == "aktivitetsplan" for e in c["events"])),
        }
        g_out = out["groups"][g]
        if g_out["closed"]:
            g_out["resolved_wilson"] = [float(x) for x in proportion_confint(g_out["resolved"], g_out["closed"], method="wilson")]
    secrets = set()
    for c in cases:
        for k in ("pupil_fnr", "pupil_local_id", "pupil_name", "guardian_name", "guardian_fnr", "phone", "email", "case_number", "free_text"):
            if c.get(k): secrets.add(c[k])
        secrets.update(c["pupil_name"].split()); secrets.update(c["guardian_name"].split())
    out["personal_values"] = sorted(secrets)
    with open(os.path.join(HERE, "oracle", "demo_expected.json"), "w") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False, sort_keys=True)
    # The same durations for R: Fixtures/oracle/make_survival_oracle.R computes the medians
    # and their intervals with R's survival (midpoint where a curve is flat at 0.5, the
    # convention Saksgang follows) into survival_r.json; the pipeline's demo test compares
    # the medians with those, the lifelines medians above are kept for reference.
    with open(os.path.join(HERE, "oracle", "demo_durations.csv"), "w", newline="") as fh:
        fh.write("group,metric,time,event\n")
        for g, metric, t, e in durations:
            fh.write(f"{g},{metric},{t},{int(bool(e))}\n")

if __name__ == "__main__":
    main()
