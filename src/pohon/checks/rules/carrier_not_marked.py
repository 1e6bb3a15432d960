from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("carrier-not-marked", "warning", title=("Pengemban tidak ditandai", "Carrier not marked"),
      summary=("IKK yang mengalir ke IK yang baris Lampiran IV-nya tidak menandai tipe unitnya",
               "IKK cascading to an IK whose Lampiran IV row does not mark the unit's type"), kinds={
    "unmarked": Kind("IKK {unit} ({tipe}) mengalir ke IK:{ik}, tetapi Lampiran IV menandai {marked_id}",
                     "IKK of {unit} ({tipe}) cascades to IK:{ik}, but Lampiran IV marks {marked_en}")})
def carrier_not_marked(t):
    """What it finds: an IKK of a unit that cascades to an IK whose row in the cascading matrix (Lampiran
    IV) does not mark the unit's type (its units.csv `tipe`, a column of the matrix).

    Why a reviewer cares: the matrix is the agency's statement of who carries which IK; a unit measuring
    itself against an IK the matrix does not give it either does work the plan does not count (its
    realisation is not aggregated into the IK) or reveals that the matrix is incomplete.

    Example: six BSPJI SK.2.1 "Perusahaan yang terfasilitasi industri 4.0" cascade to T1/SP2/b, which
    Lampiran IV marks for BBSPJI only: each of the six is reported.
    """
    types = [c for c in t.ds.unit_types if c in t["cascading"].columns]
    ikk = t.ikk.filter(pl.col("cascades")).select("unit", "ikk", "ik") \
        .join(t.units.select(pl.col("kode").alias("unit"), "tipe"), on="unit", how="left")
    if not ikk.height:
        return
    if types:
        marks = t.ik.select("code", *types).unpivot(index="code", on=types, variable_name="tipe",
                                                     value_name="marked") \
            .filter(pl.col("marked").fill_null(False)).select(pl.col("code").alias("ik"), "tipe")
        hits = ikk.join(marks, on=["ik", "tipe"], how="anti")
    else:
        hits = ikk
    if not hits.height:
        return
    hits = with_nodes(hits, "IKK").join(t.ik.select(pl.col("code").alias("ik"), "unit_types"), on="ik", how="left")
    for node, unit, tipe, ik, marked in hits.select("node", "unit", "tipe", "ik", "unit_types").iter_rows():
        marked = list(marked or [])
        yield finding(carrier_not_marked, node, unit=unit, tipe=tipe, ik=ik, unit_types=marked,
                      render={"marked_id": ", ".join(marked) or "tidak satu pun tipe unit",
                              "marked_en": ", ".join(marked) or "no unit type"})
