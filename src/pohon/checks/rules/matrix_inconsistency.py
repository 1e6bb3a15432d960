from __future__ import annotations

from collections import defaultdict

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.units import UnitTypes
from pohon.checks.view import nodes


@rule("matrix-inconsistency", "warning", title=("Matriks tidak konsisten", "Matrix inconsistency"))
def matrix_inconsistency(g: nx.DiGraph):
    """What it finds: an IK for which the cascading matrix (Lampiran IV), the "Unit Terkait" column of the
    program table (Lampiran II) and the Penanggung Jawab sections of the Pedoman Kinerja (Lampiran III)
    disagree about which unit types carry it.

    Why a reviewer cares: the three tables are the same commitment written three times; where they differ
    one unit will be asked for a result another unit thinks it owns.

    Example: T4/SP6/a "Indeks penerapan Manajemen Risiko" is marked for no unit type in Lampiran IV, while
    Lampiran II names "Set, BBSPJI, BSPJI".
    """
    types = UnitTypes(g)
    sections = defaultdict(set)
    for p in g.graph.get("pedoman", []):
        sections[p["kode"]] |= types.of_section(p["bagian"], p.get("penanggung_jawab", ""))
    for ik in nodes(g, "IK"):
        a = g.nodes[ik]
        matrix = set(a.get("unit_types", []))
        views = {"lampiran_iv": sorted(matrix)}
        if a.get("unit_terkait"):
            terkait, unresolved = types.parse(a["unit_terkait"])
            views["unit_terkait"] = sorted(terkait)
            if unresolved:
                views["unit_terkait_unresolved"] = unresolved
        if sections.get(a["kode"]):
            views["lampiran_iii"] = sorted(sections[a["kode"]])
        differing = [k for k in ("unit_terkait", "lampiran_iii") if k in views and set(views[k]) != matrix]
        if differing:
            names = ", ".join({"unit_terkait": "Unit Terkait (Lampiran II)",
                               "lampiran_iii": "Penanggung Jawab (Lampiran III)"}[k] for k in differing)
            yield finding(matrix_inconsistency, ik, f"Lampiran IV {sorted(matrix)} berbeda dengan {names}",
                          f"Lampiran IV {sorted(matrix)} differs from {names}",
                          unit_terkait_text=a.get("unit_terkait", ""), **views)
