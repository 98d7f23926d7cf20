#!/usr/bin/env python3
"""Writes the hostile and broken export files under Fixtures/hostile/ (issue 4):

    python3 Fixtures/hostile/make_hostile.py

Every file is derived from the synthetic exports in Fixtures/equivalence/ (identity numbers
are synthetic test numbers, month + 80; an invalid one is a synthetic number with a wrong
check digit). Names follow the committed mappings (smx_<kommunenr>_<yyyymmdd>.xml[.gz],
smc_<kommunenr>_<yyyymmdd>.csv[.gz]), one kommunenr per file, and case numbers are rewritten
per file (H<kommunenr>-<n>) so that no two files share a case.

Besides the files it writes `personal_values.json`: per file, the personal values it holds
(case numbers, identity numbers, local ids, names, phone numbers, e-mail addresses, free
text) and the bad values planted in it, which no error message may ever quote. The Swift
tests read that file; nothing here runs at test time. gzip members use mtime=0, so the
output is reproducible byte for byte. README.md lists each file and its expected error.
"""
import csv
import gzip
import io
import json
import os
import re
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
EQUIV = os.path.join(HERE, "..", "equivalence")
DATE = "20250620"  # the export date of the equivalence fixtures: no event lies after it

XML_SOURCE = open(os.path.join(EQUIV, "smx_1804_20250620.xml"), encoding="utf-8").read()
CSV_SOURCE = open(os.path.join(EQUIV, "smc_1804_20250620.csv"), encoding="utf-8-sig", newline="").read()

PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'
ROOT_OPEN = '<Eksport xmlns="urn:skolemiljo:eksport:1" versjon="1.2" generert="2025-06-20T02:00:00+02:00">\n'
SAKS = re.findall(r"    <Sak .*?</Sak>\n", XML_SOURCE, re.S)[:6]  # the first school's cases
CSV_ROWS = list(csv.reader(io.StringIO(CSV_SOURCE), delimiter=";"))
HEADER, DATA = CSV_ROWS[0], CSV_ROWS[1:]

W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

files = {}      # name -> bytes
personal = {}   # name -> values no message may quote


def member(data, level=9):
    return gzip.compress(data, compresslevel=level, mtime=0)


def valid_number(n):
    d = [int(c) for c in n]
    def check(ds, w):
        r = 11 - sum(a * b for a, b in zip(ds, w)) % 11
        return 0 if r == 11 else (None if r == 10 else r)
    k1 = check(d[:9], W1)
    return k1 is not None and k1 == d[9] and check(d[:10], W2) == d[10]


# ---------------------------------------------------------------- XML helpers

def sak(i, kommune, case_index=None):
    """The i-th case of the first school, its case number rewritten for this file."""
    text = SAKS[i]
    number = f"H{kommune}-{(case_index if case_index is not None else i) + 1}"
    return re.sub(r'<Sak id="[^"]*"', f'<Sak id="{number}"', text, count=1)


def xml_doc(kommune, saks, prolog=PROLOG, doctype=""):
    return (prolog + doctype + ROOT_OPEN
            + f'  <Skole orgnr="970180400" kommunenr="{kommune}" navn="Bodøsjøen skole">\n'
            + "".join(saks) + "  </Skole>\n</Eksport>\n")


def xml_personal(text):
    values = set(re.findall(r'\b(?:id|fnr|lokalId)="([^"]+)"', text))
    for tag in ("Navn", "Telefon", "Epost", "Notat"):
        values |= set(re.findall(rf"<{tag}>([^<]+)</{tag}>", text))
    values |= {m for m in re.findall(r"\b(\d{8})\b", " ".join(re.findall(r"<Notat>[^<]*</Notat>", text)))}
    return values


def add_xml(name, text, extra=()):
    data = text.encode("utf-8") if isinstance(text, str) else text
    files[name] = data
    personal[name] = sorted(xml_personal(data.decode("utf-8", "replace")) | set(extra))


def three(kommune):
    return xml_doc(kommune, [sak(i, kommune) for i in range(3)])


# ---------------------------------------------------------------- CSV helpers

def csv_rows(kommune, indices):
    rows = []
    for n, i in enumerate(indices):
        row = list(DATA[i])
        row[0] = f"H{kommune}-{n + 1}"
        row[2] = kommune
        rows.append(row)
    return rows


def csv_text(header, rows, delimiter=";"):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def csv_personal(header, rows):
    values = set()
    for col in ("saksnr", "elev_fnr", "elev_lokal_id", "elev_navn", "kommentar"):
        if col in header:
            k = header.index(col)
            values |= {r[k] for r in rows if k < len(r) and r[k]}
    for r in rows:
        if "kommentar" in header and header.index("kommentar") < len(r):
            values |= set(re.findall(r"\b(\d{8})\b", r[header.index("kommentar")]))
            values |= set(re.findall(r"til ([A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+)", r[header.index("kommentar")]))
    return values


