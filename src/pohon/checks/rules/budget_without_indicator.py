from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import anggaran_total, in_rel, nodes, normalise, out_rel, rupiah, years


@rule("budget-without-indicator", "error", title=("Anggaran tanpa indikator", "Budget without indicator"))
def budget_without_indicator(g: nx.DiGraph):
    """What it finds: a komponen with budget whose IKK cascades to no IK; a komponen marked `*` ("its budget
    sits on another indicator") for which the same unit has no funded komponen of the same name.

    Why a reviewer cares: every rupiah must serve an indikator kinerja; money under an IKK outside the
    cascade, or a `*` that points at nothing, cannot be accounted for in SAKIP.

    A `*` komponen without an exact twin is a warning (the twin may be spelled differently; the closest
    funded name is given in the details); funded money outside the cascade is an error.

    Example: komponen A of the Sekretariat IKK on "nilai akuntabilitas kinerja minimal BB" holds budget, but
    that IKK cascades to no Lampiran IV indicator.
    """
    ys = years(g)
    funded_names = defaultdict(dict)
    komponen = nodes(g, "Komponen")
    totals = {}  # per komponen, computed once for both passes
    for k in komponen:
        a = g.nodes[k]
        totals[k] = total = anggaran_total(a, ys)
        if total > 0:
            funded_names[a["unit"]].setdefault(normalise(a["nama"]), k)
    cascades: dict[str, bool] = {}  # per IKK: does it cascade to an IK
    for k in komponen:
        a = g.nodes[k]
        total = totals[k]
        ikk = in_rel(g, k, "HAS_KOMPONEN") if total > 0 else None
        if ikk and not _cascades(g, ikk[0], cascades):
            per_year = {y: a.get(f"anggaran_{y}") for y in ys}
            yield finding(budget_without_indicator, k,
                          f"komponen beranggaran Rp {rupiah(total)} juta di bawah IKK yang tidak ter-cascade ke IK",
                          f"komponen with Rp {rupiah(total)} juta under an IKK that cascades to no IK",
                          problem="ikk-without-ik", ikk=ikk[0], anggaran=per_year, total=round(total, 2))
        if a.get("bintang") and total == 0 and normalise(a["nama"]) not in funded_names[a["unit"]]:
            closest = _closest(normalise(a["nama"]), funded_names[a["unit"]])
            yield finding(budget_without_indicator, k,
                          "komponen bertanda * tetapi tidak ada komponen bernama sama yang beranggaran di unit ini",
                          "komponen marked * but the unit has no funded komponen of the same name",
                          severity="warning", problem="star-without-funded", nama=a["nama"], unit=a["unit"],
                          closest_funded=closest)


def _cascades(g: nx.DiGraph, ikk: str, seen: dict[str, bool]) -> bool:
    if ikk not in seen:
        seen[ikk] = bool(out_rel(g, ikk, "CASCADES_TO"))
    return seen[ikk]


def _closest(name: str, funded: dict[str, str]) -> str | None:
    """The funded komponen of the unit whose name reads most like `name`, to help the reviewer decide."""
    scored = [(SequenceMatcher(None, name, other).ratio(), node) for other, node in funded.items()]
    best = max(scored, default=None)
    return best[1] if best and best[0] >= 0.6 else None
