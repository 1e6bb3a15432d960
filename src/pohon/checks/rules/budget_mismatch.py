from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import TOLERANCE
from pohon.nodes import AGENCY_KELOMPOK


def _kind(what_id: str, what_en: str) -> Kind:
    return Kind(f"{{year}}: {what_id}: {{expected_shown:money}} vs {{total:money}} (selisih {{difference:money}})",
                f"{{year}}: {what_en}: {{expected_shown:money}} vs {{total:money}} (difference {{difference:money}})")


@rule("budget-mismatch", "error", title=("Anggaran tidak cocok", "Budget mismatch"),
      summary=("Σ komponen ≠ pagu unit; Σ unit ≠ kelompok Tabel 10; kelompok ≠ total; badan ≠ Σ unit", "Σ komponen ≠ unit pagu; Σ units ≠ Tabel 10 group; groups ≠ total; agency ≠ Σ units"), kinds={
    "agency-vs-units": _kind("pagu badan ≠ jumlah pagu unit", "agency pagu ≠ sum of unit pagu"),
    "unit-vs-komponen": _kind("pagu unit ≠ jumlah anggaran komponen", "unit pagu ≠ sum of komponen anggaran"),
    "group-vs-units": _kind("pagu kelompok Tabel 10 ≠ jumlah pagu unit", "Tabel 10 group ≠ sum of its units' pagu"),
    "total-vs-groups": _kind("total Tabel 10 ≠ jumlah kelompok", "Tabel 10 total ≠ sum of its groups"),
})
def budget_mismatch(t):
    """What it finds: per year, a unit whose komponen do not add up to its pagu; a Tabel 10 group whose
    units' pagu do not add up to the group's figure; groups that do not add up to the total; an agency
    total that differs from the sum of its units. Differences within Rp 0.05 juta are rounding.

    Why a reviewer cares: the Renstra's funding tables are quoted in the Perjanjian Kinerja and RKA; a
    total that its parts do not make is a figure nobody can defend.

    Example: Tabel 10 gives the UPT group Rp 560,216.22 juta for 2021, the 24 UPT headers add up to a
    different amount.
    """
    pagu, money = t.cols("pagu"), t.cols("anggaran")
    sums = [f"{c}__sum" for c in pagu]
    units = t.units
    groups = t["tabel10"].with_columns(pl.concat_str(pl.lit("Kelompok:"), "kelompok").alias("node"))

    def summed(frame: pl.DataFrame, cols: list[str], by: str | None = None) -> pl.DataFrame:
        aggs = [*(pl.col(c).fill_null(0.0).sum().alias(s) for c, s in zip(cols, sums)), pl.len().alias("parts")]
        return frame.group_by(by).agg(aggs) if by else frame.select(aggs)

    others = units.filter(~pl.col("agency"))
    yield from _compare(units.filter(pl.col("agency")).join(summed(others, pagu), how="cross"), pagu, sums,
                        t.years, "agency-vs-units")
    per_unit = summed(t.komponen, money, "unit").rename({"unit": "kode"})
    yield from _compare(others.join(per_unit, on="kode", how="left"), pagu, sums, t.years, "unit-vs-komponen")
    counted = units.filter(pl.col("kelompok") != "")
    per_group = summed(counted, pagu, "kelompok")
    yield from _compare(groups.join(per_group, on="kelompok", how="inner"), pagu, sums, t.years, "group-vs-units")
    total, parts = (groups.filter(pl.col("kelompok") == AGENCY_KELOMPOK),
                    groups.filter(pl.col("kelompok") != AGENCY_KELOMPOK))
    if parts.height:
        yield from _compare(total.join(summed(parts, pagu), how="cross"), pagu, sums, t.years, "total-vs-groups")


def _compare(frame: pl.DataFrame, expected_cols: list[str], total_cols: list[str], years, problem: str):
    """Per row and year: the row's figure against the sum of its parts; beyond TOLERANCE it is a finding."""
    for row in frame.select("node", *expected_cols, *total_cols, "parts").iter_rows(named=True):
        parts = row["parts"] or 0
        for y, e, s in zip(years, expected_cols, total_cols):
            expected = row[e]
            if expected is None and not parts:
                continue
            total = row[s] if row[s] is not None else 0.0
            diff = round(total - (expected or 0.0), 2)
            if abs(diff) > TOLERANCE:
                yield finding(budget_mismatch, row["node"], problem, year=y, expected=expected,
                              actual=round(total, 2), difference=diff, parts=parts,
                              render={"expected_shown": expected or 0.0, "total": total})