def add_csv(name, header, rows, delimiter=";", bom=True, extra=(), transform=None):
    text = csv_text(header, rows, delimiter)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    if transform:
        data = transform(data)
    files[name] = data
    personal[name] = sorted(csv_personal(header, rows) | set(extra))


# ================================================================ gzip

doc = three("9101").encode("utf-8")
gz = member(doc)
files["smx_9101_20250620.xml.gz"] = gz[: len(gz) * 6 // 10]                  # truncated
personal["smx_9101_20250620.xml.gz"] = sorted(xml_personal(doc.decode()))

doc = three("9102").encode("utf-8")
gz = bytearray(member(doc))
gz[10] |= 0b110                                                                 # first block: reserved type 3
files["smx_9102_20250620.xml.gz"] = bytes(gz)
personal["smx_9102_20250620.xml.gz"] = sorted(xml_personal(doc.decode()))

doc = three("9103").encode("utf-8")
gz = bytearray(member(doc))
gz[-8] ^= 0xFF                                                                  # CRC32 trailer
files["smx_9103_20250620.xml.gz"] = bytes(gz)
personal["smx_9103_20250620.xml.gz"] = sorted(xml_personal(doc.decode()))

doc = three("9104").encode("utf-8")
gz = bytearray(member(doc))
gz[-4] ^= 0x01                                                                  # ISIZE trailer
files["smx_9104_20250620.xml.gz"] = bytes(gz)
personal["smx_9104_20250620.xml.gz"] = sorted(xml_personal(doc.decode()))

# Concatenated members (valid): all 12 rows, split over three members.
header, rows = HEADER, csv_rows("9105", range(12))
text = ("\ufeff" + csv_text(header, rows)).encode("utf-8")
cut1 = text.index(b"\r\nH9105-5;") + 2
cut2 = text.index(b"\r\nH9105-9;") + 2
files["smc_9105_20250620.csv.gz"] = member(text[:cut1]) + member(text[cut1:cut2], level=1) + member(text[cut2:])
personal["smc_9105_20250620.csv.gz"] = sorted(csv_personal(header, rows))
assert gzip.decompress(files["smc_9105_20250620.csv.gz"]) == text

# Decompression bomb: a well-formed prolog and root around 20 MiB of spaces.
bomb = (PROLOG + ROOT_OPEN).encode() + b" " * (20 << 20) + b"</Eksport>\n"
files["smx_9106_20250620.xml.gz"] = member(bomb)
personal["smx_9106_20250620.xml.gz"] = []
ratio = len(bomb) / len(files["smx_9106_20250620.xml.gz"])
assert ratio > 1000, ratio

# A valid gzip member that holds nothing.
files["smx_9107_20250620.xml.gz"] = member(b"")
personal["smx_9107_20250620.xml.gz"] = []

# ================================================================ XML

lols = "".join(f'  <!ENTITY lol{k} "{("&lol%d;" % (k - 1)) * 10}">\n' for k in range(1, 10))
doctype = '<!DOCTYPE Eksport [\n  <!ENTITY lol0 "lol">\n' + lols + "]>\n"
body = [sak(0, "9201").replace("<Navn>Sofie Berg</Navn>", "<Navn>&lol9;</Navn>")] + [sak(1, "9201")]
add_xml("smx_9201_20250620.xml", xml_doc("9201", body, doctype=doctype))

doctype = '<!DOCTYPE Eksport [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
body = [sak(0, "9202").replace("<Navn>Sofie Berg</Navn>", "<Navn>&xxe;</Navn>")] + [sak(1, "9202")]
add_xml("smx_9202_20250620.xml", xml_doc("9202", body, doctype=doctype))

doctype = ('<!DOCTYPE Eksport [\n  <!ENTITY % ext SYSTEM "file:///etc/passwd">\n  %ext;\n'
           '  <!ENTITY % inner "<!ENTITY stolen \'&#37;ext;\'>">\n  %inner;\n]>\n')
body = [sak(0, "9203").replace("<Navn>Sofie Berg</Navn>", "<Navn>&stolen;</Navn>")] + [sak(1, "9203")]
add_xml("smx_9203_20250620.xml", xml_doc("9203", body, doctype=doctype))

# Entities declared in the internal subset and used in attribute values (captured fields).
lols = "".join(f'  <!ENTITY a{k} "{("&a%d;" % (k - 1)) * 10}">\n' for k in range(1, 8))
doctype = '<!DOCTYPE Eksport [\n  <!ENTITY a0 "AAAAAAAAAA">\n' + lols + '  <!ENTITY kode "elev">\n]>\n'
text = xml_doc("9204", [sak(i, "9204") for i in range(2)], doctype=doctype)
text = text.replace('navn="Bodøsjøen skole"', 'navn="&a7;"', 1).replace('meldtAv="annen"', 'meldtAv="&kode;"', 1)
add_xml("smx_9204_20250620.xml", text)

doctype = '<!DOCTYPE Eksport SYSTEM "file:///etc/passwd">\n'
add_xml("smx_9205_20250620.xml", xml_doc("9205", [sak(0, "9205")], doctype=doctype))

depth = 10000
deep = "      " + "<x>" * depth + "</x>" * depth + "\n"
text = xml_doc("9206", [sak(0, "9206").replace("      <Hendelser>", deep + "      <Hendelser>", 1)])
add_xml("smx_9206_20250620.xml", text)

text = three("9207")
cut = text.index("<Hendelse ", text.index('<Sak id="H9207-2"')) + 25
add_xml("smx_9207_20250620.xml", text[:cut], extra=xml_personal(text))

text = three("9208")
data = text.encode("utf-8")
# The second case's pupil name in ISO-8859-1 while the prolog declares UTF-8.
name2 = re.findall(r"<Navn>([^<]+)</Navn>", SAKS[1])[0]
data = data.replace(f"<Navn>{name2}</Navn>".encode(), f"<Navn>{name2} Bjørnstad</Navn>".encode("latin-1"), 1)
files["smx_9208_20250620.xml"] = data
personal["smx_9208_20250620.xml"] = sorted(xml_personal(text) | {name2 + " Bjørnstad", "Bjørnstad"})

html = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
files["smx_9209_20250620.xml"] = html.encode()
personal["smx_9209_20250620.xml"] = []

html = ('<!DOCTYPE html>\n<html lang="nb">\n<head><meta charset="utf-8"><title>Feil 500</title></head>\n'
        "<body><h1>Beklager, noe gikk galt</h1><p>Eksporten kunne ikke lages.<br></p></body>\n</html>\n")
files["smx_9210_20250620.xml"] = html.encode()
personal["smx_9210_20250620.xml"] = []

files["smx_9211_20250620.xml"] = b""
personal["smx_9211_20250620.xml"] = []

# ================================================================ CSV

rows = csv_rows("9301", range(3))
add_csv("smc_9301_20250620.csv", HEADER, rows, delimiter=",")

rows = csv_rows("9302", range(3))
k = HEADER.index("saksnr")
add_csv("smc_9302_20250620.csv", HEADER[:k] + HEADER[k + 1:], [r[:k] + r[k + 1:] for r in rows],
        extra=[r[k] for r in rows])

rows = csv_rows("9303", range(3))
add_csv("smc_9303_20250620.csv", HEADER + ["ekstra_felt"], [r + ["x"] for r in rows])

rows = csv_rows("9304", range(4))
# The last row's free text opens a quote that is never closed: the field runs to the end.
k = HEADER.index("kommentar")
assert all(not any(c in v for c in ';"\r\n') for v in rows[3][:k]), "the last row must need no quoting"
opened = rows[3][k].split("\n")[0]
text = "\ufeff" + csv_text(HEADER, rows[:3]) + ";".join(rows[3][:k]) + ';"' + opened + "\r\n"
files["smc_9304_20250620.csv"] = text.encode("utf-8")
personal["smc_9304_20250620.csv"] = sorted(csv_personal(HEADER, rows) | {opened})

rows = csv_rows("9305", range(3))
k = HEADER.index("elev_navn")
first, last = rows[1][k].split(" ", 1)
def nul_in_name(data, first=first, last=last):
    return data.replace(f";{first} {last};".encode(), f";{first}\x00{last};".encode(), 1)
add_csv("smc_9305_20250620.csv", HEADER, rows, transform=nul_in_name, extra=[first, last])
assert b"\x00" in files["smc_9305_20250620.csv"]

rows = csv_rows("9306", range(3))
k = HEADER.index("kommentar")
# A 1.5 MB free-text field: varied enough that gzip compresses it about 40:1 (far from a
# bomb's ratio), so the file stays small on disk.
chunk = "Mor ringte igjen om det som skjedde i friminuttet, og ba om et nytt møte med kontaktlæreren. "
rows[1][k] = "".join(f"{chunk}Logg {n:06d}. " for n in range(1_500_000 // (len(chunk) + 13)))
text = ("\ufeff" + csv_text(HEADER, rows)).encode("utf-8")
files["smc_9306_20250620.csv.gz"] = member(text)
personal["smc_9306_20250620.csv.gz"] = sorted((csv_personal(HEADER, rows) - {rows[1][k]}) | {chunk.strip()})
assert len(text) / len(files["smc_9306_20250620.csv.gz"]) < 500

add_csv("smc_9307_20250620.csv", HEADER, [])

files["smc_9308_20250620.csv"] = b""
personal["smc_9308_20250620.csv"] = []

rows = csv_rows("9309", range(3))
k = HEADER.index("elev_navn")
def latin1_name(data, rows=rows, k=k):
    return data.replace(rows[2][k].encode("utf-8"), (rows[2][k] + " Bjørnstad").encode("latin-1"), 1)
add_csv("smc_9309_20250620.csv", HEADER, rows, transform=latin1_name, extra=[rows[2][k] + " Bjørnstad"])

# ================================================================ records

rows = csv_rows("9401", range(4))
rows[1][HEADER.index("meldt_dato")] = "31.02.2025 10:00"
add_csv("smc_9401_20250620.csv", HEADER, rows, extra=["31.02.2025"])

saks = [sak(i, "9402") for i in range(3)]
saks[1] = saks[1].replace('tidspunkt="2025-05-13T09:00:00+02:00"', 'tidspunkt="2025-02-31T09:00:00+01:00"', 1)
assert "2025-02-31" in saks[1]
add_xml("smx_9402_20250620.xml", xml_doc("9402", saks), extra=["2025-02-31"])

saks = [sak(i, "9403") for i in range(3)]
# Case 1: knowledge moved after its first events. Case 2: an evaluation after the export.
saks[1] = saks[1].replace('<Kjennskap tidspunkt="2025-05-07T13:00:00+02:00"', '<Kjennskap tidspunkt="2025-05-08T13:00:00+02:00"', 1)
saks[2] = saks[2].replace("      </Hendelser>", '        <Hendelse type="evaluering" tidspunkt="2025-07-01T10:00:00+02:00"/>\n      </Hendelser>', 1)
assert "2025-05-08T13" in saks[1] and "2025-07-01" in saks[2]
add_xml("smx_9403_20250620.xml", xml_doc("9403", saks))

rows = csv_rows("9404", range(5))
rows[0][HEADER.index("meldt_av")] = "rektor"
rows[2][HEADER.index("krenkelsestyper")] = "verbal,mobbing"
rows[3][HEADER.index("kjonn")] = "X"
add_csv("smc_9404_20250620.csv", HEADER, rows, extra=["rektor", "mobbing"])

saks = [sak(i, "9405") for i in range(3)]
good = re.search(r'fnr="(\d{11})"', saks[0]).group(1)
bad = good[:10] + str((int(good[10]) + 1) % 10)
assert valid_number(good) and not valid_number(bad) and int(bad[2:4]) > 80
saks[0] = saks[0].replace(f'fnr="{good}"', f'fnr="{bad}"', 1)
good2 = re.search(r'fnr="(\d{11})"', saks[1]).group(1)
bad2 = good2[:10] + str((int(good2[10]) + 1) % 10)
assert valid_number(good2) and not valid_number(bad2)
# The second pupil also has a local id: it identifies the pupil instead.
saks[1] = saks[1].replace(f'fnr="{good2}"', f'fnr="{bad2}" lokalId="L94052"', 1)
add_xml("smx_9405_20250620.xml", xml_doc("9405", saks), extra=[bad, bad2, good, good2])

saks = [sak(0, "9406"), sak(1, "9406"), sak(0, "9406")]
add_xml("smx_9406_20250620.xml", xml_doc("9406", saks))

saks = [sak(i, "9407") for i in range(3)]
saks[0] = saks[0].replace('alvorlig="false"', 'alvorlig="ja"', 1)
saks[2] = saks[2].replace('<Hendelse type="mote"', '<Hendelse type="telefonmote"', 1)
assert 'type="telefonmote"' in saks[2]
add_xml("smx_9407_20250620.xml", xml_doc("9407", saks), extra=["telefonmote"])

# ================================================================ a file still being written

text = three("9501")
add_xml("smx_9501_20250620.xml.part", text[: len(text) // 2], extra=xml_personal(text))


def main():
    for name in list(os.listdir(HERE)):
        if name.startswith(("smx_", "smc_")):
            os.remove(os.path.join(HERE, name))
    for name, data in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as handle:
            handle.write(data)
    cleaned = {n: [v for v in vs if len(v) >= 4] for n, vs in sorted(personal.items())}
    with open(os.path.join(HERE, "personal_values.json"), "w", encoding="utf-8") as handle:
        json.dump(cleaned, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")
    total = sum(len(d) for d in files.values())
    print(f"{len(files)} files, {total} bytes")


if __name__ == "__main__":
    main()
