from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import nodes, out_rel, years


@rule("target-direction", "warning", title=("Target berlawanan arah", "Target against its direction"))
def target_direction(g: nx.DiGraph):
    """What it finds: an indicator classified Maksimasi whose target falls from one year to the next; an
    IKK whose IK is Maksimasi and whose own target falls.

    Why a reviewer cares: a Maksimasi indicator promises improvement; a falling target is either a typo or
    a lowered ambition that the Renstra should explain.

    Example: T1/SP2/a "… meningkat setelah pendampingan industri 4.0" with targets 5, 10, 95, 95 rises; an
    IKK with 95, 90 would be reported.
    """
    ys = years(g)
    for kind in ("IK", "IKK"):
        for n in nodes(g, kind):
            ik = n if kind == "IK" else next(iter(out_rel(g, n, "CASCADES_TO")), None)
            if ik is None or g.nodes[ik].get("klasifikasi", "").lower() != "maksimasi":
                continue
            series = [(y, g.nodes[n].get(f"target_{y}")) for y in ys]
            series = [(y, v) for y, v in series if isinstance(v, (int, float))]
            for (y0, v0), (y1, v1) in zip(series, series[1:]):
                if v1 < v0:
                    yield finding(target_direction, n, f"target Maksimasi turun {y0}→{y1}: {v0:g} → {v1:g}",
                                  f"Maksimasi target falls {y0}→{y1}: {v0:g} → {v1:g}",
                                  year_from=y0, year_to=y1, target_from=v0, target_to=v1)
