"""Trace one node of the cascade: the chain up to the Kemenperin SS and the subtree down to the komponen.

`trace(graph, query)` accepts a full node id (`IKK:P4SI:SK.1.2`) or the short codes reviewers type: an IK
code (`T1/SP3/a`), a unit (`P4SI`), an IKK (`P4SI:SK.1.2`), a komponen (`P4SI:SK.1.2:A`), an SK
(`P4SI:SK.1`), an SP (`SP3`) or a Tujuan (`T1`). Budgets in the downward tree are the sum of the distinct
komponen below each node, per year (Rp juta); a `*` komponen is shown with the funded komponen of the same
name that its money sits on.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx

from pohon.checks.view import in_rel, money, normalise, out_rel, yearly_sums
from pohon.errors import UnknownNodeError
from pohon.nodes import without_kind
from pohon.words import say

_PREFER = ("IK", "Unit", "IKK", "Komponen", "SK", "SP", "Tujuan", "SS", "Kelompok")


class NodeNotFound(UnknownNodeError):
    """The asked-for node is not in the graph; `suggestions` holds close matches (short codes)."""

    def __init__(self, query: str, suggestions: list[str]):
        self.query, self.suggestions = query, suggestions
        super().__init__(query, self.message("en"))

    def message(self, lang: str = "id") -> str:
        hint = ", ".join(self.suggestions)
        return say("cli", "unknown-node", lang, query=self.query) + (
            say("cli", "did-you-mean", lang, hint=hint) if hint else "")


@dataclass
class TraceNode:
    id: str
    kind: str
    kode: str
    nama: str
    file: str
    baris: int | None
    anggaran: dict[int, float | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # note codes, see NOTES
    refs: list[str] = field(default_factory=list)   # node ids a note points at (funded twins of a `*`)
    children: list["TraceNode"] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "kode": self.kode, "nama": self.nama, "file": self.file,
                "baris": self.baris, "anggaran": {str(y): v for y, v in self.anggaran.items()},
                "notes": self.notes, "refs": self.refs, "children": [c.as_dict() for c in self.children]}


@dataclass
class Trace:
    node: str
    years: list[int]
    up: TraceNode    # the node itself; its children are the nodes above it
    down: TraceNode  # the node itself; its children are the nodes below it, with budgets

    def as_dict(self) -> dict:
        return {"node": self.node, "years": self.years, "up": self.up.as_dict(), "down": self.down.as_dict()}


def short(node_id: str) -> str:
    """`IK:T1/SP3/a` -> `T1/SP3/a`: the code a reviewer types."""
    return without_kind(node_id)


def resolve(g: nx.DiGraph, query: str) -> str:
    """The node id `query` names. Raises NodeNotFound with close matches when there is none."""
    q = query.strip()
    if q in g:
        return q
    for kind in _PREFER:
        if f"{kind}:{q}" in g:
            return f"{kind}:{q}"
    lower = q.lower()
    by_lower: dict[str, list[str]] = {}
    for n in g:
        by_lower.setdefault(n.lower(), []).append(n)
        by_lower.setdefault(short(n).lower(), []).append(n)
    if lower in by_lower:
        return sorted(by_lower[lower], key=lambda n: _PREFER.index(g.nodes[n]["kind"]))[0]
    raise NodeNotFound(query, suggest(g, q))


def suggest(g: nx.DiGraph, query: str, n: int = 5) -> list[str]:
    """Short codes close to `query` (by spelling), then nodes whose name contains it."""
    keys = {}
    for node in g:
        keys.setdefault(short(node).lower(), short(node) if g.nodes[node]["kind"] != "SS" else node)
    close = difflib.get_close_matches(query.lower(), list(keys), n=n, cutoff=0.6)
    out = [keys[k] for k in close]
    words = set(normalise(query).split())
    if len("".join(words)) >= 4:  # every word of the query in the node's name: IK first, then units, IKK, …
        named = [m for m in g if words <= set(normalise(g.nodes[m]["nama"]).split())]
        for node in sorted(named, key=lambda m: (_PREFER.index(g.nodes[m]["kind"]), m)):
            if len(out) >= n:
                break
            if short(node) not in out:
                out.append(short(node))
    return out


_UNIT_KINDS = ("Unit", "SK", "IKK", "Komponen")


def scope(ds, query: str):
    """The Selection that holds everything a trace of `query` shows, when the query names a unit, an SK,
    an IKK or a komponen (its unit) or an IK (the IK and what cascades to it); None for the upper nodes,
    whose trace spans the cascade. `trace_dataset` checks that the scoped graph resolves the query exactly."""
    from pohon.selection import Selection

    q = query.strip()
    kind, _, rest = q.partition(":")
    if kind in _UNIT_KINDS + ("IK",) and rest:
        q = rest
    first = q.split(":", 1)[0]
    units = ds.tables["units"]
    if units.height and first in set(units["kode"].to_list()):
        return Selection(unit=first)
    if kind not in _UNIT_KINDS:
        return _ik_scope(ds, q)
    return None


def _ik_scope(ds, code: str):
    """An IK's trace shows the units that carry it (by IKK or by a Lampiran IV mark), each whole: a `*`
    komponen there points at funded komponen under the unit's other IKKs."""
    import polars as pl

    from pohon.selection import Selection

    casc = ds.tables["cascading"].filter(pl.concat_str("tujuan", "sp", "kode", separator="/") == code)
    if casc.height != 1:
        return None
    marked = [tp for tp in ds.unit_types if casc[tp][0]]
    units = ds.tables["units"]
    carriers = set(ds.tables["ikk"].filter(pl.col("ik") == code)["unit"].to_list())
    carriers |= set(units.filter(pl.col("tipe").is_in(marked))["kode"].to_list())
    return Selection(units=tuple(sorted(carriers)))


