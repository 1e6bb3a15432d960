from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import nodes, normalise

SAME_NAME = 0.6  # SequenceMatcher ratio above which two spellings name the same indicator


@rule("duplicate-code", "error", title=("Kode ganda", "Duplicate code"))
def duplicate_code(g: nx.DiGraph):
    """What it finds: one code naming two different indicators — twice in the same Pedoman Kinerja section
    with different names, or a name elsewhere (Lampiran III, Tabel 2, Lampiran II) that is not the indicator
    Lampiran IV gives that code.

    Why a reviewer cares: the code is how a unit's realisation is rolled up; two indicators under one code
    are added together as if they measured the same thing.

    Example: the Sekretariat section of Lampiran III uses T4/SP9/a both for "Nilai Sistem Akuntabilitas
    Kinerja" and for "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB".
    """
    names = {g.nodes[ik]["kode"]: g.nodes[ik]["nama"] for ik in nodes(g, "IK")}
    per_section = defaultdict(list)
    for p in g.graph.get("pedoman", []):
        per_section[(p["bagian"], p["kode"])].append(p)
    for (bagian, kode), rows in sorted(per_section.items()):
        distinct = {normalise(r["indikator"]) for r in rows}
        if len(rows) > 1 and len(distinct) > 1:
            yield finding(duplicate_code, _node(kode, names),
                          f"kode {kode} dipakai untuk {len(distinct)} indikator berbeda di Lampiran III bagian {bagian}",
                          f"code {kode} names {len(distinct)} different indicators in Lampiran III section {bagian}",
                          code=kode, bagian=bagian,
                          uses=[{"indikator": r["indikator"], "baris": r["baris"]} for r in rows])
    elsewhere = [("lampiran_iii:" + p["bagian"], p["kode"], p["indikator"], p["baris"])
                 for p in g.graph.get("pedoman", [])]
    elsewhere += [(t["sumber"], t["ik"], t["indikator"], t["baris"]) for t in g.graph.get("ik_target", [])
                  if t.get("ik")]
    for source, kode, nama, baris in elsewhere:
        if kode in names and nama and _differs(nama, names[kode]):
            yield finding(duplicate_code, f"IK:{kode}", f"{source} memakai kode {kode} untuk indikator lain",
                          f"{source} uses code {kode} for another indicator", severity="warning",
                          code=kode, source=source, indikator=nama, baris=baris, lampiran_iv=names[kode])


def _differs(a: str, b: str) -> bool:
    return SequenceMatcher(None, normalise(a), normalise(b)).ratio() < SAME_NAME


def _node(kode: str, names: dict) -> str:
    return f"IK:{kode}" if kode in names else f"kode:{kode}"
