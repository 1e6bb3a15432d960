"""Unit-type group nodes: one Lampiran IV mark, one line.

Lampiran IV marks an IK for a unit type (a column of cascading.csv); the graph links the IK to every unit of
that type, so a type of 13 balai drew 13 lines per mark and the overview became a hairball. A view that
shows two or more units of one type draws instead one node for the type (`Tipe:BSPJI`, "BSPJI · 13 unit")
between the IKs and those units: each mark is then one IK → type line, and the type unfolds to its units.
The group nodes are the page's own (not in the graph): they sit beside it in the page's `Source`.
"""
from __future__ import annotations

from collections import defaultdict

from pohon import fmt
from pohon.exporters.html import style as st
from pohon.exporters.html.select import Source, View, natural_key
from pohon.nodes import is_agency

KIND = "Tipe"


def group_id(tipe: str) -> str:
    return f"{KIND}:{tipe}"


def add_groups(src: Source, view: View, lang: str) -> list[str]:
    """Put a type node between the IKs and the units of each type with two or more units drawn; returns the
    group ids. `view` (nodes, edges, layout parents, units/SPs) and `src` (the group nodes' attributes) change."""
    units_of = defaultdict(list)
    for n in view.nodes:
        a = src.attrs(n)
        if a.get("kind") == "Unit" and not is_agency(a) and a.get("tipe"):
            units_of[str(a["tipe"])].append(n)
    carried = {b for a, b, _ in view.edges if src.attrs(a).get("kind") == "IK"}
    groups = {t: us for t, us in units_of.items() if len(us) > 1 and carried & set(us)}
    if not groups:
        return []
    group_of = {u: group_id(t) for t, us in groups.items() for u in us}
    t = st.text(lang)
    for tipe, us in groups.items():
        gid = group_id(tipe)
        src.ghost_nodes[gid] = {"kind": KIND, "kode": tipe, "tipe": tipe,
                                "label": f"{tipe} · {fmt.plain(len(us), lang)} {t['units_word']}",
                                "nama": t["tipe_name"].format(tipe=tipe, n=fmt.plain(len(us), lang))}
        view.units[gid] = sorted({c for u in us for c in view.units.get(u, [])}, key=natural_key)
        view.sps[gid] = sorted({s for u in us for s in view.sps.get(u, [])}, key=natural_key)
        for u in us:
            view.parent.setdefault(u, gid)
    edges, seen = [], set()
    for a, b, k in view.edges:
        if b in group_of and src.attrs(a).get("kind") == "IK":
            b = group_of[b]
            if (a, b) in seen:
                continue
            seen.add((a, b))
        edges.append((a, b, k))
    first = {}
    for u, gid in group_of.items():
        first.setdefault(gid, u)
    at = {view.nodes.index(u): gid for gid, u in first.items()}
    nodes = []
    for i, n in enumerate(view.nodes):
        if i in at:
            nodes.append(at[i])
        nodes.append(n)
    edges += [(group_of[u], u, "tree") for u in view.nodes if u in group_of]
    view.nodes[:] = nodes
    view.edges[:] = edges
    return [group_id(t) for t in groups]
