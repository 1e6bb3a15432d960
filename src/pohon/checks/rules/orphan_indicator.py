from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("orphan-indicator", "error", title=("Indikator tanpa induk", "Orphan indicator"),
      summary=("IK tanpa SP, tak terhubung ke SS atau tak diemban unit; IKK yang tidak ter-cascade ke IK", "IK with no SP, unreachable from an SS or carried by no unit; IKK cascading to no IK"), kinds={
    "no-sp": Kind("IK tidak bergantung pada Sasaran Program ({sp} tidak ada)",
                  "IK hangs on no Sasaran Program ({sp} is not defined)"),
    "no-ss": Kind("IK tidak terhubung ke Sasaran Strategis Kemenperin mana pun",
                  "IK is reachable from no Kemenperin Sasaran Strategis"),
    "no-unit": Kind("IK tidak diemban unit mana pun di matriks cascading", "no unit carries this IK in the cascading matrix"),
    "unknown-ik": Kind("IKK merujuk kode IK {ik} yang tidak ada di matriks cascading",
                       "IKK names IK code {ik}, which the cascading matrix does not have"),
    "no-ik": Kind("IKK tidak ter-cascade ke IK mana pun", "IKK cascades to no IK"),
})
def orphan_indicator(t):
    """What it finds: an IK with no Sasaran Program or not reachable from any Kemenperin SS; an IK that no
    unit carries in Lampiran IV; an IKK that cascades to no IK (or to a code Lampiran IV does not have).

    Why a reviewer cares: SAKIP asks that every indicator hangs on a goal and is carried by someone; an
    indicator outside the tree is measured by nobody and serves nothing.

    Example: the Sekretariat IKK "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB" names no
    Lampiran IV row, so its komponen serve no indikator kinerja.
    """
    sp = t["sp"].select("kode", (pl.col("ss") != "").alias("has_ss"))
    ik = t.ik.join(sp, left_on="sp", right_on="kode", how="left")
    for node, code_sp, has_ss in ik.filter(pl.col("has_ss").is_null()).select("node", "sp", "has_ss").iter_rows():
        yield finding(orphan_indicator, node, "no-sp", sp=code_sp)
    for node, code_sp in ik.filter(pl.col("has_ss") == False).select("node", "sp").iter_rows():  # noqa: E712
        yield finding(orphan_indicator, node, "no-ss", sp=[f"SP:{code_sp}"])
    present = set(t["units"]["tipe"].to_list())
    for node, types in t.ik.select("node", "unit_types").iter_rows():
        if not present.intersection(types):
            yield finding(orphan_indicator, node, "no-unit", unit_types=list(types))
    loose = with_nodes(t.ikk.filter(~pl.col("cascades")), "IKK")
    for node, code, unit, catatan in loose.select("node", "ik", "unit", "catatan").iter_rows():
        if code:
            yield finding(orphan_indicator, node, "unknown-ik", ik=code, unit=unit)
        else:
            yield finding(orphan_indicator, node, "no-ik", unit=unit, catatan=catatan)
