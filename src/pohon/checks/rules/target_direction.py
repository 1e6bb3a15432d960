from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("target-direction", "warning", title=("Target berlawanan arah", "Target against its direction"),
      summary=("target Maksimasi yang turun dari tahun ke tahun", "Maksimasi target falling year to year"), kinds={
    "falling": Kind("target Maksimasi turun {year_from}→{year_to}: {target_from:plain} → {target_to:plain}",
                    "Maksimasi target falls {year_from}→{year_to}: {target_from:plain} → {target_to:plain}")})
def target_direction(t):
    """What it finds: an indicator classified Maksimasi whose target falls from one year to the next; an
    IKK whose IK is Maksimasi and whose own target falls.

    Why a reviewer cares: a Maksimasi indicator promises improvement; a falling target is either a typo or
    a lowered ambition that the Renstra should explain.

    Example: T1/SP2/a "… meningkat setelah pendampingan industri 4.0" with targets 5, 10, 95, 95 rises; an
    IKK with 95, 90 would be reported.
    """
    maks = {code for code, klas in t.klasifikasi.items() if klas.lower() == "maksimasi"}
    targets = t.ik_targets
    for node, code in t.ik.filter(pl.col("code").is_in(list(maks))).select("node", "code").iter_rows():
        series = [(y, targets.get(code, {}).get(y)) for y in t.years]
        yield from _falls(node, series)
    cols = [f"target_{y}" for y in t.years]
    ikk = t.ikk.filter(pl.col("cascades") & pl.col("ik").is_in(list(maks)))
    if not cols or not ikk.height:
        return
    # only rows where some numeric target is below the one before it are walked in Python
    prev = None
    falls = pl.lit(False)
    for c in cols:
        if prev is not None:
            falls = falls | (pl.col(c) < prev).fill_null(False)
        prev = pl.coalesce(pl.col(c), prev) if prev is not None else pl.col(c)
    for row in with_nodes(ikk.filter(falls), "IKK").select("node", *cols).iter_rows():
        yield from _falls(row[0], list(zip(t.years, row[1:])))


def _falls(node, series):
    numeric = [(y, v) for y, v in series if isinstance(v, (int, float)) and not isinstance(v, bool)]
    for (y0, v0), (y1, v1) in zip(numeric, numeric[1:]):
        if v1 < v0:
            yield finding(target_direction, node, year_from=y0, year_to=y1, target_from=v0, target_to=v1)
