from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import anggaran_total, nodes, rupiah, years


@rule("starred-with-budget", "warning", title=("Komponen bertanda * beranggaran", "Starred komponen with budget"))
def starred_with_budget(g: nx.DiGraph):
    """What it finds: a komponen marked `*` ("its budget sits on another indicator") that nevertheless
    carries a budget.

    Why a reviewer cares: the `*` tells the reader not to look for money here; if money is here too, the
    same activity may be funded, and counted, twice.

    Example: BSPJI Medan SK.1.1 komponen A "Hasil Penelitian, Pengembangan dan Perekayasaan*" with
    Rp 120.00 juta in 2021.
    """
    ys = years(g)
    for k in nodes(g, "Komponen"):
        a = g.nodes[k]
        if not a.get("bintang"):
            continue
        total = anggaran_total(a, ys)
        if total > 0:
            yield finding(starred_with_budget, k, f"komponen bertanda * tetapi beranggaran Rp {rupiah(total)} juta",
                          f"komponen marked * but carries Rp {rupiah(total)} juta",
                          anggaran={y: a.get(f"anggaran_{y}") for y in ys}, total=round(total, 2))
