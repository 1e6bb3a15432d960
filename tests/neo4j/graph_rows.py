"""The Neo4j model's rows read off the networkx graph: how pohon built them before issue 15 (the push now
reads the tables, pohon.exporters.neo4j.rows). Kept as the reference the table-based rows are held equal
to: the graph contract (docs/ARCHITECTURE.md "The graph") mapped as docs/neo4j-model.md says."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from pohon.exporters.neo4j.model import YEAR, GraphContractError, camel, ident
from pohon.nodes import is_agency

# graph rel -> (Neo4j type, stored from the graph edge's target to its source)
_REVERSED = {"CARRIED_BY": "CARRIES", "COUNTED_IN": "COUNTS", "PART_OF": "HAS_PART"}
YEARLY = {"target": "TARGET", "pagu": "PAGU", "anggaran": "ANGGARAN"}  # attribute prefix -> relationship type
_YEARLY_KEY = re.compile(r"^(target|pagu|anggaran)_(\d{4})$")
_UNITS = ("Unit", "Instansi")
RESERVED = ("dataset", "id")


def value(v):
    """A graph attribute value as a Neo4j property value, or None to leave the property out (None, "", [])."""
    if v is None or isinstance(v, str):
        return v or None
    if isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
        if not items:
            return None
        kinds = {type(x) for x in items}
        if len(kinds) == 1 and kinds <= {bool, int, float, str}:
            return items
        if kinds <= {int, float}:
            return [float(x) for x in items]
        return json.dumps(items, ensure_ascii=False, default=str)
    return json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)


def properties(attrs: dict, skip: tuple[str, ...] = ()) -> dict:
    out = {}
    for key, v in attrs.items():
        if key in skip or _YEARLY_KEY.match(key):
            continue
        name = camel(key)
        if name in RESERVED:
            raise GraphContractError(f"attribute {key!r} clashes with the reserved property {name!r}")
        v = value(v)
        if v is not None:
            out[name] = v
    return out


def year_value(v) -> dict | None:
    """The value of a TARGET/PAGU/ANGGARAN relationship: {nilai: number} or {teks: text}; None: no value."""
    if v is None or v == "" or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return {"nilai": float(v)}
    return {"teks": str(v)}


@dataclass(frozen=True)
class Rows:
    """The graph as Neo4j rows: nodes per label, relationships per (type, from label, to label)."""

    nodes: dict[str, list[dict]]  # label -> [{"id", "props"}]; props include id, not dataset
    rels: dict[tuple[str, str, str], list[dict]]  # (type, from label, to label) -> [{"src", "dst", "props"}]

    def node_counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in sorted(self.nodes.items())}

    def rel_counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for (t, _, _), rows in self.rels.items():
            out[t] += len(rows)
        return dict(sorted(out.items()))


def label_of(attrs: dict) -> str:
    kind = attrs.get("kind")
    return "Instansi" if kind == "Unit" and is_agency(attrs) else kind


def rel_type(rel: str, src_kind: str) -> tuple[str, bool]:
    """(Neo4j type, reversed?) of a graph edge; see the module doc."""
    if rel in _REVERSED:
        return _REVERSED[rel], True
    return rel, rel == "CASCADES_TO" and src_kind == "IKK"


class _Builder:
    def __init__(self):
        self.nodes: dict[str, list[dict]] = defaultdict(list)
        self.rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        self.labels: dict[str, str] = {}
        self.years: set[int] = set()
        self.pending: list[tuple[str, str, int, dict]] = []  # yearly values, written once the Tahun nodes exist

    def node(self, nid: str, label: str, props: dict) -> None:
        ident(label, f"node {nid!r}: label")
        if nid in self.labels:
            raise GraphContractError(f"node id {nid!r} used twice")
        self.labels[nid] = label
        self.nodes[label].append({"id": nid, "props": {**props, "id": nid}})

    def rel(self, t: str, src: str, dst: str, props: dict | None = None) -> None:
        ident(t, f"edge {src!r} -> {dst!r}: type")
        self.rels[(t, self.labels[src], self.labels[dst])].append({"src": src, "dst": dst, "props": props or {}})

    def yearly(self, nid: str, attrs: dict, target: dict | None = None) -> None:
        """TARGET/PAGU/ANGGARAN relationships of a node, from `<prefix>_<year>` attributes or a {year: v} map."""
        items = [(m.group(1), int(m.group(2)), v) for k, v in attrs.items() if (m := _YEARLY_KEY.match(k))]
        items += [("target", int(y), v) for y, v in (target or {}).items()]
        for prefix, year, v in sorted(items, key=lambda x: (x[0], x[1])):
            props = year_value(v)
            if props is not None:
                self.years.add(year)
                self.pending.append((YEARLY[prefix], nid, year, {"tahun": year, **props}))


def _row_id(prefix: str, *parts) -> str:
    return ":".join((prefix, *(str(p) for p in parts)))


def graph_rows(graph: nx.DiGraph) -> Rows:
    """Node and relationship rows of `graph` in the model above; `props` hold everything but `dataset`,
    which the writer adds."""
    b = _Builder()
    b.years.update(int(y) for y in graph.graph.get("years") or ())
    kinds = {}
    for nid, attrs in graph.nodes(data=True):
        kinds[nid] = attrs.get("kind")
        b.node(str(nid), label_of(attrs), properties(attrs, skip=("kind",)))
        b.yearly(str(nid), attrs)
    for src, dst, attrs in graph.edges(data=True):
        rel = attrs.get("rel")
        ident(rel, f"edge {src!r} -> {dst!r}: rel")
        t, rev = rel_type(rel, kinds[src])
        a, z = (dst, src) if rev else (src, dst)
        b.rel(t, str(a), str(z), properties(attrs, skip=("rel",)))
    for nid, attrs in graph.nodes(data=True):
        if attrs.get("kind") == "SK" and graph.has_node(sp := f"SP:{attrs.get('sp')}"):
            b.rel("CASCADES_TO", sp, str(nid))
    agencies = [str(n) for n, a in graph.nodes(data=True) if b.labels[str(n)] == "Instansi"]
    for agency in agencies:
        for n, label in list(b.labels.items()):
            if label == "Unit":
                b.rel("HAS_UNIT", agency, n)
    seen: dict[str, int] = defaultdict(int)
    for table, label, key in (("ik_target", "TargetRow", "sumber"), ("pedoman", "Pedoman", "bagian")):
        for row in graph.graph.get(table) or ():
            rid = _row_id(label, row.get(key) or "", row.get("baris"))
            seen[rid] += 1
            if seen[rid] > 1:
                rid = f"{rid}:{seen[rid]}"
            b.node(rid, label, properties(row, skip=("target",)))
            b.yearly(rid, {}, row.get("target"))
            code = row.get("ik") if label == "TargetRow" else row.get("kode")
            for owner in (f"IK:{code}", f"Tujuan:{code}"):
                if owner in b.labels:
                    b.rel("HAS_TARGET_ROW", owner, rid)
            if label == "Pedoman" and b.labels.get(unit := f"Unit:{row.get('bagian')}") in _UNITS:
                b.rel("HAS_PEDOMAN", unit, rid)
    for year in sorted(b.years):
        b.node(_row_id(YEAR, year), YEAR, {"tahun": year})
    for t, nid, year, props in b.pending:
        b.rel(t, nid, _row_id(YEAR, year), props)
    nodes = {k: sorted(v, key=lambda r: r["id"]) for k, v in sorted(b.nodes.items())}
    rels = {k: sorted(v, key=lambda r: (r["src"], r["dst"])) for k, v in sorted(b.rels.items())}
    return Rows(nodes, rels)
