from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("target-missing", "warning", title=("Target tidak lengkap", "Missing target"),
      summary=("IK atau IKK tanpa target untuk sebagian atau seluruh tahun periode",
               "IK or IKK with no target for some year of the period"), kinds={
    "no-target": Kind("tidak ada target di tahun mana pun ({years})", "no target in any year ({years})"),
    "missing-years": Kind("tidak ada target untuk {years} (ada untuk {stated})",
                          "no target for {years} (stated for {stated})")})
def target_missing(t):
    """What it finds: an IK with no target for some year of the cascade's period in any table that states
    IK targets (Tabel 2, the Lampiran II program table, the Lampiran III Pedoman Kinerja sections), and an
    IKK with no target for some year in its Lampiran II row. A text target (`BB`) is a target; `-`, `N/A` and
    an empty cell are not.

    Why a reviewer cares: realisation can only be judged against a target; a year without one is a year in
    which the indicator cannot be failed. A revision that adds an indicator in 2023 should say so, not leave
    2021 and 2022 blank.

    Example: T1/SP3/j "Persentase jumlah perusahaan yang memanfaatkan/ mengelola limbah industri" has no
    Tabel 2 or Lampiran II row and Lampiran III (PIH) targets only 2023 and 2024: reported for 2021 and 2022.
    """
    years = t.years
    if not years:
        return
    present = [(pl.col(f"target_{y}").is_not_null() | pl.col(f"target_{y}_text").is_not_null()).alias(str(y))
               for y in years]
    stated = pl.concat([
        t["ik_target"].filter(pl.col("ik").is_not_null()).select(pl.col("ik").alias("code"), *present),
        t["pedoman"].select(pl.col("kode").alias("code"), *present),
    ]).group_by("code").agg([pl.col(str(y)).any() for y in years])
    ik = t.ik.select("node", "code").join(stated, on="code", how="left")
    yield from _report(ik, years)
    ikk = with_nodes(t["ikk"].select("unit", "ikk", *present), "IKK")
    yield from _report(ikk, years)


def _report(frame: pl.DataFrame, years: list[int]):
    cols = [str(y) for y in years]
    frame = frame.with_columns([pl.col(c).fill_null(False) for c in cols])
    for row in frame.filter(~pl.all_horizontal(cols)).select("node", *cols).iter_rows():
        node, flags = row[0], row[1:]
        missing = [y for y, ok in zip(years, flags) if not ok]
        have = [y for y, ok in zip(years, flags) if ok]
        kind = "missing-years" if have else "no-target"
        yield finding(target_missing, node, kind, years=missing, stated=have,
                      render={"years": ", ".join(map(str, missing)), "stated": ", ".join(map(str, have))})
