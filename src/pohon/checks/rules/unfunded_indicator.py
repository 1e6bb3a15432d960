from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("unfunded-indicator", "info", title=("Indikator tanpa anggaran", "Unfunded indicator"),
      summary=("IKK tanpa anggaran komponen di tahun mana pun", "IKK with no komponen budget in any year"),
      kinds={"unfunded": Kind("IKK tanpa anggaran komponen di tahun mana pun", "IKK has no komponen budget in any year")})
def unfunded_indicator(t):
    """What it finds: an IKK with no komponen, or whose komponen carry no budget in any year (all marked `*`
    or empty).

    Why a reviewer cares: an indicator with no rupiah behind it in the unit's own matrix relies on money
    elsewhere; the reviewer should see where, or ask.

    Example: P4SI SK.1.3 "Peningkatan kompetensi pengujian/standardisasi" whose komponen A is `*` and B is
    funded only in 2024 is funded; an IKK whose only komponen is `*` is reported.
    """
    key = ["unit", "ikk"]
    funded = t.komponen.lazy().filter(pl.col("total") > 0).select(key).unique()
    hits = t["ikk"].lazy().select(key).join(funded, on=key, how="anti").collect()
    if not hits.height:
        return
    counts = t.komponen.lazy().select(*key, "bintang").join(hits.lazy(), on=key, how="semi").group_by(key).agg(
        pl.len().alias("komponen"), pl.col("bintang").sum().alias("starred")).collect()
    hits = with_nodes(hits.join(counts, on=key, how="left"), "IKK")
    for node, count, starred in hits.select("node", "komponen", "starred").iter_rows():
        yield finding(unfunded_indicator, node, komponen=count or 0, starred=starred or 0)
