"""Which nodes and edges a view shows (depth, unit/tipe/SP filters), in a stable order.

Edges of a view always point down the drawing: (upper, lower, kind). kind is "tree" for the contract's
downward edges and "cascade" for IKK -CASCADES_TO-> IK, which is drawn from the IK down to the IKK.

A view costs what it shows, plus one pass over the nodes (unit codes, the filter's seeds, the largest
budgets). A filtered view walks from its seeds (the unit, the SP) down its subtree and up to the SS; the
units and SPs a node belongs to (`units_of`, `sps_of`) are worked out only for the nodes that walk reaches
and for what they depend on. Nothing is copied: a diff's ghost nodes sit beside the graph in a `Source`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import networkx as nx

from pohon.errors import PohonError, UnknownNodeError
from pohon.exporters.html.style import BUDGET_PREFIX, DEPTH_KINDS, LEVEL, budget_total
from pohon.nodes import code_of, is_agency, node_id

DOWN_RELS = {"CASCADES_TO", "HAS_IK", "CARRIED_BY", "HAS_SK", "HAS_IKK", "HAS_KOMPONEN"}
UPPER_PARENTS = ("SP", "Tujuan", "SS")  # their units/SPs are summed up from their children, last
LAYOUT_TREE = {("SS", "SP"), ("SP", "IK"), ("Unit", "SK"), ("SK", "IKK"), ("IKK", "Komponen")}


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
    years: list | None = None  # the years `biggest` sums
    biggest: dict[str, float] = field(default_factory=dict)  # largest Unit / Komponen budget in the whole graph
    tipe_rank: dict[str, tuple] = field(default_factory=dict)  # unit type -> its place (`tipe_ranks`)


class Source:
    """Read access to the graph a page is drawn from: a networkx DiGraph, plus (for a diff) ghost nodes and
    edges kept beside it instead of in a copy. Iteration orders are those of `g` with the ghosts added to it
    (`g.add_node`/`g.add_edge` after a `g.copy()`), so a view is the same as on such a copy."""

    def __init__(self, g: nx.DiGraph, ghost_nodes: dict[str, dict] | None = None,
                 ghost_succ: dict[str, dict[str, dict]] | None = None,
                 ghost_pred: dict[str, dict[str, dict]] | None = None):
        self.base = g
        self.graph = g.graph
        self._node = g.nodes  # networkx's public views: `in`, [], get() and items() without copying
        self._succ = g.succ
        self._pred = g.pred
        self.ghost_nodes = ghost_nodes or {}  # id -> attributes (merged over g's when the id is in g)
        self.ghost_succ = ghost_succ or {}  # u -> {v: edge attributes}: edges not in g
        self.ghost_pred = ghost_pred or {}

    def __contains__(self, n) -> bool:
        return n in self._node or n in self.ghost_nodes

    def attrs(self, n: str) -> dict:
        a = self.ghost_nodes.get(n)
        return a if a is not None else self._node[n]

    def get(self, n: str, default=None):
        a = self.ghost_nodes.get(n)
        return a if a is not None else self._node.get(n, default)

    def items(self):
        """(node, attributes) in graph order, then the ghosts that are not in the graph."""
        ghosts = self.ghost_nodes
        if not ghosts:
            yield from self.base.nodes(data=True)
            return
        for n, a in self.base.nodes(data=True):
            yield n, ghosts.get(n, a)
        for n, a in ghosts.items():
            if n not in self._node:
                yield n, a

    def succ(self, n: str):
        """(successor, edge attributes) in adjacency order."""
        if n in self._succ:
            yield from self._succ[n].items()
        if n in self.ghost_succ:
            yield from self.ghost_succ[n].items()

    def pred(self, n: str):
        if n in self._pred:
            yield from self._pred[n].items()
        if n in self.ghost_pred:
            yield from self.ghost_pred[n].items()


def as_source(g) -> Source:
    return g if isinstance(g, Source) else Source(g)


def natural_key(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(text)) if p)


def kind_of(g, n: str) -> str:
    return as_source(g).attrs(n).get("kind", "")


def tipe_ranks(g) -> dict[str, tuple]:
    """Unit types in the order the dataset lists them (first units.csv line of each), the agency's own first."""
    ranks: dict[str, tuple] = {}
    for _, a in as_source(g).items():
        if a.get("kind") == "Unit":
            tipe_rank(ranks, a)
    return ranks


def tipe_rank(ranks: dict, a: dict) -> None:
    """Note Unit `a` in `ranks` (tipe -> (not the agency, first line, tipe)), whatever order units come in."""
    tipe = a.get("tipe") or ""
    line = a.get("baris")
    r = (0 if is_agency(a) else 1, line if isinstance(line, int) else float("inf"), tipe)
    old = ranks.get(tipe)
    if old is None or r < old:
        ranks[tipe] = r


