"""Tabel 10 "Kebutuhan Pendanaan BSKJI Tahun 2021 – 2024" (Rp juta)."""
from __future__ import annotations

import re

from pohon.extract.teks import PAGU_COLUMNS, TableError, find_line, rupiah, spaces

# The row label's first words decide the Tabel 10 kelompok.
_KELOMPOK = (
    ("Pusat Perumusan", "P4SI"),
    ("Pusat Pengawasan", "P2SI"),
    ("Pusat Industri Hijau", "PIH"),
    ("Pusat Optimalisasi", "POPTIKJI"),
    ("Sekretariat", "SET"),
    ("Unit Pelaksana Teknis", "UPT"),
    ("TOTAL", "TOTAL"),
)
_AMOUNTS = re.compile(r"^(?P<head>.*?)\s*(?P<nums>(\d[\d.]*(,\d+)?\s+){3}\d[\d.]*(,\d+)?)\s*$")
_ROW_START = re.compile(r"^\s*(\d\s+\S|TOTAL\b)")


def extract_tabel10(lines: list[str]) -> list[dict]:
    start = find_line(lines, r"^\s*Tabel 10\.")
    end = find_line(lines, r"^\s*TOTAL\b", start) + 1
    rows: list[dict] = []
    parts: list[str] = []
    baris = None
    for i in range(start, end):
        m = _ROW_START.match(lines[i])
        if m:
            parts, baris = [], i + 1
        if baris is None:
            continue
        parts.append(lines[i])
        amounts = _AMOUNTS.match(spaces(" ".join(parts)))
        if amounts:
            nama = re.sub(r"^\d\s+", "", amounts.group("head"))
            rows.append(_row(nama, amounts.group("nums").split(), baris))
            parts, baris = [], None
    if len(rows) != 7:
        raise TableError(f"Tabel 10: expected 7 rows, read {len(rows)}")
    return rows


def _row(nama: str, nums: list[str], baris: int) -> dict:
    kelompok = next((k for prefix, k in _KELOMPOK if nama.startswith(prefix)), None)
    if kelompok is None:
        raise TableError(f"Tabel 10 line {baris}: unknown row {nama!r}")
    row = {"kelompok": kelompok, "nama": nama}
    row.update({c: rupiah(n) for c, n in zip(PAGU_COLUMNS, nums)})
    row["baris"] = baris
    return row
