"""Tabel 2 "Pemetaan Tujuan dan Sasaran Strategis BSKJI 2021-2024": Tujuan rows and IK rows."""
from __future__ import annotations

import re

from pohon.extract.teks import (
    TableError, find_line, is_target_token, spaces, target, targets_dict,
)

_ROW = re.compile(r"^\s*(T[1-4])(?:\s+(SP\d))?(?:\s+(.*))?$")
_HEADER = re.compile(r"^\s*(Tujuan Sasaran|Strategis Indikator Satuan)")
# Longest first: the satuan is the text just before the four targets.
SATUAN_TABEL2 = ("Jumlah Perusahaan (akumulatif)", "Perusahaan", "Indeks", "Nilai", "%")


def extract_tabel2(lines: list[str]) -> list[dict]:
    """Every Tabel 2 row: `tujuan`, `sp` (None on a Tujuan row), `indikator`, `satuan`, targets, `baris`."""
    start = find_line(lines, r"^\s*Tabel 2\.")
    end = find_line(lines, r"^\s*BAB III\b", start)
    rows: list[dict] = []
    current: dict | None = None
    for i in range(start + 1, end):
        line = lines[i]
        if _HEADER.match(line):
            continue
        m = _ROW.match(line)
        if m:
            current = {"tujuan": m.group(1), "sp": m.group(2), "parts": [m.group(3) or ""], "baris": i + 1}
            rows.append(current)
        elif current is not None:
            current["parts"].append(line)
    return [_finish(r) for r in rows]


def _finish(raw: dict) -> dict:
    tokens = spaces(" ".join(raw["parts"])).split()
    if len(tokens) < 5 or not all(is_target_token(t) for t in tokens[-4:]):
        raise TableError(f"Tabel 2 line {raw['baris']}: no four targets at the row end")
    values = [target(t) for t in tokens[-4:]]
    text = " ".join(tokens[:-4])
    satuan = next((s for s in SATUAN_TABEL2 if text.endswith(" " + s)), None)
    if satuan is None:
        raise TableError(f"Tabel 2 line {raw['baris']}: unknown satuan in {text!r}")
    row = {
        "tujuan": raw["tujuan"],
        "sp": raw["sp"],
        "indikator": text[: -len(satuan)].strip(),
        "satuan": satuan,
    }
    row.update(targets_dict(values))
    row["baris"] = raw["baris"]
    return row


def tujuan_rows(tabel2: list[dict]) -> list[dict]:
    """tujuan.csv: the Tabel 2 rows without an SP."""
    out = []
    for r in tabel2:
        if r["sp"] is None:
            out.append({"kode": r["tujuan"], "nama": r["indikator"], "satuan": r["satuan"],
                        **{k: v for k, v in r.items() if k.startswith("target_")}, "baris": r["baris"]})
    return out
