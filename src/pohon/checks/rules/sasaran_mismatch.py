from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import with_nodes


@rule("sasaran-mismatch", "warning", title=("Sasaran tidak selaras", "Sasaran mismatch"),
      summary=("IKK di bawah SK yang SP-nya berbeda dari SP IK-nya", "IKK under an SK whose SP differs from its IK's SP"), kinds={
    "sk-vs-ik": Kind("IKK di bawah {sk_kode} ({sk_sp}) ter-cascade ke IK {ik_sp}",
                     "IKK sits under {sk_kode} ({sk_sp}) but cascades to an {ik_sp} IK")})
def sasaran_mismatch(t):
    """What it finds: an IKK placed under a Sasaran Kegiatan whose Sasaran Program differs from the SP of
    the IK the IKK cascades to.

    Why a reviewer cares: the SK a unit writes its IKK under says which program goal the work serves; if
    the IKK's own indicator belongs to another SP, the unit's Perjanjian Kinerja tells two stories.

    Example: an IKK under "SK.1 Meningkatnya Daya Saing Industri Pengolahan Nonmigas" (SP1) that cascades to
    T1/SP2/d "Perusahaan yang terfasilitasi di bidang standardisasi industri" (SP2).
    """
    sk = t["sk"].select("unit", "sk", pl.col("sp").alias("sk_sp"))
    ik = t.ik.select(pl.col("code").alias("ik"), pl.col("sp").alias("ik_sp"), pl.col("node").alias("ik_node"))
    ikk = t.ikk.lazy().filter(pl.col("cascades")).select("unit", "ikk", "sk", "ik") \
        .join(sk.lazy(), on=["unit", "sk"]).join(ik.lazy(), on="ik")
    hits = with_nodes(ikk.filter((pl.col("sk_sp") != "") & (pl.col("sk_sp") != pl.col("ik_sp"))).collect(), "IKK")
    for node, unit, code, sk_sp, ik_node, ik_sp in hits.select("node", "unit", "sk", "sk_sp", "ik_node",
                                                               "ik_sp").iter_rows():
        yield finding(sasaran_mismatch, node, sk=f"SK:{unit}:{code}", sk_sp=sk_sp, ik=ik_node, ik_sp=ik_sp,
                      render={"sk_kode": code})
