from __future__ import annotations

from collections import defaultdict

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import nodes, years


@rule("target-conflict", "warning", title=("Target berbeda antartabel", "Conflicting targets"))
def target_conflict(g: nx.DiGraph):
    """What it finds: an IK whose targets differ between the tables that state them: Tabel 2, the Lampiran II
    program table and the BSKJI-level Pedoman Kinerja (Lampiran III).

    Why a reviewer cares: realisation is compared against one target; two printed targets for the same
    year make the capaian depend on which table the reader opened.

    Example: an IK with 2023 target 95 in Tabel 2 and 90 in Lampiran II.
    """
    ys = years(g)
    codes = {g.nodes[ik]["kode"] for ik in nodes(g, "IK")}
    stated = defaultdict(list)
    for t in g.graph.get("ik_target", []):
        if t.get("ik") in codes:
            stated[t["ik"]].append((t["sumber"], t["baris"], t.get("target", {})))
    for code, sources in sorted(stated.items()):
        for y in ys:
            values = {(s, b): _num(tg.get(y, tg.get(str(y)))) for s, b, tg in sources}
            present = {k: v for k, v in values.items() if v is not None}
            if len(set(present.values())) > 1:
                listing = ", ".join(f"{s} (baris {b}): {v:g}" for (s, b), v in sorted(present.items()))
                yield finding(target_conflict, f"IK:{code}", f"target {y} berbeda: {listing}",
                              f"{y} target differs: {listing}", year=y,
                              targets=[{"sumber": s, "baris": b, "target": v} for (s, b), v in sorted(present.items())])


def _num(v):
    return float(v) if isinstance(v, (int, float)) else None
