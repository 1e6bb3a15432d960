"""The poster's tree: SS → SP → IK → unit → IKK → komponen, built from the graph, with each box's budget.

The tree is a tree (the graph is not): a unit appears under every IK it carries, holding only its IKKs that
cascade to that IK, so every komponen sits under exactly one box of each level and its anggaran is counted
once, as in `pohon budget`. A Lampiran IV mark for a unit type with several units (the balai) is one box for
the type ("BSPJI · 13 balai") under the IK, not one link per balai; at --depth ikk and komponen its balai hang
under that box, each with its IKKs cascading to the IK (and their komponen). IKKs that cascade to no IK hang
under a box of their own ("tidak ter-cascade"), so the root's budget is the total of every komponen shown.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from pohon.budget import natural_key
from pohon.checks.view import anggaran_total, in_rel, out_rel
from pohon.errors import OptionError
from pohon.nodes import is_agency
from pohon.words import say

DEPTHS = ("ik", "unit", "ikk", "komponen")
LEVEL = {"root": 0, "SS": 1, "SP": 2, "IK": 3, "Unit": 4, "Tipe": 4, "IKK": 5, "Komponen": 6, "Lain": 1}
DEPTH_LEVEL = {"ik": 3, "unit": 4, "ikk": 5, "komponen": 6}
TIPE_ORDER = ("BSKJI", "SET", "P4SI", "P2SI", "POPTIKJI", "PIH", "BBSPJI", "BSPJI")


@dataclass
class Node:
    """One box of the poster."""

    id: str                      # unique within the tree (a unit under two IKs is two nodes)
    kind: str                    # root, SS, SP, IK, Unit, Tipe (a unit type), IKK, Komponen, Lain
    kode: str
    nama: str
    graph_id: str | None = None  # the graph node this box shows (None for root, Tipe, Lain)
    satuan: str = ""
    target: object = None        # target of the last year (IK, IKK)
    budget: float = 0.0          # Σ anggaran (all years) of every komponen under the box, each counted once
    label: str = ""              # the kind shown on the box, when not the kind's own word (a unit as root)
    covers: list[str] = field(default_factory=list)  # a Tipe box whose balai are not drawn: their graph ids
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def build_tree(g: nx.DiGraph, *, unit: str | None = None, sp: str | None = None, depth: str = "unit",
               lang: str = "id") -> Node:
    """The poster tree of `g` (optionally only what reaches `unit`, or only `sp`), cut at `depth`."""
    if depth not in DEPTHS:
        raise OptionError("--depth", "bad-depth", f"kedalaman {depth!r} tidak dikenal; pilih: {', '.join(DEPTHS)}",
                          f"unknown depth {depth!r}; choose one of: {', '.join(DEPTHS)}")
    if unit is not None and f"Unit:{unit}" not in g:
        raise OptionError("--unit", "unknown-unit", f"unit {unit!r} tidak ada di units.csv",
                          f"unit {unit!r} is not in units.csv")
    if sp is not None and f"SP:{sp}" not in g:
        raise OptionError("--sp", "unknown-sp", f"SP {sp!r} tidak ada di sp.csv", f"SP {sp!r} is not in sp.csv")
    if unit is not None and is_agency(g.nodes[f"Unit:{unit}"]):
        unit = None  # the agency's own row: the whole agency
    years = list(g.graph.get("years", []))
    last = years[-1] if years else None
    money = {k: anggaran_total(a, years) for k, a in g.nodes(data=True) if a["kind"] == "Komponen"}

    def ikk_node(prefix: str, ikk: str) -> Node:
        a = g.nodes[ikk]
        node = Node(f"{prefix}/{ikk}", "IKK", a["kode"], a["nama"], ikk, a.get("satuan") or "",
                    a.get(f"target_{last}") if last else None)
        for k in sorted(out_rel(g, ikk, "HAS_KOMPONEN"), key=lambda k: natural_key(g.nodes[k]["kode"])):
            ka = g.nodes[k]
            node.children.append(Node(f"{node.id}/{k}", "Komponen", ka["kode"], ka["nama"], k,
                                      budget=round(money[k], 2)))
        node.budget = round(sum(money[k] for k in out_rel(g, ikk, "HAS_KOMPONEN")), 2)
        return node

    def unit_node(prefix: str, uid: str, ikks_by_unit: dict[str, list[str]]) -> Node:
        a = g.nodes[uid]
        box = Node(f"{prefix}/{uid}", "Unit", a["kode"], a["nama"], uid)
        box.children = [ikk_node(box.id, i) for i in sorted(ikks_by_unit.get(uid, []),
                                                              key=lambda i: natural_key(g.nodes[i]["kode"]))]
        box.budget = round(sum(c.budget for c in box.children), 2)
        return box

    def unit_rank(uid: str) -> tuple:
        tipe = g.nodes[uid].get("tipe", "")
        return (TIPE_ORDER.index(tipe) if tipe in TIPE_ORDER else len(TIPE_ORDER), natural_key(g.nodes[uid]["kode"]))

    by_type: dict[str, list[str]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        if a["kind"] == "Unit":
            by_type[a.get("tipe", "")].append(n)
    wanted = f"Unit:{unit}" if unit else None

    def unit_children(prefix: str, ik: str | None, ikks_by_unit: dict[str, list[str]], marked: list[str]) -> list[Node]:
        """The unit boxes under an IK: every unit marked (a type with several units is one box) and every
        unit whose IKKs cascade to it."""
        units = set(marked) | set(ikks_by_unit)
        if wanted:
            units &= {wanted}
        of_type: dict[str, list[str]] = defaultdict(list)
        for uid in sorted(units, key=unit_rank):
            of_type[g.nodes[uid].get("tipe", "")].append(uid)
        out = []
        for tipe, members in of_type.items():
            if wanted or len(by_type[tipe]) < 2 or len(members) < 2:
                out += [unit_node(prefix, uid, ikks_by_unit) for uid in members]
                continue
            box = Node(f"{prefix}/Tipe:{tipe}", "Tipe", tipe,
                       f"{tipe} · {len(members)} {say('poster-tree', 'balai', lang)}")
            box.children = [unit_node(box.id, u, ikks_by_unit) for u in members]
            box.budget = round(sum(c.budget for c in box.children), 2)
            box.covers = list(members)
            out.append(box)
        return out

    root_nama = g.graph.get("dataset", "")
    root = Node("root", "root", unit or _agency_kode(g), g.nodes[wanted]["nama"] if wanted else root_nama,
                label="Unit" if wanted else "")
    ss_ids = sorted((n for n, a in g.nodes(data=True) if a["kind"] == "SS"), key=lambda s: _ss_key(g, s))
    for ss in ss_ids:
        ss_box = Node(ss, "SS", "", g.nodes[ss]["nama"], ss)
        for spid in sorted(out_rel(g, ss, "CASCADES_TO"), key=lambda s: natural_key(g.nodes[s]["kode"])):
            if sp and spid != f"SP:{sp}":
                continue
            spa = g.nodes[spid]
            sp_box = Node(spid, "SP", spa["kode"], spa["nama"], spid)
            iks = [i for i in out_rel(g, spid, "HAS_IK")]
            for ik in sorted(iks, key=lambda i: natural_key(g.nodes[i]["kode"])):
                a = g.nodes[ik]
                ik_box = Node(ik, "IK", a["kode"], a["nama"], ik, a.get("satuan") or "",
                              a.get(f"target_{last}") if last else None)
                ikks_by_unit: dict[str, list[str]] = defaultdict(list)
                for i in in_rel(g, ik, "CASCADES_TO"):
                    ikks_by_unit[f"Unit:{g.nodes[i]['unit']}"].append(i)
                marked = [u for u in out_rel(g, ik, "CARRIED_BY") if not is_agency(g.nodes[u])]
                ik_box.children = unit_children(ik, ik, ikks_by_unit, marked)
                ik_box.budget = round(sum(c.budget for c in ik_box.children), 2)
                if wanted and not ik_box.children:
                    continue
                sp_box.children.append(ik_box)
            sp_box.budget = round(sum(c.budget for c in sp_box.children), 2)
            if (wanted or sp) and not sp_box.children and spid != f"SP:{sp}":
                continue
            ss_box.children.append(sp_box)
        ss_box.budget = round(sum(c.budget for c in ss_box.children), 2)
        if ss_box.children:
            root.children.append(ss_box)
    if not sp:
        loose: dict[str, list[str]] = defaultdict(list)
        for n, a in g.nodes(data=True):
            if a["kind"] == "IKK" and not out_rel(g, n, "CASCADES_TO"):
                loose[f"Unit:{a['unit']}"].append(n)
        lain = Node("Lain", "Lain", say("poster-tree", "not-cascaded", lang), say("poster-tree", "not-cascaded-note", lang))
        lain.children = unit_children("Lain", None, loose, [])
        lain.budget = round(sum(c.budget for c in lain.children), 2)
        if lain.children:
            root.children.append(lain)
    root.budget = round(sum(c.budget for c in root.children), 2)
    _cut(root, DEPTH_LEVEL[depth])
    return root


def _cut(node: Node, level: int) -> None:
    if node.kind == "Tipe":  # its balai are drawn from the IKK depth on; above it the box stands for them
        if level < LEVEL["IKK"]:
            node.children = []
            return
        node.covers = []
    node.children = [c for c in node.children if LEVEL[c.kind] <= level]
    for c in node.children:
        _cut(c, level)


def _agency_kode(g: nx.DiGraph) -> str:
    if "agency" in g.graph:  # poster_graph: a selection may leave the agency's row out
        return g.graph["agency"]
    for _, a in g.nodes(data=True):
        if a["kind"] == "Unit" and is_agency(a):
            return a["kode"]
    return ""


def _ss_key(g: nx.DiGraph, ss: str) -> list:
    sps = sorted((g.nodes[s]["kode"] for s in out_rel(g, ss, "CASCADES_TO")), key=natural_key)
    return natural_key(sps[0] if sps else g.nodes[ss]["nama"])
