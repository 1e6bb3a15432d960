"""The Lampiran II program table "Matriks Kinerja dan Keterkaitan BSKJI": SP rows and IK rows."""
from __future__ import annotations

import re

from pohon.extract.teks import (
    TableError, find_line, is_target_token, spaces, target, targets_dict,
)

_PROGRAM = re.compile(r"^\s*(Program\s.+?)\s*$")
_SP = re.compile(r"^\s*(SP\d)\s+(.+?)\s*$")
_IK = re.compile(r"^\s*([a-j])\s+(.*)$")
_IK_ALONE = re.compile(r"^\s*([a-j])\s*$")
# Lines of the repeated page header, and the BSKJI total line.
_SKIP = re.compile(r"^\s*(Sasaran|Program\s*$|Ko\s*$|de\s*$|Indikator Satuan|Indikasi Capaian|Unit Terkait"
                   r"|2021 2022|BADAN STANDARDISASI)")
SATUAN_PROGRAM = ("Perusahaan", "Indeks", "Nilai", "%")
# Targets, then the empty funding cells (a run of spaces), then Unit Terkait.
_TAIL = re.compile(r"^(?P<head>.*?)\s(?P<t>(\S+\s+){3}\S+)\s{3,}(?P<unit>\S.*?)\s*$")


def extract_program_table(lines: list[str]) -> tuple[list[dict], list[dict]]:
    """(sp rows, IK rows) of the Lampiran II program table."""
    start = find_line(lines, r"^\s*Lampiran II Matriks Kinerja dan Keterkaitan")
    end = find_line(lines, r"^\s*KODE\s*$", start)
    sps: list[dict] = []
    iks: list[dict] = []
    program = None
    i = start + 1
    while i < end:
        line = lines[i]
        if _PROGRAM.match(line) and not _SKIP.match(line):
            program = _PROGRAM.match(line).group(1)
        elif _SP.match(line):
            m = _SP.match(line)
            nama = m.group(2)
            sps.append({"kode": m.group(1), "nama": nama, "program": program, "ss": nama, "baris": i + 1})
        elif (_IK.match(line) or _IK_ALONE.match(line)) and sps and not _SKIP.match(line):
            row, i = _ik_row(lines, i, end, sps[-1]["kode"])
            iks.append(row)
            continue
        i += 1
    if len(sps) != 9:
        raise TableError(f"Lampiran II program table: expected SP1..SP9, read {len(sps)}")
    return sps, iks


def _ik_row(lines: list[str], i: int, end: int, sp: str) -> tuple[dict, int]:
    """One IK row starting at line i; returns it and the index after its last line."""
    baris = i + 1
    m = _IK.match(lines[i]) or _IK_ALONE.match(lines[i])
    kode, first = m.group(1), (m.group(2) if m.re is _IK else "")
    parts: list[str] = []
    line, tail = first, None
    while True:
        tail = _TAIL.match(line)
        if tail and all(is_target_token(t) for t in tail.group("t").split()):
            parts.append(tail.group("head"))
            break
        parts.append(line)
        i += 1
        if i >= end:
            raise TableError(f"Lampiran II line {baris}: IK row without targets")
        line = lines[i]
    i += 1
    unit = tail.group("unit")
    # Unit Terkait wraps: "POPTIKJI," / "BBSPJI, BSPJI"; "Seluruh Unit" / "Kerja".
    while unit.endswith(",") or unit.endswith("Unit"):
        while i < end and not lines[i].strip():
            i += 1
        unit = f"{unit} {lines[i].strip()}"
        i += 1
    head = spaces(" ".join(parts))
    satuan = next((s for s in SATUAN_PROGRAM if head.endswith(" " + s)), None)
    if satuan is None:
        raise TableError(f"Lampiran II line {baris}: unknown satuan in {head!r}")
    row = {"sp": sp, "kode": kode, "indikator": head[: -len(satuan)].strip(), "satuan": satuan}
    row.update(targets_dict([target(t) for t in tail.group("t").split()]))
    row["unit_terkait"] = spaces(unit)
    row["baris"] = baris
    return row, i
