"""How the cascade graph maps onto Neo4j; shared by the push, the Cypher script and the neo4j-admin CSVs.

docs/ARCHITECTURE.md: labels are the node kinds, relationship types the edge `rel`, property names camelCase
(`target_2021` -> `target2021`, `unit_types` -> `unitTypes`), and every node and relationship carries
`dataset` and `id`. A relationship's id is `<from id>-[<rel>]-><to id>`. Missing values (None) are left out:
Neo4j has no null properties. Lists stay lists when their items share one type; anything else Neo4j cannot
store (mixed lists, dicts) goes in as JSON text.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from pohon.errors import PohonError

KINDS = ("SS", "Tujuan", "SP", "IK", "Unit", "SK", "IKK", "Komponen", "Kelompok")
REL_TYPES = ("CASCADES_TO", "HAS_IK", "CARRIED_BY", "HAS_SK", "HAS_IKK", "HAS_KOMPONEN", "COUNTED_IN", "PART_OF")
STAGING_MARK = "@staging-"
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
RESERVED = ("dataset", "id")


class GraphContractError(PohonError):
    """The graph cannot be written to Neo4j as it is (bad kind, rel or dataset name)."""


def camel(key: str) -> str:
    """`target_2021` -> `target2021`, `unit_types` -> `unitTypes`, `penanggung_jawab` -> `penanggungJawab`."""
    head, *rest = key.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest if p)


def ident(name: str, what: str) -> str:
    """A label or relationship type, checked and backtick-quoted for use in Cypher text.

    Labels and types cannot be query parameters in indexed MATCH/MERGE; they come from the graph contract
    and are checked against a strict pattern, so no value ever reaches the query text."""
    if not isinstance(name, str) or not _IDENT.match(name):
        raise GraphContractError(f"{what} {name!r} is not a valid Neo4j identifier")
    return f"`{name}`"


def check_dataset_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise GraphContractError("dataset name is empty")
    if STAGING_MARK in name:
        raise GraphContractError(f"dataset name {name!r} contains the reserved {STAGING_MARK!r}")
    return name


def value(v):
    """A graph attribute value as a Neo4j property value, or None to leave the property out."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
        kinds = {type(x) for x in items}
        if not items or (len(kinds) == 1 and kinds <= {bool, int, float, str}):
            return items
        if kinds <= {int, float}:
            return [float(x) for x in items]
        return json.dumps(items, ensure_ascii=False, default=str)
    return json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)


def properties(attrs: dict, skip: tuple[str, ...]) -> dict:
    out = {}
    for key, v in attrs.items():
        if key in skip:
            continue
        name = camel(key)
        if name in RESERVED:
            raise GraphContractError(f"attribute {key!r} clashes with the reserved property {name!r}")
        v = value(v)
        if v is not None:
            out[name] = v
    return out


def rel_id(src: str, rel: str, dst: str) -> str:
    return f"{src}-[{rel}]->{dst}"


@dataclass(frozen=True)
class Rows:
    """The graph as Neo4j rows: nodes per label, relationships per (type, from label, to label)."""

    nodes: dict[str, list[dict]]  # label -> [{"id", "props"}]
    rels: dict[tuple[str, str, str], list[dict]]  # (type, from label, to label) -> [{"src","dst","id","props"}]

    def node_counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in sorted(self.nodes.items())}

    def rel_counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for (t, _, _), rows in self.rels.items():
            out[t] += len(rows)
        return dict(sorted(out.items()))


def graph_rows(graph: nx.DiGraph) -> Rows:
    """Node and relationship rows of `graph`; `props` hold everything but `dataset`, which the writer adds."""
    nodes: dict[str, list[dict]] = defaultdict(list)
    labels = {}
    for nid, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        ident(kind, f"node {nid!r}: kind")
        labels[nid] = kind
        props = properties(attrs, skip=("kind",))
        props["id"] = str(nid)
        nodes[kind].append({"id": str(nid), "props": props})
    rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for src, dst, attrs in graph.edges(data=True):
        rel = attrs.get("rel")
        ident(rel, f"edge {src!r} -> {dst!r}: rel")
        rid = rel_id(str(src), rel, str(dst))
        props = properties(attrs, skip=("rel",))
        props["id"] = rid
        rels[(rel, labels[src], labels[dst])].append({"src": str(src), "dst": str(dst), "id": rid, "props": props})
    for rows in nodes.values():
        rows.sort(key=lambda r: r["id"])
    for rows in rels.values():
        rows.sort(key=lambda r: r["id"])
    return Rows(dict(sorted(nodes.items())), dict(sorted(rels.items())))


def schema_statements(labels=KINDS, rel_types=REL_TYPES) -> list[str]:
    """Constraints and indexes pohon needs: (dataset, id) unique per label and per relationship type (a
    composite uniqueness constraint, which Community Edition has; node keys are Enterprise-only) and an
    index on `dataset` per label for whole-dataset scans."""
    out = []
    for label in labels:
        q = ident(label, "label")
        out.append(f"CREATE CONSTRAINT pohon_{label}_key IF NOT EXISTS FOR (n:{q}) REQUIRE (n.dataset, n.id) IS UNIQUE;")
        out.append(f"CREATE INDEX pohon_{label}_dataset IF NOT EXISTS FOR (n:{q}) ON (n.dataset);")
    for t in rel_types:
        q = ident(t, "relationship type")
        out.append(f"CREATE CONSTRAINT pohon_{t}_key IF NOT EXISTS FOR ()-[r:{q}]-() REQUIRE (r.dataset, r.id) IS UNIQUE;")
    return out


def schema_text() -> str:
    return ("// What: the constraints and indexes pohon relies on in Neo4j (run once per database; idempotent).\n"
            "// Parameters: none. Generated by pohon.exporters.neo4j_model.schema_statements(); a test keeps them equal.\n"
            "// (dataset, id) is unique per label and per relationship type: several datasets share one database.\n"
            + "\n".join(schema_statements()) + "\n")
