from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import in_rel, is_agency, nodes, out_rel


@rule("unit-without-indicator", "warning", title=("Unit tanpa indikator", "Unit without indicator"))
def unit_without_indicator(g: nx.DiGraph):
    """What it finds: a unit that carries no IK in the cascading matrix, or that has no IKK in its matrix.

    Why a reviewer cares: every unit kerja must carry part of the agency's performance; a unit without
    indicators cannot be held to account in its Perjanjian Kinerja.

    Example: a new balai listed in units.csv whose type column is empty on every Lampiran IV row.
    """
    for unit in nodes(g, "Unit"):
        attrs = g.nodes[unit]
        if is_agency(attrs):
            continue
        if not in_rel(g, unit, "CARRIED_BY"):
            yield finding(unit_without_indicator, unit, "unit tidak mengemban IK mana pun di matriks cascading",
                          "unit carries no IK in the cascading matrix", problem="no-ik", tipe=attrs["tipe"])
        ikks = [i for sk in out_rel(g, unit, "HAS_SK") for i in out_rel(g, sk, "HAS_IKK")]
        if not ikks:
            yield finding(unit_without_indicator, unit, "unit tidak memiliki IKK", "unit has no IKK",
                          problem="no-ikk", tipe=attrs["tipe"])
