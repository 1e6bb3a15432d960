from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import in_rel, nodes, out_rel


@rule("sasaran-mismatch", "warning", title=("Sasaran tidak selaras", "Sasaran mismatch"))
def sasaran_mismatch(g: nx.DiGraph):
    """What it finds: an IKK placed under a Sasaran Kegiatan whose Sasaran Program differs from the SP of
    the IK the IKK cascades to.

    Why a reviewer cares: the SK a unit writes its IKK under says which program goal the work serves; if
    the IKK's own indicator belongs to another SP, the unit's Perjanjian Kinerja tells two stories.

    Example: an IKK under "SK.1 Meningkatnya Daya Saing Industri Pengolahan Nonmigas" (SP1) that cascades to
    T1/SP2/d "Perusahaan yang terfasilitasi di bidang standardisasi industri" (SP2).
    """
    for ikk in nodes(g, "IKK"):
        targets = out_rel(g, ikk, "CASCADES_TO")
        sks = in_rel(g, ikk, "HAS_IKK")
        if not targets or not sks:
            continue
        sk_sp = g.nodes[sks[0]].get("sp", "")
        ik_sp = g.nodes[targets[0]]["sp"]
        if sk_sp and sk_sp != ik_sp:
            yield finding(sasaran_mismatch, ikk,
                          f"IKK di bawah {g.nodes[sks[0]]['kode']} ({sk_sp}) ter-cascade ke IK {ik_sp}",
                          f"IKK sits under {g.nodes[sks[0]]['kode']} ({sk_sp}) but cascades to an {ik_sp} IK",
                          sk=sks[0], sk_sp=sk_sp, ik=targets[0], ik_sp=ik_sp)
