from __future__ import annotations

from difflib import SequenceMatcher

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import normalise, normalised, with_nodes


@rule("budget-without-indicator", "error", title=("Anggaran tanpa indikator", "Budget without indicator"),
      summary=("komponen beranggaran di bawah IKK di luar cascade; komponen * tanpa kembaran", "funded komponen under an IKK outside the cascade; * komponen with no funded twin"), kinds={
    "ikk-without-ik": Kind("komponen beranggaran Rp {total:money} juta di bawah IKK yang tidak ter-cascade ke IK",
                           "komponen with Rp {total:money} juta under an IKK that cascades to no IK"),
    "star-without-funded": Kind("komponen bertanda * tetapi tidak ada komponen bernama sama yang beranggaran di unit ini",
                                "komponen marked * but the unit has no funded komponen of the same name",
                                severity="warning"),
})
def budget_without_indicator(t):
    """What it finds: a komponen with budget whose IKK cascades to no IK; a komponen marked `*` ("its budget
    sits on another indicator") for which the same unit has no funded komponen of the same name.

    Why a reviewer cares: every rupiah must serve an indikator kinerja; money under an IKK outside the
    cascade, or a `*` that points at nothing, cannot be accounted for in SAKIP.

    A `*` komponen without an exact twin is a warning (the twin may be spelled differently; the closest
    funded name is given in the details); funded money outside the cascade is an error.

    Example: komponen A of the Sekretariat IKK on "nilai akuntabilitas kinerja minimal BB" holds budget, but
    that IKK cascades to no Lampiran IV indicator.
    """
    money = t.cols("anggaran")
    komponen = t.komponen.lazy()  # lazy: each query reads only the columns and rows it needs
    loose = t.ikk.lazy().filter(~pl.col("cascades")).select("unit", "ikk")
    outside = with_nodes(komponen.join(loose, on=["unit", "ikk"], how="semi").filter(pl.col("total") > 0)
                         .select("unit", "ikk", "komponen", "total", *money).collect(), "Komponen")
    for row in outside.select("node", "ikk_node", "total", *money).iter_rows(named=True):
        yield finding(budget_without_indicator, row["node"], "ikk-without-ik", ikk=row["ikk_node"],
                      anggaran={y: row[c] for y, c in zip(t.years, money)}, total=round(row["total"], 2))
    stars = komponen.filter(pl.col("bintang") & (pl.col("total") == 0)).select("unit", "ikk", "komponen", "nama") \
        .collect()
    if not stars.height:
        return
    funded = komponen.filter(pl.col("total") > 0).select("unit", "ikk", "komponen", "nama")
    # a funded twin of the same name: exactly (over every funded row), then in lower case and normalised
    # (over the funded rows of the units whose stars are left); each test's twins are the next one's too
    stars = stars.join(funded.select("unit", "nama").collect(), on=["unit", "nama"], how="anti")
    if not stars.height:
        return
    funded = funded.filter(pl.col("unit").is_in(stars["unit"].unique().implode())).collect()
    lower = pl.col("nama").str.to_lowercase().alias("lower")  # equal in lower case: equal once normalised
    stars = stars.with_columns(lower).join(funded.select("unit", lower).unique(), on=["unit", "lower"], how="anti")
    if not stars.height:
        return
    funded = funded.join(stars.select("unit").unique(), on="unit", how="semi")
    norm = normalised(pl.col("nama")).alias("norm")
    stars = stars.with_columns(norm).join(funded.select("unit", norm).unique(), on=["unit", "norm"], how="anti")
    if not stars.height:
        return
    stars = with_nodes(stars, "Komponen")
    candidates = with_nodes(funded.join(stars.select("unit").unique(), on="unit", how="semi"), "Komponen").sort("node")
    names_by_unit: dict[str, dict[str, tuple[str, dict[str, int]]]] = {}
    for unit, nama, node in candidates.select("unit", "nama", "node").iter_rows():
        other = normalise(nama)
        names_by_unit.setdefault(unit, {}).setdefault(other, (node, _positions(other)))
    for node, nama, unit in stars.select("node", "nama", "unit").iter_rows():
        yield finding(budget_without_indicator, node, "star-without-funded", nama=nama, unit=unit,
                      closest_funded=_closest(normalise(nama), names_by_unit.get(unit, {})))


def _closest(name: str, funded: dict[str, tuple[str, dict[str, int]]]) -> str | None:
    """The funded komponen of the unit whose name reads most like `name`, to help the reviewer decide
    (the highest SequenceMatcher ratio, ties to the greater node id, at least 0.6).

    SequenceMatcher's matching blocks are a common subsequence, so 2·LCS/(len a + len b) bounds its ratio
    from above; the LCS is cheap (bit-parallel), and ratio() runs only while a candidate can still win."""
    bounded = []
    for other, (node, positions) in funded.items():
        bound = 2 * _lcs(name, other, positions) / (len(name) + len(other)) if name or other else 1.0
        if bound >= 0.6:
            bounded.append((bound, node, other))
    bounded.sort(key=lambda c: c[0], reverse=True)
    best: tuple[float, str] | None = None
    for bound, node, other in bounded:
        if best is not None and bound < best[0]:
            break  # no candidate left can reach the best ratio
        scored = (SequenceMatcher(None, name, other).ratio(), node)
        if best is None or scored > best:
            best = scored
    return best[1] if best and best[0] >= 0.6 else None


def _positions(text: str) -> dict[str, int]:
    """Character -> bit mask of where it occurs in `text` (for _lcs)."""
    out: dict[str, int] = {}
    for i, ch in enumerate(text):
        out[ch] = out.get(ch, 0) | 1 << i
    return out


def _lcs(a: str, b: str, positions: dict[str, int]) -> int:
    """Length of the longest common subsequence of `a` and `b` (Hyyrö's bit-vector algorithm; `positions`
    is _positions(b))."""
    full = (1 << len(b)) - 1
    v = full
    for ch in a:
        u = v & positions.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - v.bit_count()
