"""Canonical, comparable forms of a graph and of findings (see make_golden.py)."""
from __future__ import annotations

import hashlib
import json

SYNTH_CASES = {
    # quality_defects=False: the cascades as synthesize wrote them when golden.json was made (before issue 13)
    "synth:seed7": {"agencies": 2, "seed": 7, "quality_defects": False},
    "synth:100k": {"agencies": 10, "seed": 0, "komponen_target": 100_000, "quality_defects": False},
}


# Lampiran III fields pohon reads since issue 13 (G.graph["pedoman"]): the row-object core had no such keys, so the
# digest leaves them out; tests/test_extract_lampiran3.py and tests/test_data_matches_extractor.py hold them.
PEDOMAN_FIELDS_SINCE_GOLDEN = ("definisi", "sumber_data", "cara_menghitung", "catatan")


def _side(graph: dict) -> dict:
    pedoman = [{k: v for k, v in row.items() if k not in PEDOMAN_FIELDS_SINCE_GOLDEN}
               for row in graph.get("pedoman", [])]
    return {**graph, "pedoman": pedoman} if "pedoman" in graph else graph


def _plain(value):
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def graph_digest(g) -> dict:
    nodes = sorted((n, json.dumps(_plain(a), sort_keys=True)) for n, a in g.nodes(data=True))
    edges = sorted((u, v, json.dumps(_plain(a), sort_keys=True)) for u, v, a in g.edges(data=True))
    side = json.dumps(_plain(_side(g.graph)), sort_keys=True)
    h = hashlib.sha256()
    for part in (nodes, edges):
        for row in part:
            h.update("\x1f".join(row).encode())
            h.update(b"\x1e")
    h.update(side.encode())
    return {"nodes": len(nodes), "edges": len(edges), "sha256": h.hexdigest()}


def findings_doc(findings) -> list[dict]:
    return [_plain({"rule": f.rule, "severity": f.severity, "node": f.node, "message_en": f.message("en"),
                    "message_id": f.message("id"), "details": f.details}) for f in findings]
