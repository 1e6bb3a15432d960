from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule


@rule("unit-without-indicator", "warning", title=("Unit tanpa indikator", "Unit without indicator"),
      summary=("unit yang tidak mengemban IK di Lampiran IV atau tidak punya IKK", "unit carrying no IK in Lampiran IV, or with no IKK"), kinds={
    "no-ik": Kind("unit tidak mengemban IK mana pun di matriks cascading", "unit carries no IK in the cascading matrix"),
    "no-ikk": Kind("unit tidak memiliki IKK", "unit has no IKK"),
})
def unit_without_indicator(t):
    """What it finds: a unit that carries no IK in the cascading matrix, or that has no IKK in its matrix.

    Why a reviewer cares: every unit kerja must carry part of the agency's performance; a unit without
    indicators cannot be held to account in its Perjanjian Kinerja.

    Example: a new balai listed in units.csv whose type column is empty on every Lampiran IV row.
    """
    casc = t["cascading"]
    carried = {tp for tp in t.ds.unit_types if casc[tp].any()}
    units = t.units.filter(~pl.col("agency"))
    with_ikk = t["ikk"].select(pl.col("unit").alias("kode")).unique()
    no_ikk = set(units.join(with_ikk, on="kode", how="anti")["kode"].to_list())
    for node, kode, tipe in units.select("node", "kode", "tipe").iter_rows():
        if tipe not in carried:
            yield finding(unit_without_indicator, node, "no-ik", tipe=tipe)
        if kode in no_ikk:
            yield finding(unit_without_indicator, node, "no-ikk", tipe=tipe)
