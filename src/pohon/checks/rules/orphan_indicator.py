from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import in_rel, nodes, out_rel


@rule("orphan-indicator", "error", title=("Indikator tanpa induk", "Orphan indicator"))
def orphan_indicator(g: nx.DiGraph):
    """What it finds: an IK with no Sasaran Program or not reachable from any Kemenperin SS; an IK that no
    unit carries in Lampiran IV; an IKK that cascades to no IK (or to a code Lampiran IV does not have).

    Why a reviewer cares: SAKIP asks that every indicator hangs on a goal and is carried by someone; an
    indicator outside the tree is measured by nobody and serves nothing.

    Example: the Sekretariat IKK "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB" names no
    Lampiran IV row, so its komponen serve no indikator kinerja.
    """
    for ik in nodes(g, "IK"):
        sps = in_rel(g, ik, "HAS_IK")
        sps = [p for p in sps if g.nodes[p]["kind"] == "SP"]
        if not sps:
            sp = g.nodes[ik]["sp"]
            yield finding(orphan_indicator, ik, f"IK tidak bergantung pada Sasaran Program ({sp} tidak ada)",
                          f"IK hangs on no Sasaran Program ({sp} is not defined)", problem="no-sp", sp=sp)
        elif not any(in_rel(g, sp, "CASCADES_TO") for sp in sps):
            yield finding(orphan_indicator, ik, "IK tidak terhubung ke Sasaran Strategis Kemenperin mana pun",
                          "IK is reachable from no Kemenperin Sasaran Strategis", problem="no-ss", sp=sps)
        if not out_rel(g, ik, "CARRIED_BY"):
            yield finding(orphan_indicator, ik, "IK tidak diemban unit mana pun di matriks cascading",
                          "no unit carries this IK in the cascading matrix", problem="no-unit",
                          unit_types=g.nodes[ik].get("unit_types", []))
    for ikk in nodes(g, "IKK"):
        if out_rel(g, ikk, "CASCADES_TO"):
            continue
        attrs = g.nodes[ikk]
        code = attrs.get("ik", "")
        if code:
            yield finding(orphan_indicator, ikk, f"IKK merujuk kode IK {code} yang tidak ada di matriks cascading",
                          f"IKK names IK code {code}, which the cascading matrix does not have",
                          problem="unknown-ik", ik=code, unit=attrs["unit"])
        else:
            yield finding(orphan_indicator, ikk, "IKK tidak ter-cascade ke IK mana pun",
                          "IKK cascades to no IK", problem="no-ik", unit=attrs["unit"],
                          catatan=attrs.get("catatan", ""))
