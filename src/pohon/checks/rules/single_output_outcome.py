from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule


@rule("single-output-outcome", "info", title=("Outcome dari satu output", "Outcome of a single output"),
      summary=("IK yang didukung tepat satu IKK di seluruh cascade", "IK supported by exactly one IKK in the whole cascade"),
      kinds={"single": Kind("hanya satu IKK yang mendukung IK ini: {ikk} ({unit})",
                            "only one IKK supports this IK: {ikk} ({unit})")})
def single_output_outcome(t):
    """What it finds: an IK of the cascading matrix that exactly one IKK, across every unit, cascades to.

    Why a reviewer cares: an outcome is normally produced by several outputs; an IK resting on one IKK is
    either that IKK restated one level up (the outcome is really an output) or an outcome whose other
    contributing outputs the plan does not name. IKs with no IKK at all are left to the other rules.

    Example: T1/SP4/a "Efektivitas regulasi standardisasi industri" is supported only by P4SI's IKK of the
    same name: reported, with that IKK in the details.
    """
    ikk = t.ikk.filter(pl.col("cascades"))
    single = ikk.group_by("ik").agg(pl.len().alias("n"), pl.col("unit").first(), pl.col("ikk").first()) \
        .filter(pl.col("n") == 1)
    hits = t.ik.select("node", pl.col("code").alias("ik")).join(single, on="ik", how="inner")
    for node, unit, code in hits.select("node", "unit", "ikk").iter_rows():
        yield finding(single_output_outcome, node, ikk=f"IKK:{unit}:{code}", unit=unit)