def trace_folder(folder, query: str) -> Trace:
    """= trace_dataset(load_dataset(folder), query). When the folder's files are unchanged since they last
    loaded without errors (pohon.load.checked), only the rows the trace shows are read; otherwise the
    folder is loaded and validated whole (raising LoadError) and kept for the next trace."""
    from pohon.load import checked

    cached = checked.open_checked(folder)
    if cached is not None:
        try:
            return _trace_checked(cached, query)
        except NodeNotFound:
            raise
        except Exception:  # noqa: BLE001 - an unreadable cache entry is a miss, never an answer
            pass
    return trace_dataset(checked.load_and_keep(folder)[1], query)


def _trace_checked(cached, query: str) -> Trace:
    from dataclasses import replace

    heads = cached.dataset(units=())  # the small tables whole, the big ones empty; `scope` reads ikk's IKs
    selection = scope(replace(heads, tables=dict(heads.tables, ikk=cached.columns("ikk", ["unit", "ik"]))), query)
    if selection is None:
        return trace_dataset(cached.dataset(), query)
    units = selection.units if selection.units is not None else (selection.unit,)
    return trace_dataset(cached.dataset(units), query, whole=cached.dataset)


def trace_dataset(ds, query: str, whole=None) -> Trace:
    """= trace(build_graph(ds), query), building only the part of the graph the trace shows where the query
    names a node exactly (a case-insensitive or misspelt query is resolved on the whole graph). `whole`:
    when `ds` holds only the rows of `scope(ds, query)`, a function giving the whole Dataset."""
    from pohon.graph import build_graph

    selection = scope(ds, query)
    if selection is not None:
        g = build_graph(ds, selection)
        q = query.strip()
        exact = q if q in g else next((f"{k}:{q}" for k in _PREFER if f"{k}:{q}" in g), None)
        if exact is not None and (exact == q or g.nodes[exact]["kind"] in _UNIT_KINDS + ("IK",)):
            return trace(g, exact)
    return trace(build_graph(whole() if whole else ds), query)


def trace(g: nx.DiGraph, query: str) -> Trace:
    nid = resolve(g, query)
    years = list(g.graph.get("years", []))
    up = _up(g, nid, root=True, seen=set())
    down = _down(g, nid, years)
    return Trace(nid, years, up, down)


def _node(g: nx.DiGraph, nid: str) -> TraceNode:
    a = g.nodes[nid]
    return TraceNode(nid, a["kind"], a.get("kode", ""), a.get("nama", ""), a.get("file", ""), a.get("baris"))


def _parents(g: nx.DiGraph, nid: str, root: bool) -> list[tuple[str, list[str]]]:
    kind = g.nodes[nid]["kind"]
    if kind == "Komponen":
        return [(p, []) for p in in_rel(g, nid, "HAS_KOMPONEN")]
    if kind == "IKK":
        ik = out_rel(g, nid, "CASCADES_TO")
        notes = [] if ik else ["not-cascaded"]
        return [(p, notes) for p in in_rel(g, nid, "HAS_IKK")] + [(p, []) for p in ik]
    if kind == "SK":
        return [(p, []) for p in in_rel(g, nid, "HAS_SK")]
    if kind == "IK":
        return [(p, []) for p in in_rel(g, nid, "HAS_IK")]
    if kind == "SP":
        return [(p, []) for p in in_rel(g, nid, "CASCADES_TO")]
    if kind == "Unit" and root:
        marked = set(in_rel(g, nid, "CARRIED_BY"))
        via_ikk = {ik for ikk in _ikks_of_unit(g, nid) for ik in out_rel(g, ikk, "CASCADES_TO")}
        return [(ik, _carry_notes(ik in marked, ik in via_ikk)) for ik in sorted(marked | via_ikk)] + \
               [(k, []) for k in out_rel(g, nid, "COUNTED_IN")]
    if kind == "Kelompok":
        return [(p, []) for p in out_rel(g, nid, "PART_OF")]
    return []


