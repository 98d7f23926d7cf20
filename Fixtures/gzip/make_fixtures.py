#!/usr/bin/env python3
"""Builds the gzip fixtures GzipByteSourceTests read: python3 make_fixtures.py.

Members are written with mtime=0 so the files are reproducible. All content is synthetic.
  single.gz        one member of text.txt
  multi2.gz        text.txt split in two members (as `cat a.gz b.gz` makes)
  multi3.gz        text.txt split in three members, the middle one at level 1
  text.txt         the decompressed content of all three
  empty_member.gz  a member holding zero bytes followed by a member with "tail\n"
"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def member(data, level=9):
    return gzip.compress(data, compresslevel=level, mtime=0)


def main():
    lines = [f"linje {i:04d};skole {i % 7};status {'åpen' if i % 3 else 'lukket'}\n"
             for i in range(400)]
    text = "".join(lines).encode("utf-8")
    third = len(text) // 3
    parts = [text[:third], text[third:2 * third], text[2 * third:]]
    files = {
        "text.txt": text,
        "single.gz": member(text),
        "multi2.gz": member(text[:len(text) // 2]) + member(text[len(text) // 2:]),
        "multi3.gz": member(parts[0]) + member(parts[1], level=1) + member(parts[2]),
        "empty_member.gz": member(b"") + member(b"tail\n"),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as handle:
            handle.write(data)
    # Sanity: Python reads the multi-member files whole.
    assert gzip.decompress(files["multi3.gz"]) == text
    assert gzip.decompress(files["multi2.gz"]) == text


if __name__ == "__main__":
    main()
