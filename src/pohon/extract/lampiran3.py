"""Lampiran III "Pedoman Kinerja": one entry per code per unit section, all as written (its text fields:
pohon.extract.lampiran3_fields)."""
from __future__ import annotations

import re

from pohon.extract.lampiran3_fields import read_fields
from pohon.extract.teks import (
    TableError, find_line, spaces, split_trailing_targets, target, targets_dict,
)

BAGIAN = {
    "Tujuan": "BSKJI",
    "pada P4SI": "P4SI",
    "pada P2SI": "P2SI",
    "pada PIH": "PIH",
    "pada POPTIKJI": "POPTIKJI",
    "pada Sekretariat BSKJI": "SET",
    "pada BBSPJI dan BSPJI": "BALAI",
}
_SECTION = re.compile(r"^\s*Pedoman Kinerja (Tujuan|pada .+?)\s*$")
_ENTRY = re.compile(r"^\s*(T[1-4](?:/SP\d/[a-j])?)(?:\s+(.*))?$")
_YEARS_ONLY = re.compile(r"^\s*\(?20\d\d\)?(\s+\(?20\d\d\)?)*\s*$")
_ANNOTATION = re.compile(r"^\(.*\)$")
_BLOCK = re.compile(r"Satuan:\s*(.*?)\s*Klasifikasi:\s*(.*?)\s*Penanggung\s*Jawab:\s*(.*)$")


def extract_pedoman(lines: list[str]) -> list[dict]:
    start = find_line(lines, r"^\s*Lampiran III Pedoman Kinerja")
    end = find_line(lines, r"^\s*Lampiran IV Matriks Cascading", start)
    rows: list[dict] = []
    bagian = None
    gap_start = start
    i = start
    while i < end:
        section = _SECTION.match(lines[i])
        entry = _ENTRY.match(lines[i])
        if section:
            if section.group(1) not in BAGIAN:
                raise TableError(f"Lampiran III line {i + 1}: unknown section {section.group(1)!r}")
            bagian = BAGIAN[section.group(1)]
        elif entry and bagian is not None:
            years = _years(lines[gap_start:i])
            row, i = _entry(lines, i, end, bagian, years)
            rows.append(row)
            gap_start = i
            continue
        i += 1
    return rows


def _years(header: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for line in header:
        if _YEARS_ONLY.match(line):
            found += re.findall(r"20\d\d", line)
    return tuple(found)


def _entry(lines: list[str], i: int, end: int, bagian: str, years: tuple[str, ...]) -> tuple[dict, int]:
    baris = i + 1
    m = _ENTRY.match(lines[i])
    kode = m.group(1)
    definisi = _find(lines, r"^\s*Definisi:", i + 1, end, baris)
    name_parts: list[str] = []
    tokens: list[str] = []
    for k, line in enumerate(lines[i:definisi]):
        text = spaces(m.group(2) or "") if k == 0 else spaces(line)
        if not text:
            continue
        if not years:  # the balai section prints no targets
            name_parts.append(text)
        elif tokens:  # after the first target only targets and notes such as "(akumulasi)" follow
            if not _ANNOTATION.match(text):
                tokens += text.split()
        else:
            head, trailing = split_trailing_targets(text)
            if head and len(trailing) < 2:  # "… industri 4.0": a number ending a name
                head, trailing = text, []
            if head:
                name_parts.append(head)
            tokens += trailing
    if years and len(tokens) != len(years):
        raise TableError(f"Lampiran III line {baris}: {len(tokens)} targets for years {years}")
    satuan_line = _find(lines, r"^\s*Satuan:", definisi, end, baris)
    satuan, klasifikasi, pj, after = _block(lines, satuan_line, end, baris)
    fields, notes = read_fields(lines, definisi, satuan_line)
    row = {"bagian": bagian, "kode": kode, "indikator": spaces(" ".join(name_parts)),
           "satuan": satuan, "klasifikasi": klasifikasi}
    row.update(targets_dict([target(t) for t in tokens], years))
    row["penanggung_jawab"] = pj
    row.update(fields)
    row["catatan"] = "; ".join(notes) or None
    row["baris"] = baris
    return row, after


def _find(lines: list[str], pattern: str, start: int, end: int, baris: int) -> int:
    try:
        return find_line(lines, pattern, start, end)
    except TableError as exc:
        raise TableError(f"Lampiran III line {baris}: {exc}") from exc


def _block(lines: list[str], i: int, end: int, baris: int) -> tuple[str, str, str, int]:
    """The "Satuan: … Klasifikasi: … Penanggung Jawab: …" block starting at line `i`."""
    parts: list[str] = []
    seen_pj = False
    while i < end:
        line = lines[i]
        if seen_pj and (not line.strip() or line.startswith(" ")):
            break
        if line.strip():
            parts.append(line.strip())
        seen_pj = seen_pj or "Jawab:" in line
        i += 1
    m = _BLOCK.search(spaces(" ".join(parts)))
    if not m:
        raise TableError(f"Lampiran III line {baris}: unreadable Satuan/Klasifikasi/Penanggung Jawab block")
    return m.group(1), m.group(2), m.group(3), i