def sort_key(g, n: str, ranks: dict | None = None) -> tuple:
    g = as_source(g)
    ranks = tipe_ranks(g) if ranks is None else ranks
    a = g.attrs(n)
    if a.get("kind") == "SS":  # no number of its own: order by the SPs it cascades to
        below = [str(g.attrs(c).get("kode") or "") for c, _ in g.succ(n) if g.attrs(c).get("kind") == "SP"]
        return (0, 0, min((natural_key(b) for b in below), default=()), natural_key(n))
    rank = ranks.get(a.get("tipe") or "", (2, 0, "")) if a.get("kind") == "Unit" else (2, 0, "")
    return (LEVEL.get(a.get("kind"), 99), rank, natural_key(a.get("kode") or ""), natural_key(n))


class Memberships:
    """The unit kodes and SP kodes a drawable node belongs to (the filters use these), computed on demand.

    units: a Unit its own code; an SK its `unit` and its Unit parents' codes; an IKK its `unit` and its SK
    parents' units; an IK its Unit children's codes (CARRIED_BY) and the units of the IKKs cascading to it;
    a Komponen its `unit` and its parents' units; an SP, Tujuan or SS its children's units.
    sps: an SP its own code; an IK its `sp` and its SP parents' codes; an IKK the SPs of the IKs it cascades
    to, or else its SK parents' `sp`; an SK its `sp` and its IKK children's SPs; a Unit the SPs of its SP/IK
    parents and SK/IKK children; a Komponen its parents' SPs; a Tujuan or SS its children's SPs.
    (A Komponen takes nothing from an SP/Tujuan/SS parent's units, nor from a Tujuan/SS parent's SPs.)
    """

    def __init__(self, src: Source):
        self.src = src
        self.attrs = src.attrs if src.ghost_nodes else src._node.__getitem__
        self._up: dict[str, list] = {}
        self._down: dict[str, list] = {}
        self._units: dict[str, set] = {}
        self._sps: dict[str, set] = {}

    def kind(self, n: str) -> str:
        return self.attrs(n).get("kind", "")

    def code(self, n: str) -> str:
        return str(self.attrs(n).get("kode") or code_of(n))

    def down(self, n: str) -> list[tuple[str, str]]:
        """(child, edge kind) over the drawable edges below n, as `display_edges` draws them."""
        out = self._down.get(n)
        if out is None:
            out = []
            kn = self.kind(n)
            if kn in LEVEL:
                for v, e in self.src.succ(n):
                    kv = self.kind(v)
                    if kv not in LEVEL or e.get("rel") not in DOWN_RELS or (kn == "IKK" and kv == "IK"):
                        continue
                    if LEVEL[kn] < LEVEL[kv] or (kn == "SS" and kv == "SP"):
                        out.append((v, "tree"))
                if kn == "IK":
                    out += [(u, "cascade") for u, e in self.src.pred(n)
                            if self.kind(u) == "IKK" and e.get("rel") in DOWN_RELS]
            self._down[n] = out
        return out

    def up(self, n: str) -> list[tuple[str, str]]:
        out = self._up.get(n)
        if out is None:
            out = []
            kn = self.kind(n)
            if kn in LEVEL:
                for u, e in self.src.pred(n):
                    ku = self.kind(u)
                    if ku not in LEVEL or e.get("rel") not in DOWN_RELS or (ku == "IKK" and kn == "IK"):
                        continue
                    if LEVEL[ku] < LEVEL[kn] or (ku == "SS" and kn == "SP"):
                        out.append((u, "tree"))
                if kn == "IKK":
                    out += [(v, "cascade") for v, e in self.src.succ(n)
                            if self.kind(v) == "IK" and e.get("rel") in DOWN_RELS]
            self._up[n] = out
        return out

    def units(self, n: str) -> set:
        out = self._units.get(n)
        if out is not None:
            return out
        k, a, out = self.kind(n), self.attrs(n), set()
        if k == "Unit":
            out.add(self.code(n))
        elif k == "SK":
            if a.get("unit"):
                out.add(a["unit"])
            out.update(self.code(p) for p, _ in self.up(n) if self.kind(p) == "Unit")
        elif k == "IKK":
            if a.get("unit"):
                out.add(a["unit"])
            for p, _ in self.up(n):
                if self.kind(p) == "SK":
                    out |= self.units(p)
        elif k == "IK":
            for c, ek in self.down(n):
                if ek == "cascade":
                    out |= self.units(c)
                elif self.kind(c) == "Unit":
                    out.add(self.code(c))
        elif k == "Komponen":
            for p, _ in self.up(n):
                if self.kind(p) not in UPPER_PARENTS:
                    out |= self.units(p)
            if a.get("unit"):
                out.add(a["unit"])
        elif k in UPPER_PARENTS:
            for c, _ in self.down(n):
                out |= self.units(c)
        self._units[n] = out
        return out

    def sps(self, n: str) -> set:
        out = self._sps.get(n)
        if out is not None:
            return out
        k, a, out = self.kind(n), self.attrs(n), set()
        if k == "SP":
            out.add(self.code(n))
        elif k == "IK":
            if a.get("sp"):
                out.add(a["sp"])
            out.update(self.code(p) for p, _ in self.up(n) if self.kind(p) == "SP")
        elif k == "IKK":
            iks = [p for p, ek in self.up(n) if ek == "cascade"]
            for ik in iks:
                out |= self.sps(ik)
            if not iks:
                for p, _ in self.up(n):
                    if self.kind(p) == "SK" and self.attrs(p).get("sp"):
                        out.add(self.attrs(p)["sp"])
        elif k == "SK":
            if a.get("sp"):
                out.add(a["sp"])
            for c, _ in self.down(n):
                if self.kind(c) == "IKK":
                    out |= self.sps(c)
        elif k == "Unit":
            for p, _ in self.up(n):
                if self.kind(p) in ("SP", "IK"):
                    out |= self.sps(p)
            for c, _ in self.down(n):
                if self.kind(c) in ("SK", "IKK"):
                    out |= self.sps(c)
        elif k == "Komponen":
            for p, _ in self.up(n):
                if self.kind(p) not in ("Tujuan", "SS"):
                    out |= self.sps(p)
        elif k in ("Tujuan", "SS"):
            for c, _ in self.down(n):
                out |= self.sps(c)
        self._sps[n] = out
        return out

    # ---- where a unit's / an SP's membership spreads (a superset of the nodes that get it) ----

    def unit_spread(self, n: str):
        k = self.kind(n)
        for p, ek in self.up(n):
            kp = self.kind(p)
            if kp in UPPER_PARENTS or (k == "Unit" and kp == "IK") or (k == "IKK" and ek == "cascade"):
                yield p
        for c, _ in self.down(n):
            kc = self.kind(c)
            if (kc == "Komponen" and k not in UPPER_PARENTS) or (k, kc) in (("Unit", "SK"), ("SK", "IKK")):
                yield c

    def sp_spread(self, n: str, sp):
        k = self.kind(n)
        for p, _ in self.up(n):
            kp = self.kind(p)
            if kp in ("Tujuan", "SS") or (kp == "Unit" and k in ("SK", "IKK")) or (k, kp) == ("IKK", "SK"):
                yield p
        for c, ek in self.down(n):
            kc = self.kind(c)
            if (kc == "Komponen" and k not in ("Tujuan", "SS")) or (k in ("SP", "IK") and kc == "Unit") \
                    or (k, kc) == ("SP", "IK") or (k == "IK" and ek == "cascade") \
                    or (k == "SK" and kc == "IKK" and self.attrs(n).get("sp") == sp):
                yield c