def _up(g: nx.DiGraph, nid: str, root: bool, seen: set) -> TraceNode:
    node = _node(g, nid)
    seen = seen | {nid}
    for parent, notes in _parents(g, nid, root):
        if parent not in seen:
            child = _up(g, parent, root=False, seen=seen)
            child.notes = notes + child.notes
            node.children.append(child)
    return node


def _ikks_of_unit(g: nx.DiGraph, unit: str) -> list[str]:
    return [ikk for sk in out_rel(g, unit, "HAS_SK") for ikk in out_rel(g, sk, "HAS_IKK")]


def _carry_notes(marked: bool, via_ikk: bool) -> list[str]:
    if marked and via_ikk:
        return ["carried"]
    return ["marked-only"] if marked else ["ikk-only"]


def _children(g: nx.DiGraph, nid: str) -> list[tuple[str, list[str], list[str] | None]]:
    """(child id, notes, IKKs to keep below it) for the downward tree."""
    kind = g.nodes[nid]["kind"]
    if kind == "SS":
        return [(c, [], None) for c in out_rel(g, nid, "CASCADES_TO")]
    if kind in ("SP", "Tujuan"):
        return [(c, [], None) for c in out_rel(g, nid, "HAS_IK")]
    if kind == "IK":
        ikks = in_rel(g, nid, "CASCADES_TO")
        by_unit: dict[str, list[str]] = {}
        for ikk in ikks:
            by_unit.setdefault(f"Unit:{g.nodes[ikk]['unit']}", []).append(ikk)
        marked = set(out_rel(g, nid, "CARRIED_BY"))
        units = sorted((marked | set(by_unit)) & set(g))
        return [(u, _carry_notes(u in marked, u in by_unit), by_unit.get(u, [])) for u in units]
    if kind == "Unit":
        return [(c, [], None) for c in out_rel(g, nid, "HAS_SK")]
    if kind == "SK":
        return [(c, [], None) for c in out_rel(g, nid, "HAS_IKK")]
    if kind == "IKK":
        return [(c, [], None) for c in out_rel(g, nid, "HAS_KOMPONEN")]
    if kind == "Kelompok":
        return [(c, [], None) for c in in_rel(g, nid, "PART_OF") + in_rel(g, nid, "COUNTED_IN")]
    return []


def _down(g: nx.DiGraph, nid: str, years: list[int], keep: list[str] | None = None,
          notes: list[str] | None = None, seen: frozenset = frozenset()) -> TraceNode:
    node = _node(g, nid)
    node.notes = list(notes or [])
    seen = seen | {nid}
    a = g.nodes[nid]
    if node.kind == "Komponen":
        node.anggaran = {y: a.get(f"anggaran_{y}") for y in years}
        if a.get("bintang"):
            node.notes.append("bintang")
            node.refs = _funded_twins(g, nid, years)
        return node
    if node.kind == "IKK" and not out_rel(g, nid, "CASCADES_TO"):
        node.notes.append("not-cascaded")
    if keep is not None:  # a unit under an IK: only the IKKs that cascade to that IK
        pairs = [(ikk, [], None) for ikk in keep]
    else:
        pairs = _children(g, nid)
    for child, child_notes, child_keep in pairs:
        if child not in seen:
            node.children.append(_down(g, child, years, child_keep, child_notes, seen))
    node.anggaran = yearly_sums(g, _komponen(node), "anggaran", years)
    return node


def _komponen(node: TraceNode) -> set[str]:
    if node.kind == "Komponen":
        return {node.id}
    return set().union(*(_komponen(c) for c in node.children)) if node.children else set()


def _funded_twins(g: nx.DiGraph, nid: str, years: list[int]) -> list[str]:
    a = g.nodes[nid]
    name = normalise(a["nama"])
    out = []
    for ikk in _ikks_of_unit(g, f"Unit:{a['unit']}"):
        for k in out_rel(g, ikk, "HAS_KOMPONEN"):
            b = g.nodes[k]
            if k != nid and not b.get("bintang") and normalise(b["nama"]) == name and \
                    any(money(b.get(f"anggaran_{y}")) for y in years):
                out.append(k)
    return out
