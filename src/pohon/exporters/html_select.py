"""Which nodes and edges a view shows (depth, unit/tipe/SP filters), in a stable order.

Edges of a view always point down the drawing: (upper, lower, kind). kind is "tree" for the contract's
downward edges and "cascade" for IKK -CASCADES_TO-> IK, which is drawn from the IK down to the IKK.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from pohon.errors import PohonError, UnknownNodeError
from pohon.exporters.html_style import DEPTH_KINDS, LEVEL, TIPE_ORDER

DOWN_RELS = {"CASCADES_TO", "HAS_IK", "CARRIED_BY", "HAS_SK", "HAS_IKK", "HAS_KOMPONEN"}


class VisualOptionError(PohonError, ValueError):
    """A view option (depth, unit, tipe, sp) is not valid; `option` names it."""

    def __init__(self, option: str, value: str, message: str):
        self.option, self.value = option, value
        super().__init__(message)


@dataclass
class View:
    nodes: list[str]
    edges: list[tuple[str, str, str]]
    units: dict[str, list[str]] = field(default_factory=dict)  # node -> related unit kodes
    sps: dict[str, list[str]] = field(default_factory=dict)  # node -> related SP kodes
    parent: dict[str, str] = field(default_factory=dict)  # layout tree parent (same forest)


def natural_key(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(text)) if p)


def kind_of(g: nx.DiGraph, n: str) -> str:
    return g.nodes[n].get("kind", "")


def sort_key(g: nx.DiGraph, n: str) -> tuple:
    a = g.nodes[n]
    if a.get("kind") == "SS":  # no number of its own: order by the SPs it cascades to
        below = [str(g.nodes[c].get("kode") or "") for c in g.successors(n) if g.nodes[c].get("kind") == "SP"]
        return (0, 0, min((natural_key(b) for b in below), default=()), natural_key(n))
    tipe = a.get("tipe", "")
    tipe_rank = TIPE_ORDER.index(tipe) if tipe in TIPE_ORDER else len(TIPE_ORDER)
    return (LEVEL.get(a.get("kind"), 99), tipe_rank, natural_key(a.get("kode") or ""), natural_key(n))


def display_edges(g: nx.DiGraph) -> list[tuple[str, str, str]]:
    """Every edge of the contract that a view may draw, as (upper, lower, kind)."""
    out = []
    for u, v, rel in g.edges(data="rel"):
        ku, kv = kind_of(g, u), kind_of(g, v)
        if ku not in LEVEL or kv not in LEVEL or rel not in DOWN_RELS:
            continue
        if ku == "IKK" and kv == "IK":
            out.append((v, u, "cascade"))
        elif LEVEL[ku] < LEVEL[kv] or (ku == "SS" and kv == "SP"):
            out.append((u, v, "tree"))
    return out


def memberships(g: nx.DiGraph, edges) -> tuple[dict[str, set], dict[str, set]]:
    """For every drawable node: the unit kodes and SP kodes it belongs to (filters use these)."""
    units: dict[str, set] = defaultdict(set)
    sps: dict[str, set] = defaultdict(set)
    down = defaultdict(list)
    up = defaultdict(list)
    for a, b, kind in edges:
        down[a].append((b, kind))
        up[b].append((a, kind))
    nodes = [n for n in g.nodes if kind_of(g, n) in LEVEL]
    by_kind = defaultdict(list)
    for n in nodes:
        by_kind[kind_of(g, n)].append(n)
    code = lambda n: str(g.nodes[n].get("kode") or n.split(":")[-1])  # noqa: E731
    for n in by_kind["Unit"]:
        units[n].add(code(n))
    for n in by_kind["SP"]:
        sps[n].add(code(n))
    for n in by_kind["IK"]:  # the IK's SP, its carrying units
        sp = g.nodes[n].get("sp")
        if sp:
            sps[n].add(sp)
        sps[n].update(code(p) for p, _ in up[n] if kind_of(g, p) == "SP")
        units[n].update(code(c) for c, _ in down[n] if kind_of(g, c) == "Unit")
    for n in by_kind["SK"]:
        unit = g.nodes[n].get("unit")
        if unit:
            units[n].add(unit)
        units[n].update(code(p) for p, _ in up[n] if kind_of(g, p) == "Unit")
        if g.nodes[n].get("sp"):
            sps[n].add(g.nodes[n]["sp"])
    for n in by_kind["IKK"]:
        parents = [p for p, _ in up[n]]
        unit = g.nodes[n].get("unit")
        if unit:
            units[n].add(unit)
        for p in parents:
            units[n].update(units.get(p, ()) if kind_of(g, p) == "SK" else ())
        iks = [p for p, k in up[n] if k == "cascade"]
        for ik in iks:  # the IK it cascades to: the IK, and so its SP, belong to this unit too
            sps[n].update(sps[ik])
            units[ik].update(units[n])
        if not iks:
            for p in parents:
                if kind_of(g, p) == "SK":
                    sps[n].update(sps[p])
    for n in by_kind["SK"]:
        for c, _ in down[n]:
            sps[n].update(sps[c])
    for n in by_kind["Unit"]:  # carried IKs and the IKs its IKKs support
        for p, _ in up[n]:
            sps[n].update(sps[p])
        for sk, _ in down[n]:
            sps[n].update(sps[sk])
    for n in by_kind["Komponen"]:
        for p, _ in up[n]:
            units[n].update(units[p])
            sps[n].update(sps[p])
        if g.nodes[n].get("unit"):
            units[n].add(g.nodes[n]["unit"])
    for kind in ("SP", "Tujuan", "SS"):
        for n in sorted(by_kind[kind]):
            for c, _ in down[n]:
                units[n].update(units[c])
                if kind != "SP":
                    sps[n].update(sps[c])
    return units, sps


def select_view(g: nx.DiGraph, *, depth: str = "unit", unit: str | None = None, tipe: str | None = None,
                sp: str | None = None) -> View:
    if depth not in DEPTH_KINDS:
        raise VisualOptionError("depth", depth, f"depth must be one of {', '.join(DEPTH_KINDS)}")
    kinds = DEPTH_KINDS[depth]
    all_edges = display_edges(g)
    units, sps = memberships(g, all_edges)
    unit_codes = {str(a.get("kode")): a.get("tipe") for _, a in g.nodes(data=True) if a.get("kind") == "Unit"}
    wanted_units = None
    if unit is not None:
        if unit not in unit_codes:
            raise UnknownNodeError(f"Unit:{unit}")
        wanted_units = {unit}
    if tipe is not None:
        of_type = {k for k, t in unit_codes.items() if t == tipe}
        if not of_type:
            raise VisualOptionError("tipe", tipe, f"no unit has tipe {tipe}")
        wanted_units = of_type if wanted_units is None else wanted_units & of_type
    if sp is not None and f"SP:{sp}" not in g:
        raise UnknownNodeError(f"SP:{sp}")

    def keep(n: str) -> bool:
        if kind_of(g, n) not in kinds:
            return False
        if wanted_units is not None and not (units[n] & wanted_units):
            return False
        return sp is None or sp in sps[n]

    keys = {n: sort_key(g, n) for n in g.nodes if keep(n)}
    nodes = sorted(keys, key=keys.__getitem__)
    shown = set(nodes)
    edges = sorted(((a, b, k) for a, b, k in all_edges if a in shown and b in shown),
                   key=lambda e: (keys[e[0]], keys[e[1]], e[2]))
    parent = {}
    for a, b, k in edges:  # the layout tree: SS>SP>IK and Unit>SK>IKK>Komponen
        ka, kb = kind_of(g, a), kind_of(g, b)
        if k == "tree" and (ka, kb) in {("SS", "SP"), ("SP", "IK"), ("Unit", "SK"), ("SK", "IKK"),
                                        ("IKK", "Komponen")}:
            parent.setdefault(b, a)
    return View(nodes, edges, {n: sorted(units[n], key=natural_key) for n in nodes},
                {n: sorted(sps[n], key=natural_key) for n in nodes}, parent)