def _closure(seeds, spread) -> set:
    seen = set(seeds)
    todo = list(seen)
    while todo:
        for m in spread(todo.pop()):
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen


def select_view(g, *, depth: str = "unit", unit: str | None = None, tipe: str | None = None,
                sp: str | None = None, years: list | None = None) -> View:
    """The nodes and edges of a view. `g` is a networkx DiGraph or a `Source`; `years` (default: the graph's)
    are the years whose budgets make `View.biggest`, the sizing reference of Unit and Komponen nodes."""
    if depth not in DEPTH_KINDS:
        raise VisualOptionError("depth", depth, f"depth must be one of {', '.join(DEPTH_KINDS)}")
    src = as_source(g)
    kinds = DEPTH_KINDS[depth]
    years = list(years if years is not None else (src.graph.get("years") or []))
    m = Memberships(src)

    # the one pass over every node
    unit_codes: dict[str, object] = {}
    unit_nodes: list[tuple[str, str]] = []  # drawable Unit nodes, with their code
    attr_unit: list[tuple[str, object]] = []  # SK/IKK/Komponen whose `unit` may be a wanted one
    referenced: set = set()  # `unit` values judged before every Unit was seen (tipe filter)
    late = False  # a Unit came after a node that named its code: judge the `unit` values again
    sp_seeds: list[str] = []
    everything: list[str] = []  # no filter: every node of the depth's kinds
    filtered = unit is not None or tipe is not None or sp is not None
    by_unit = unit is not None or tipe is not None
    # the largest non-zero budget total per kind, as max() over the nodes in order would find it
    keys_k = [f"{BUDGET_PREFIX['Komponen']}_{y}" for y in years] if "Komponen" in kinds else None
    keys_u = [f"{BUDGET_PREFIX['Unit']}_{y}" for y in years] if "Unit" in kinds else None
    big_k = big_u = None
    of_tipe: set = set()
    ranks: dict[str, tuple] = {}
    for n, a in (src.items() if src.ghost_nodes else src.base.nodes(data=True)):
        k = a.get("kind")
        if k == "Komponen":  # most nodes: the budget is the cost of this pass
            if keys_k is not None:
                v = budget_total(a, keys_k)
                if v and (big_k is None or v > big_k):
                    big_k = v
        elif k == "Unit":
            tipe_rank(ranks, a)
            if keys_u is not None and not is_agency(a):
                v = budget_total(a, keys_u)
                if v and (big_u is None or v > big_u):
                    big_u = v
            kode = str(a.get("kode"))
            unit_codes[kode] = a.get("tipe")
            if a.get("tipe") == tipe:
                of_tipe.add(kode)
            if kode in referenced:
                late = True
            unit_nodes.append((n, str(a.get("kode") or code_of(n))))
        if not filtered:
            if k in kinds:
                everything.append(n)
            continue
        if by_unit and (k == "Komponen" or k == "IKK" or k == "SK"):
            u = a.get("unit")
            if u and (u == unit if unit is not None else u in of_tipe or _note(referenced, u)):
                attr_unit.append((n, u))
        if sp is not None and ((k == "IK" or k == "SK") and a.get("sp") == sp
                               or k == "SP" and str(a.get("kode") or code_of(n)) == sp):
            sp_seeds.append(n)
    if late:  # (only when a Unit comes after the nodes that name it: not in a loaded graph)
        attr_unit = [(n, a["unit"]) for n, a in src.items()
                     if a.get("kind") in ("SK", "IKK", "Komponen") and a.get("unit") in of_tipe]

    wanted_units = None
    if unit is not None:
        if unit not in unit_codes:
            raise UnknownNodeError(node_id("Unit", unit))
        wanted_units = {unit}
    if tipe is not None:
        of_type = {k for k, t in unit_codes.items() if t == tipe}
        if not of_type:
            raise VisualOptionError("tipe", tipe, f"no unit has tipe {tipe}")
        wanted_units = of_type if wanted_units is None else wanted_units & of_type
    if sp is not None and f"SP:{sp}" not in src:
        raise UnknownNodeError(node_id("SP", sp))

    if wanted_units is not None:
        seeds = [n for n, c in unit_nodes if c in wanted_units] + [n for n, u in attr_unit if u in wanted_units]
        candidates = _closure(seeds, m.unit_spread)
    elif sp is not None:
        candidates = _closure(sp_seeds, lambda n: m.sp_spread(n, sp))
    else:
        candidates = everything

    def keep(n: str) -> bool:
        if m.kind(n) not in kinds:
            return False
        if wanted_units is not None and not (m.units(n) & wanted_units):
            return False
        return sp is None or sp in m.sps(n)

    keys = {n: sort_key(src, n, ranks) for n in candidates if keep(n)}
    nodes = sorted(keys, key=keys.__getitem__)
    shown = set(nodes)
    edges = [(a, b, k) for a in nodes for b, k in m.down(a) if b in shown]
    if len(set(keys.values())) < len(keys):  # equal keys keep the graph's order, as a stable sort of it would
        pos = {n: i for i, (n, _) in enumerate(src.items()) if n in shown}
        nodes.sort(key=lambda n: (keys[n], pos[n]))
        edges.sort(key=lambda e: (keys[e[0]], keys[e[1]], e[2], *_edge_rank(src, pos, e)))
    else:
        edges.sort(key=lambda e: (keys[e[0]], keys[e[1]], e[2]))
    parent = {}
    for a, b, k in edges:  # the layout tree: SS>SP>IK and Unit>SK>IKK>Komponen
        if k == "tree" and (m.kind(a), m.kind(b)) in LAYOUT_TREE:
            parent.setdefault(b, a)
    nk: dict = {}

    def ordered(values: set) -> list:
        for v in values:
            if v not in nk:
                nk[v] = natural_key(v)
        return sorted(values, key=nk.__getitem__)

    return View(nodes, edges, {n: ordered(m.units(n)) for n in nodes}, {n: ordered(m.sps(n)) for n in nodes},
                parent, years, {k: v or 0.0 for k, v, keys in (("Unit", big_u, keys_u), ("Komponen", big_k, keys_k))
                                if keys is not None}, ranks)


def _note(referenced: set, u) -> bool:
    referenced.add(u)
    return False


def _edge_rank(src: Source, pos: dict, e) -> tuple:
    """Where the graph edge behind a drawn edge comes in `g.edges` (a cascade edge is drawn reversed)."""
    a, b, k = e
    u, v = (b, a) if k == "cascade" else (a, b)
    return pos[u], next(i for i, (w, _) in enumerate(src.succ(u)) if w == v)
