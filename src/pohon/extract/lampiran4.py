"""Lampiran IV "Matriks Cascading", read as text: rows with the raw positions of their `o` marks.

Which column a mark sits in is decided in `pohon.extract.cascading`; this module only reads.
"""
from __future__ import annotations

import re

from pohon.extract.teks import TableError, find_line, spaces

MARK_COLUMNS = ("SET", "P4SI", "P2SI", "POPTIKJI", "PIH", "BBSPJI", "BSPJI", "UKE-1", "UKE-2")
UNIT_COLUMNS = MARK_COLUMNS[:7]
SATUAN_LAMPIRAN4 = ("Ruang Lingkup", "Perusahaan", "Indeks", "Nilai", "%")

_ROW = re.compile(r"^\s*(T[1-4])\s+(SP\d)\s+([a-j])\b\s*(.*)$")
_PERSPEKTIF = re.compile(r"^\s*(Stakeholder|Customer|Internal Process|Learning & Growth) Perspective\s*$")
_MARKS = re.compile(r"^(?P<head>.*?\S)(?P<marks>(\s+o)+)\s*$")
_HEADER_START = re.compile(r"^\s*TU\s*$")
_HEADER_END = re.compile(r"^\s*UPT\s*$")


def read_matrix(lines: list[str]) -> list[dict]:
    """Rows: perspektif, tujuan, sp, kode, indikator, satuan, offsets, marks_text, baris.

    `offsets` are the 0-based positions of the `o` marks in `marks_text`, the text after the satuan.
    A mark in column c (0 = SET … 8 = UKE-2) sits at offset 2c+1 when the spacing is exact.
    """
    start = find_line(lines, r"^\s*Lampiran IV Matriks Cascading")
    rows: list[dict] = []
    perspektif = None
    current: dict | None = None
    in_header = False
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if _HEADER_START.match(line):
            in_header = True
        if in_header:
            in_header = not _HEADER_END.match(line)
            continue
        p = _PERSPEKTIF.match(line)
        if p:
            perspektif = p.group(1)
            continue
        m = _ROW.match(line)
        if m:
            if current is not None:
                raise TableError(f"Lampiran IV line {current['baris']}: row ends without marks")
            current = {"perspektif": perspektif, "tujuan": m.group(1), "sp": m.group(2), "kode": m.group(3),
                       "parts": [], "baris": i + 1}
            line = m.group(4)
        if current is None:
            continue
        marks = _MARKS.match(line)
        if marks:
            rows.append(_finish(current, marks))
            current = None
        elif line.strip():
            current["parts"].append(line)
    return rows


def _finish(raw: dict, marks: re.Match) -> dict:
    head = marks.group("head")
    text = spaces(" ".join(raw["parts"] + [head]))
    satuan = next((s for s in SATUAN_LAMPIRAN4 if text == s or text.endswith(" " + s)), None)
    if satuan is None:
        raise TableError(f"Lampiran IV line {raw['baris']}: unknown satuan in {text!r}")
    tail = marks.group("marks")
    offsets = [k for k, ch in enumerate(tail) if ch == "o"]
    return {
        "perspektif": raw["perspektif"], "tujuan": raw["tujuan"], "sp": raw["sp"], "kode": raw["kode"],
        "indikator": text[: -len(satuan)].strip(), "satuan": satuan,
        "offsets": offsets, "marks_text": tail, "baris": raw["baris"],
    }
