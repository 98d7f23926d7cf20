#!/usr/bin/env python3
"""Builds tricky CSV inputs and their expected parse by Python's csv module (the oracle).

Run from anywhere: python3 make_expected.py. It writes <name>.csv and <name>.json beside
itself, plus cases.json listing them. All content is synthetic (no identity numbers).

Each <name>.json holds:
  header    first non-blank row, each name stripped of spaces/tabs (as CSVReader does)
  rows      the data rows; blank lines are skipped (Python yields [] for them)
  lines     physical line (1-based) where each data row starts, from reader.line_num
  encoding  the encoding CSVReader's .auto detection must choose: utf8 or windows1252
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (bytes, python codec for reading, expected detected encoding)
CASES = {}


def add(name, text, codec="utf-8", detected="utf8", bom=False):
    data = text.encode(codec)
    if bom:
        data = b"\xef\xbb\xbf" + data
    CASES[name] = (data, "utf-8-sig" if bom else codec, detected)


add("quoted_delimiter",
    'saksnr;skolenavn;kommentar\n'
    '2025-0001;"Berg; skole";"Mor ringte; gråter"\n'
    '2025-0002;Dal skole;";"\n'
    '2025-0003;"";";;;"\n')

add("escaped_quotes",
    'id;tekst\n'
    '1;"Han sa ""nei"" to ganger"\n'
    '2;""""\n'
    '3;"""start og slutt"""\n'
    '4;"a""""b"\n')

add("line_breaks_in_quotes",
    'id;notat;kode\n'
    '1;"linje en\nlinje to";A\n'
    '2;"første\r\nandre\r\ntredje";B\n'
    '3;"\n";C\n'
    '4;enkel;D\n')

add("mixed_line_ends",
    'a;b;c\r\n'
    '1;2;3\n'
    '4;5;6\r\n'
    '7;"8\r\n9";10\n'
    '11;12;13\r'
    '14;15;16\r\n')

add("empty_fields",
    'a;b;c;d\n'
    ';;;\n'
    '1;;;4\n'
    '"";"";"";""\n'
    '1;2;3;\n'
    '1;2\n'
    '1;2;3;4;5;\n')

add("no_final_newline",
    'kol1;kol2\r\n'
    'x;y\r\n'
    'siste;"rad uten linjeslutt"')

add("windows1252",
    'skolenavn;beløp;kommentar\r\n'
    'Ærlig skole;€ 100;"Sa ‚hei‘ og „ha det“ – så gikk han…"\r\n'
    'Øvre Å skole;‰ og ™;Šš Žž Œœ Ÿ ƒ ˆ ˜ • — †‡ ‹›\r\n'
    'Bø skole;ÆØÅ æøå;«sitat» ¼ ½ ¾ ÿ\r\n',
    codec="cp1252", detected="windows1252")

add("utf8_bom",
    ' saksnr ;skolenavn; kommentar\r\n'
    '2025-0101;Ærlig skole;"æøå ÆØÅ €"\r\n'
    '2025-0102;Bø skole;«sitat»\r\n',
    bom=True)

add("unicode_no_bom",
    'navn;tekst\n'
    'Áilu;Sámi: á č đ ŋ š ŧ ž\n'
    'Emoji;"glad 😀; trist 😢"\n'
    'Kombinert;e\u0301 og ñ\n'
    'Gresk;αβγ Ωμέγα\n')

add("blank_lines",
    '\n'
    'a;b\n'
    '\n'
    '1;2\n'
    '\r\n'
    '\n'
    '3;4\n'
    '\n')

add("quote_inside_unquoted",
    'a;b;c\n'
    'ab"c;"x"y;d\n'
    '5" skjerm;"sitat" etter;"q"""\n'
    ' "mellomrom";x;y\n')

add("smc_like",
    'saksnr;skole_orgnr;kommunenr;skolenavn;sist_endret;alvorlig;kjonn;trinn;'
    'meldt_dato;krenkelsestyper;kommentar\n'
    '2025-0311;TESTORG01;4601;Fjellvegen skole;02.06.2025 10:15;nei;J;5;'
    '12.05.2025 08:10;"utestenging,digital";"Mor ringte; jenta gråter hver morgen"\n'
    '2025-0312;TESTORG01;4601;Fjellvegen skole;03.06.2025 09:00;ja;G;7;'
    '13.05.2025 11:45;fysisk;\n'
    '2025-0313;TESTORG02;4601;"Dal skole";;nei;;;;;"Flere linjer:\nførst\nså"\n')


def parse(path, codec):
    header = None
    rows, lines = [], []
    with open(path, newline="", encoding=codec) as handle:
        reader = csv.reader(handle, delimiter=";")
        previous = 0
        for row in reader:
            start = previous + 1
            previous = reader.line_num
            if row == []:
                continue
            if header is None:
                header = [name.strip(" \t") for name in row]
                continue
            rows.append(row)
            lines.append(start)
    return header, rows, lines


def main():
    listing = []
    for name, (data, codec, detected) in CASES.items():
        csv_path = os.path.join(HERE, name + ".csv")
        with open(csv_path, "wb") as handle:
            handle.write(data)
        header, rows, lines = parse(csv_path, codec)
        expected = {"header": header, "rows": rows, "lines": lines, "encoding": detected}
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as handle:
            json.dump(expected, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        listing.append(name)
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as handle:
        json.dump(listing, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
