from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import anggaran_total, nodes, out_rel, years


@rule("unfunded-indicator", "info", title=("Indikator tanpa anggaran", "Unfunded indicator"))
def unfunded_indicator(g: nx.DiGraph):
    """What it finds: an IKK with no komponen, or whose komponen carry no budget in any year (all marked `*`
    or empty).

    Why a reviewer cares: an indicator with no rupiah behind it in the unit's own matrix relies on money
    elsewhere; the reviewer should see where, or ask.

    Example: P4SI SK.1.3 "Peningkatan kompetensi pengujian/standardisasi" whose komponen A is `*` and B is
    funded only in 2024 is funded; an IKK whose only komponen is `*` is reported.
    """
    ys = years(g)
    for ikk in nodes(g, "IKK"):
        komponen = out_rel(g, ikk, "HAS_KOMPONEN")
        if not any(anggaran_total(g.nodes[k], ys) > 0 for k in komponen):
            yield finding(unfunded_indicator, ikk, "IKK tanpa anggaran komponen di tahun mana pun",
                          "IKK has no komponen budget in any year", komponen=len(komponen),
                          starred=sum(bool(g.nodes[k].get("bintang")) for k in komponen))
