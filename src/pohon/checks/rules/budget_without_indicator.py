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
    twins = komponen.select("unit", "nama", "total").join(stars.lazy().select("unit", "nama"), on=["unit", "nama"],
                                                          how="semi").filter(pl.col("total") > 0)
    stars = stars.join(twins.select("unit", "nama").collect(), on=["unit", "nama"], how="anti")
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
    names_by_unit: dict[str, dict[str, str]] = {}
    for unit, nama, node in candidates.select("unit", "nama", "node").iter_rows():
        names_by_unit.setdefault(unit, {}).setdefault(normalise(nama), node)
    funded_names = {unit: _Names(names) for unit, names in names_by_unit.items()}
    for node, nama, unit in stars.select("node", "nama", "unit").iter_rows():
        yield finding(budget_without_indicator, node, "star-without-funded", nama=nama, unit=unit,
                      closest_funded=funded_names[unit].closest(normalise(nama)) if unit in funded_names else None)


class _Names:
    """The funded names of one unit (normalised name -> node), for finding the one closest to a `*` name."""

    def __init__(self, names: dict[str, str]):
        self.names = list(names.items())
        # every name in one bit vector, each in its own span with a zero guard bit above it (see _lcs_all)
        size = sum(len(name) + 1 for name, _ in self.names) // 8 + 1
        bitmaps: dict[str, bytearray] = {}
        self.spans: list[tuple[int, int]] = []
        offset = 0
        for name, _ in self.names:
            for i, ch in enumerate(name, start=offset):
                bitmap = bitmaps.get(ch)
                if bitmap is None:
                    bitmap = bitmaps[ch] = bytearray(size)
                bitmap[i >> 3] |= 1 << (i & 7)
            self.spans.append((offset, len(name)))
            offset += len(name) + 1
        self.positions = {ch: int.from_bytes(b, "little") for ch, b in bitmaps.items()}
        self.full = sum(((1 << n) - 1) << off for off, n in self.spans)

    def closest(self, name: str) -> str | None:
        """The funded komponen whose name reads most like `name`, to help the reviewer decide (the highest
        SequenceMatcher ratio, ties to the greater node id, at least 0.6).

        SequenceMatcher's matching blocks are a common subsequence, so 2·LCS/(len a + len b) bounds its ratio
        from above; the LCS is cheap (bit-parallel), and ratio() runs only while a candidate can still win."""
        bounded = []
        for (other, node), lcs in zip(self.names, self._lcs_all(name)):
            bound = 2 * lcs / (len(name) + len(other)) if name or other else 1.0
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

    def _lcs_all(self, a: str) -> list[int]:
        """The length of the longest common subsequence of `a` and each name: Hyyrö's bit-vector algorithm
        run on all names at once. Its subtraction never borrows (u is a subset of v) and a carry out of a
        name's span stops in the guard bit above it, which the mask clears."""
        v = full = self.full
        positions = self.positions
        for ch in a:
            u = v & positions.get(ch, 0)
            v = ((v + u) | (v - u)) & full
        return [n - ((v >> off) & ((1 << n) - 1)).bit_count() for off, n in self.spans]
