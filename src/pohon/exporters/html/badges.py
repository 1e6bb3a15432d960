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
    """Drawn node -> `Rp 1.234,56 juta` under it (the years summed), for the nodes with any komponen below.
    Only the komponen under the drawn nodes are read: a unit's page costs what the unit holds."""
    g = src.base
    drawn = set(nodes)
    keys = [f"anggaran_{y}" for y in years]
    total: dict[str, float] = defaultdict(float)
    for k in sorted(_komponen_under(src, nodes)):
        a = g.nodes[k]
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
    return {n: fmt.juta(round(total[n], 2), lang) for n in nodes if total.get(n)}  # in the page's order


def _komponen_under(src: Source, nodes: list[str]) -> set[str]:
    """The graph's komponen under the drawn nodes: down HAS_SK / HAS_IKK / HAS_KOMPONEN, and from an IK (up
    the SP and SS to their IKs first) through the IKKs that cascade to it."""
    g = src.base
    kind = lambda n: g.nodes[n].get("kind") if n in g else None  # noqa: E731
    iks, todo = set(), []
    for n in nodes:
        k = kind(n)
        if k in ("SS", "SP"):
            todo.append(n)
        elif k == "IK":
            iks.add(n)
        elif k in ("Unit", "SK", "IKK"):
            todo.append(n)
    seen, out = set(), set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for c, e in g.succ[n].items():
            kc = kind(c)
            if kc == "Komponen":
                out.add(c)
            elif kc == "IK":
                iks.add(c)
            elif kc in ("SP", "SK", "IKK") and e.get("rel") in ("CASCADES_TO", "HAS_SK", "HAS_IKK"):
                todo.append(c)
    for ik in iks:
        for ikk, e in g.pred[ik].items():
            if e.get("rel") == "CASCADES_TO":
                out.update(c for c in g.succ[ikk] if kind(c) == "Komponen")
    return out
