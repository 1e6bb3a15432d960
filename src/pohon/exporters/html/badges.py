"""What a folded node carries on its badge: the komponen budget below it, counted as `pohon budget` counts it.

Each komponen's anggaran is counted once where it sits (pohon.budget.owner): under its IKK, that IKK's SK and
unit, and the one IK its IKK cascades to, that IK's SP and that SP's SS; a unit-type group carries its units'.
"""
from __future__ import annotations

from collections import defaultdict

from pohon import fmt
from pohon.budget import owner
from pohon.checks.view import money
from pohon.exporters.html.select import Source


def budget_below(src: Source, nodes: list[str], years, lang: str) -> dict[str, str]:
    """Drawn node -> `Rp 1.234,56 juta` under it (the years summed), for the nodes with any komponen below."""
    g = src.base
    drawn = set(nodes)
    keys = [f"anggaran_{y}" for y in years]
    total: dict[str, float] = defaultdict(float)
    for k, a in g.nodes(data=True):
        if a.get("kind") != "Komponen":
            continue
        amount = sum(money(a.get(key)) for key in keys)
        unit, ikk = a.get("unit"), a.get("ikk")
        ikk_attrs = g.nodes.get(f"IKK:{unit}:{ikk}", {})
        places = {f"Unit:{unit}", f"IKK:{unit}:{ikk}", f"SK:{unit}:{ikk_attrs.get('sk')}"}
        places.update(owner(g, k, by) for by in ("ik", "sp", "ss"))
        for p in places & drawn:
            total[p] += amount
    for n in nodes:
        a = src.attrs(n)
        if a.get("kind") == "Tipe":
            total[n] = sum(total.get(u, 0.0) for u in nodes if src.attrs(u).get("kind") == "Unit"
                           and src.attrs(u).get("tipe") == a.get("tipe"))
    return {n: fmt.juta(round(v, 2), lang) for n, v in total.items() if v}
