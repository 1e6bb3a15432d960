"""What changed between two versions of a cascade (a Renstra and its revision).

`diff_datasets(old_graph, new_graph) -> Diff`. Nodes are paired by id first (a child's id is translated
through its parents' pairing, so the komponen of a re-coded IKK stay paired), then, among what is left of
one kind under the same parent, by name similarity: a re-coded indicator with the same or a similar name is
a rename (`recoded`, maybe `reworded`), not an addition plus a removal.

`Diff.status` maps node ids to `added` / `removed` / `renamed` (code or name changed) / `changed` (another
attribute, or the budget under an IK or unit): new-graph ids, except `removed`, which are old-graph ids.
`Diff.matched` maps each paired new id to its old id. `diff_views(old_ds, new_ds, Selection(unit=…|sp=…))`
is the diff of one unit's or SP's view, built from that part of each version only.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from pohon.budget import rollup
from pohon.checks.view import nodes, normalise, yearly_sums
from pohon.dataset import Dataset
from pohon.errors import UnknownNodeError
from pohon.nodes import SEP, node_id, parse_id, without_kind
from pohon.selection import Selection

KINDS = ("Unit", "Kelompok", "SS", "SP", "Tujuan", "IK", "SK", "IKK", "Komponen")
SIMILAR = 0.6
FIELDS = {
    "Unit": ("nama", "tipe", "kelompok", "pagu"), "Kelompok": ("nama", "pagu"), "SS": ("nama",),
    "SP": ("nama", "program"), "Tujuan": ("nama", "satuan", "target"),
    "IK": ("nama", "satuan", "kategori", "unit_types", "target"), "SK": ("nama", "sp"),
    "IKK": ("nama", "satuan", "ik", "target"), "Komponen": ("nama", "bintang", "anggaran"),
}
EPS = 0.005
STABILITY = ("removed", "recoded", "reworded")  # what breaks an IKU's stability (an added IK does not)
CRITERION = {"id": "IKU tidak berubah selama periode Renstra (PermenPAN-RB 88/2021, komponen Perencanaan)",
             "en": "the IKU stay unchanged through the Renstra period (PermenPAN-RB 88/2021, Perencanaan)"}


@dataclass
class Change:
    kind: str
    node: str             # new-graph id (old-graph id when removed)
    change: str           # added, removed, recoded, reworded, target, pagu, anggaran, unit_types, ik, ...
    old_node: str | None = None
    old: Any = None
    new: Any = None
    year: int | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "node": self.node, "change": self.change, "old_node": self.old_node,
                "old": self.old, "new": self.new, "year": self.year}


@dataclass
class Shift:
    """The money under one IK or unit in one year, before and after (Rp juta)."""
    by: str               # "ik" or "unit"
    node: str             # new id; old id when the node is gone; "not-cascaded" for the IKK-without-IK line
    year: int
    old: float
    new: float

    @property
    def delta(self) -> float:
        return round(self.new - self.old, 2)

    def as_dict(self) -> dict:
        return {"by": self.by, "node": self.node, "year": self.year, "old": self.old, "new": self.new,
                "delta": self.delta}


@dataclass
class Diff:
    old_name: str
    new_name: str
    years: list[int]
    changes: list[Change] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    matched: dict[str, str] = field(default_factory=dict)  # new id -> old id
    totals: dict[int, tuple[float, float]] = field(default_factory=dict)
    scope: str = ""  # "unit P4SI" / "SP3" when the diff is of one view (diff_views); "" for the whole cascade

    def iku_stability(self) -> list[Change]:
        """The IK removed, re-coded or re-worded between the versions: each one a warning against the SAKIP
        criterion that the IKU stay fixed through the Renstra period (PermenPAN-RB 88/2021, Perencanaan)."""
        return [c for c in self.changes if c.kind == "IK" and c.change in STABILITY]

    def as_dict(self) -> dict:
        return {"old": self.old_name, "new": self.new_name, "scope": self.scope or None, "years": self.years,
                "changes": [c.as_dict() for c in self.changes], "budget": [s.as_dict() for s in self.shifts],
                "iku_stability": [{**c.as_dict(), "severity": "warning", "criterion": CRITERION["en"]}
                                  for c in self.iku_stability()],
                "status": self.status, "renamed_from": {n: o for n, o in self.matched.items() if n != o},
                "totals": {str(y): {"old": o, "new": n} for y, (o, n) in self.totals.items()}}


def diff_datasets(old: nx.DiGraph, new: nx.DiGraph) -> Diff:
    years = sorted(set(old.graph.get("years", [])) | set(new.graph.get("years", [])))
    d = Diff(old.graph.get("dataset", ""), new.graph.get("dataset", ""), years)
    pairs: dict[str, str] = {}  # old id -> new id
    for kind in KINDS:
        _pair_kind(old, new, kind, pairs)
    d.matched = {n: o for o, n in pairs.items()}
    for kind in KINDS:
        for o in _ids(old, kind):
            if o not in pairs:
                d.changes.append(Change(kind, o, "removed", old=old.nodes[o].get("nama")))
        for n in _ids(new, kind):
            if n in d.matched:
                d.changes += _compare(old, new, d.matched[n], n, kind, years, pairs)
            else:
                d.changes.append(Change(kind, n, "added", new=new.nodes[n].get("nama")))
    _shifts(old, new, d, pairs)
    _status(d)
    return d


def diff_views(old: Dataset, new: Dataset, selection: Selection) -> Diff:
    """The diff of one view in both versions: a unit (`selection.unit`) or an SP (`selection.sp`) with what
    hangs from it and what it serves up to the SS. Only that part of each graph is built (pohon.selection),
    so the cost follows the view; budgets are the view's own (a unit's anggaran under each IK it carries).
    Raises UnknownNodeError when neither version has the unit or SP."""
    from pohon.graph import build_graph

    root = node_id("Unit", selection.unit) if selection.unit else node_id("SP", selection.sp)
    graphs = [build_graph(ds, selection) for ds in (old, new)]
    if not any(root in g for g in graphs):
        raise UnknownNodeError(root)
    part = set().union(*(_part(g, root) for g in graphs))  # a unit new in one version keeps the IKs above it
    d = diff_datasets(*(g.subgraph(part & set(g)) for g in graphs))
    d.scope = f"unit {selection.unit}" if selection.unit else selection.sp
    return d


def _part(g: nx.DiGraph, root: str) -> set[str]:
    """The root, what hangs from it and what it serves, without the Tabel 10 groups (the agency's sums);
    nothing when this version has no such node."""
    if root not in g:
        return set()
    found = {root} | nx.ancestors(g, root) | nx.descendants(g, root)
    return {n for n in found if g.nodes[n]["kind"] != "Kelompok"}


def _ids(g: nx.DiGraph, kind: str) -> list[str]:
    return sorted(n for n, a in g.nodes(data=True) if a["kind"] == kind)


def _translate(nid: str, kind: str, pairs: dict[str, str]) -> str:
    """The id `nid` (old graph) would have in the new graph given how its parents were paired."""
    if kind in ("SK", "IKK"):
        _, (unit, code) = parse_id(nid)
        unit_id = node_id("Unit", unit)
        return node_id(kind, parse_id(pairs.get(unit_id, unit_id))[1][0], code)
    if kind == "Komponen":
        _, (unit, ikk, komponen) = parse_id(nid)
        old_ikk = node_id("IKK", unit, ikk)
        new_ikk = pairs.get(old_ikk) or _translate(old_ikk, "IKK", pairs)
        return node_id("Komponen", *parse_id(new_ikk)[1], komponen)
    return nid


def _parent(nid: str, kind: str) -> str | None:
    if kind in ("SK", "IKK"):
        return parse_id(nid)[1][0]
    if kind == "Komponen":
        return without_kind(nid).rpartition(SEP)[0]
    return None


def similarity(a: str, b: str) -> float:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    ta, tb = set(a.split()), set(b.split())
    return max(difflib.SequenceMatcher(None, a, b).ratio(), len(ta & tb) / len(ta | tb))


def _pair_kind(old: nx.DiGraph, new: nx.DiGraph, kind: str, pairs: dict[str, str]) -> None:
    new_ids = set(_ids(new, kind))
    left_old = []
    for o in _ids(old, kind):
        t = _translate(o, kind, pairs)
        if t in new_ids:
            pairs[o] = t
            new_ids.discard(t)
        else:
            left_old.append((o, t))
    scored = []
    for o, t in left_old:
        for n in new_ids:
            if _parent(t, kind) != _parent(n, kind):
                continue
            s = similarity(old.nodes[o].get("nama", ""), new.nodes[n].get("nama", ""))
            if s >= SIMILAR:
                code = difflib.SequenceMatcher(None, old.nodes[o].get("kode", ""), new.nodes[n].get("kode", ""))
                scored.append((s, code.ratio(), o, n))
    taken: set[str] = set()
    for _, _, o, n in sorted(scored, key=lambda x: (-x[0], -x[1], x[2], x[3])):
        if o not in pairs and n not in taken:
            pairs[o] = n
            taken.add(n)


def _compare(old, new, o: str, n: str, kind: str, years: list[int], pairs: dict[str, str]) -> list[Change]:
    a, b = old.nodes[o], new.nodes[n]
    out = []
    if a.get("kode") != b.get("kode"):
        out.append(Change(kind, n, "recoded", o, a.get("kode"), b.get("kode")))
    for f in FIELDS[kind]:
        if f in ("target", "pagu", "anggaran"):
            for y in years:
                x, z = a.get(f"{f}_{y}"), b.get(f"{f}_{y}")
                if not _same(x, z):
                    out.append(Change(kind, n, f, o, x, z, y))
            continue
        x, z = a.get(f), b.get(f)
        if f == "ik" and x:  # compare through the IK pairing: a re-coded IK is not a re-assignment
            x = without_kind(pairs.get(node_id("IK", x), node_id("IK", x)))
        if f == "sp" and kind == "SK" and x:
            x = without_kind(pairs.get(node_id("SP", x), node_id("SP", x)))
        if f == "nama":
            if normalise(x or "") != normalise(z or ""):
                out.append(Change(kind, n, "reworded", o, a.get(f), z))
        elif not _same(x, z):
            out.append(Change(kind, n, f, o, a.get(f), z))
    return out


def _same(x, z) -> bool:
    if isinstance(x, (int, float)) and isinstance(z, (int, float)) and not isinstance(x, bool):
        return abs(x - z) < EPS
    if isinstance(x, list) or isinstance(z, list):
        return sorted(x or []) == sorted(z or [])
    return (x if x not in ("", None) else None) == (z if z not in ("", None) else None)


def _shifts(old: nx.DiGraph, new: nx.DiGraph, d: Diff, pairs: dict[str, str]) -> None:
    for by in ("ik", "unit"):
        before, after = _money(old, by), _money(new, by)
        before = {pairs.get(k, k): v for k, v in before.items()}
        for key in sorted(set(before) | set(after)):
            for y in d.years:
                x, z = before.get(key, {}).get(y, 0.0), after.get(key, {}).get(y, 0.0)
                if abs(x - z) >= EPS:
                    d.shifts.append(Shift(by, key, y, x, z))
    was, now = (yearly_sums(g, nodes(g, "Komponen"), "anggaran", d.years) for g in (old, new))
    d.totals = {y: (was[y], now[y]) for y in d.years}


def _money(g: nx.DiGraph, by: str) -> dict[str, dict[int, float]]:
    r = rollup(g, by)
    out = {line.id: line.anggaran for line in r.rows}
    if r.unallocated and by == "ik":
        out["not-cascaded"] = r.unallocated[0].anggaran
    return out


def _status(d: Diff) -> None:
    rank = {"changed": 0, "renamed": 1, "added": 2, "removed": 2}
    for c in d.changes:
        s = {"added": "added", "removed": "removed", "recoded": "renamed", "reworded": "renamed"}.get(c.change,
                                                                                                   "changed")
        if rank[s] >= rank.get(d.status.get(c.node, "changed"), 0):
            d.status[c.node] = s
    for s in d.shifts:
        if s.node.startswith(("IK:", "Unit:")):
            d.status.setdefault(s.node, "changed")
