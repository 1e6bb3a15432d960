"""Settle komponen rows whose spacing allows several years, using the unit's header totals."""
from __future__ import annotations

import itertools

from pohon.extract.lampiran2_layout import YEARS

TOLERANCE = 0.05
MAX_COMBINATIONS = 4096


def unit_sums(komponen: list[dict], unit: str) -> list[float]:
    return [
        sum(row[f"anggaran_{y}"] or 0.0 for row in komponen if row["unit"] == unit)
        for y in YEARS
    ]


def reconciles(sums: list[float], unit_row: dict) -> bool:
    return all(abs(s - unit_row[f"pagu_{y}"]) <= TOLERANCE for s, y in zip(sums, YEARS))


def resolve(parsed) -> None:
    """For each unit with ambiguous rows, keep the one combination that reconciles, if unique.

    Otherwise the cheapest-first choice stays and a note says so.
    """
    for unit_row in parsed.units:
        unit = unit_row["kode"]
        open_rows = [i for i in sorted(parsed.options) if parsed.komponen[i]["unit"] == unit]
        if not open_rows:
            continue
        choices = [parsed.options[i] for i in open_rows]
        total = 1
        for c in choices:
            total *= len(c)
        if total > MAX_COMBINATIONS:
            parsed.notes.append(f"{unit}: {total} combinations, not searched")
            continue
        fits = []
        for combo in itertools.product(*choices):
            for i, years in zip(open_rows, combo):
                _apply(parsed, i, years)
            if reconciles(unit_sums(parsed.komponen, unit), unit_row):
                fits.append(combo)
        chosen = fits[0] if len(fits) == 1 else tuple(c[0] for c in choices)
        for i, years in zip(open_rows, chosen):
            _apply(parsed, i, years)
        if len(fits) != 1:
            rows = ", ".join(str(parsed.komponen[i]["baris"]) for i in open_rows)
            parsed.notes.append(
                f"{unit}: {len(fits)} year assignments of lines {rows} reconcile; kept the first")


def _apply(parsed, index: int, years: tuple[int, ...]) -> None:
    row = parsed.komponen[index]
    for y in YEARS:
        row[f"anggaran_{y}"] = None
    for value, year in zip(parsed.figures[index], years):
        row[f"anggaran_{YEARS[year]}"] = value
