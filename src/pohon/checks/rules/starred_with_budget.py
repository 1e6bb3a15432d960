from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("starred-with-budget", "warning", title=("Komponen bertanda * beranggaran", "Starred komponen with budget"),
      summary=("komponen * (anggaran di tempat lain) yang tetap beranggaran", "* komponen (budget elsewhere) that carries budget too"),
      kinds={"funded-star": Kind("komponen bertanda * tetapi beranggaran Rp {total:money} juta",
                                 "komponen marked * but carries Rp {total:money} juta")})
def starred_with_budget(t):
    """What it finds: a komponen marked `*` ("its budget sits on another indicator") that nevertheless
    carries a budget.

    Why a reviewer cares: the `*` tells the reader not to look for money here; if money is here too, the
    same activity may be funded, and counted, twice.

    Example: BSPJI Medan SK.1.1 komponen A "Hasil Penelitian, Pengembangan dan Perekayasaan*" with
    Rp 120.00 juta in 2021.
    """
    money = t.cols("anggaran")
    hits = with_nodes(t.komponen.filter(pl.col("bintang") & (pl.col("total") > 0)), "Komponen")
    for row in hits.select("node", "total", *money).iter_rows(named=True):
        yield finding(starred_with_budget, row["node"], anggaran={y: row[c] for y, c in zip(t.years, money)},
                      total=round(row["total"], 2))
