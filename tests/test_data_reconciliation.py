"""Σ komponen per unit and year against the unit headers, and the headers against Tabel 10.

Every gap that remains is a document inconsistency listed in data/README.md
("Rekonsiliasi anggaran"); each is asserted here figure by figure so a change shows.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
YEARS = (2021, 2022, 2023, 2024)
TOLERANCE = 0.05

# (unit, year): (header pagu, Σ komponen) — the document's own inconsistencies
GENUINE_GAPS = {
    ("BBSPJI-KMN", 2021): (29432.04, 29490.35),
    ("BBSPJI-KMN", 2022): (21466.70, 21610.53),
    ("BBSPJI-KMN", 2023): (22171.35, 22224.73),
    ("BBSPJI-LM", 2021): (23907.45, 23907.87),
    ("BBSPJI-LM", 2022): (25682.00, 25682.21),
    ("BBSPJI-LM", 2024): (28446.72, 28446.32),
    ("BBSPJI-KB", 2024): (24866.50, 24865.96),
    ("BSPJI-LAMPUNG", 2023): (17328.75, 17328.98),
    ("BSPJI-AMBON", 2024): (10444.094, 10444.15),
}

# (kelompok, year): (Tabel 10, Σ of the Lampiran II headers of that kelompok)
TABEL10_GAPS = {
    ("SET", 2024): (56891.0, 56891.58),
    ("UPT", 2021): (560216.22, 522486.18),
    ("UPT", 2023): (597925.36, 591475.69),
    ("UPT", 2024): (607139.0, 563368.64),
}


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _amount(text: str) -> float:
    return float(text) if text else 0.0


UNITS = _rows("units.csv")
KOMPONEN = _rows("komponen.csv")
PARTS = [u for u in UNITS if u["kelompok"] != "TOTAL"]


def test_29_units_and_one_total():
    assert len(PARTS) == 29
    assert [u["kode"] for u in UNITS if u["kelompok"] == "TOTAL"] == ["BSKJI"]
    assert sum(u["kelompok"] == "UPT" for u in PARTS) == 24


def _sum(unit: str, year: int) -> float:
    return sum(_amount(k[f"anggaran_{year}"]) for k in KOMPONEN if k["unit"] == unit)


@pytest.mark.parametrize("unit", [u["kode"] for u in PARTS])
@pytest.mark.parametrize("year", YEARS)
def test_komponen_sum_equals_header(unit, year):
    header = float(next(u for u in PARTS if u["kode"] == unit)[f"pagu_{year}"])
    total = _sum(unit, year)
    if (unit, year) in GENUINE_GAPS:
        expected_header, expected_sum = GENUINE_GAPS[(unit, year)]
        assert header == pytest.approx(expected_header, abs=1e-6)
        assert total == pytest.approx(expected_sum, abs=0.005)
        assert abs(total - header) > TOLERANCE
    else:
        assert total == pytest.approx(header, abs=TOLERANCE)


def test_kmn_gap_is_the_decimal_comma_figures():
    """The KMN header leaves out exactly the four amounts the document writes with a decimal comma."""
    for year, left_out in ((2021, 58.32), (2022, 71.29 + 72.54), (2023, 53.37)):
        header, total = GENUINE_GAPS[("BBSPJI-KMN", year)]
        assert total - header == pytest.approx(left_out, abs=0.05)


def _tabel10() -> dict[str, dict]:
    return {row["kelompok"]: row for row in _rows("tabel10.csv")}


@pytest.mark.parametrize("kelompok", ["P4SI", "P2SI", "PIH", "POPTIKJI", "SET", "UPT"])
@pytest.mark.parametrize("year", YEARS)
def test_headers_against_tabel10(kelompok, year):
    tabel = float(_tabel10()[kelompok][f"pagu_{year}"])
    headers = sum(float(u[f"pagu_{year}"]) for u in PARTS if u["kelompok"] == kelompok)
    if (kelompok, year) in TABEL10_GAPS:
        expected_tabel, expected_headers = TABEL10_GAPS[(kelompok, year)]
        assert tabel == pytest.approx(expected_tabel, abs=1e-6)
        assert headers == pytest.approx(expected_headers, abs=0.005)
    else:
        assert headers == pytest.approx(tabel, abs=TOLERANCE)


@pytest.mark.parametrize("year", YEARS)
def test_bskji_total_is_tabel10_total(year):
    bskji = next(u for u in UNITS if u["kode"] == "BSKJI")
    assert float(bskji[f"pagu_{year}"]) == pytest.approx(float(_tabel10()["TOTAL"][f"pagu_{year}"]), abs=1e-6)


def test_bskji_total_minus_the_29_headers():
    bskji = next(u for u in UNITS if u["kode"] == "BSKJI")
    gaps = [round(float(bskji[f"pagu_{y}"]) - sum(float(u[f"pagu_{y}"]) for u in PARTS), 2) for y in YEARS]
    assert gaps == [37730.04, 0.03, 6449.67, 43769.78]
