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
# (type, from label, to label) of every edge the graph contract allows (docs/ARCHITECTURE.md, "Edges carry rel")
REL_ENDPOINTS = (
    ("CASCADES_TO", "SS", "SP"), ("HAS_IK", "Tujuan", "IK"), ("HAS_IK", "SP", "IK"), ("CARRIED_BY", "IK", "Unit"),
    ("HAS_SK", "Unit", "SK"), ("HAS_IKK", "SK", "IKK"), ("CASCADES_TO", "IKK", "IK"),
    ("HAS_KOMPONEN", "IKK", "Komponen"), ("COUNTED_IN", "Unit", "Kelompok"), ("PART_OF", "Kelompok", "Kelompok"),
)
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
            "// Parameters: none. Generated by pohon.exporters.neo4j.model.schema_statements(); a test keeps them equal.\n"
            "// (dataset, id) is unique per label and per relationship type: several datasets share one database.\n"
            + "\n".join(schema_statements()) + "\n")


# ---------------------------------------------------------------- the statements `pohon neo4j push` runs
# push.py sends exactly these strings; load_text() writes them out as cypher/load.cypher (a test keeps
# them equal). Parameters: $ds the dataset a statement acts on (the staging name while writing and
# switching), $name the live dataset name (in the switch's renames: the name $ds becomes), $rows a batch
# of rows, $prefix `<name>@staging-`, $batch a size.
LABELS_QUERY = "CALL db.labels() YIELD label RETURN label"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"


def staging_leftovers(label: str) -> str:
    """Staging names of earlier interrupted pushes ($prefix = `<name>@staging-`) among `label`'s nodes."""
    return f"MATCH (n:{ident(label, 'label')}) WHERE n.dataset STARTS WITH $prefix RETURN DISTINCT n.dataset AS d"


def node_create(label: str) -> str:
    """One batch of `label` nodes: $rows = [{id, props}], props the camelCase properties with `id`.

    CREATE, not MERGE: $ds is a fresh staging name, so nothing can match, and the (dataset, id) uniqueness
    constraint makes a batch that is sent twice (a commit whose acknowledgement was lost, then retried) fail
    on the constraint instead of duplicating; the push then checks with node_batch_present that the batch
    is stored whole and carries on."""
    return (f"UNWIND $rows AS row CREATE (n:{ident(label, 'label')}) "
            "SET n = row.props, n.dataset = $ds RETURN count(*) AS c")


def node_batch_present(label: str) -> str:
    """How many of a batch's `label` nodes ($rows, as for node_create) dataset $ds already holds."""
    return f"UNWIND $rows AS row MATCH (n:{ident(label, 'label')} {{dataset: $ds, id: row.id}}) RETURN count(n) AS c"


def rel_create(rel_type: str, from_label: str, to_label: str) -> str:
    """One batch of `rel_type` relationships from `from_label` to `to_label` nodes: $rows = [{src, dst, id,
    props}]; the end nodes are found through the (dataset, id) constraint index of their label. c <
    size($rows) means a missing end node (the MATCH dropped the row); the push then fails. CREATE for the
    reason node_create gives (the relationship (dataset, id) constraint catches a repeated batch)."""
    return ("UNWIND $rows AS row "
            f"MATCH (a:{ident(from_label, 'label')} {{dataset: $ds, id: row.src}}) "
            f"MATCH (b:{ident(to_label, 'label')} {{dataset: $ds, id: row.dst}}) "
            f"CREATE (a)-[r:{ident(rel_type, 'relationship type')}]->(b) "
            "SET r = row.props, r.dataset = $ds RETURN count(*) AS c")


def rel_batch_present(rel_type: str, from_label: str, to_label: str) -> str:
    """How many of a batch's relationships ($rows, as for rel_create) dataset $ds already holds."""
    return ("UNWIND $rows AS row "
            f"MATCH (a:{ident(from_label, 'label')} {{dataset: $ds, id: row.src}})"
            f"-[r:{ident(rel_type, 'relationship type')} {{dataset: $ds, id: row.id}}]->"
            f"(b:{ident(to_label, 'label')} {{dataset: $ds, id: row.dst}}) RETURN count(r) AS c")


def node_count(label: str) -> str:
    return f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) RETURN count(n) AS c"


def rel_count(label: str) -> str:
    """Relationships of dataset $ds leaving `label` nodes, per type."""
    return (f"MATCH (:{ident(label, 'label')} {{dataset: $ds}})-[r]->() WHERE r.dataset = $ds "
            "RETURN type(r) AS t, count(r) AS c")


def staging_rename(label: str) -> str:
    """`label` nodes of dataset $ds and the relationships leaving them: dataset $ds becomes $name. The switch
    runs it twice: the live version to a retired staging name, then the staged version to the live name."""
    return (f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) "
            "CALL (n) { MATCH (n)-[r]->() WHERE r.dataset = $ds SET r.dataset = $name } "
            "SET n.dataset = $name")


def switch_statements(labels=KINDS) -> list[str]:
    """The writes of the final switch transaction: retire the live version (rename it to a staging name,
    deleted after the commit), then rename the staged one to the live name. The same statement, run with
    different parameters; renaming is much cheaper than DETACH DELETE here: a transaction that has deleted
    many nodes slows every later write in it (measured: 19.8 s instead of 0.8 s to rename 46k items)."""
    return [staging_rename(label) for label in labels]


def drop_batch(label: str) -> str:
    """Up to $batch `label` nodes of dataset $ds (and their relationships) deleted; repeat until c = 0."""
    return (f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) WITH n LIMIT $batch DETACH DELETE n "
            "RETURN count(*) AS c")


def load_text(labels=KINDS, rel_endpoints=REL_ENDPOINTS) -> str:
    """cypher/load.cypher: every statement of a push, in the order the push runs them."""
    labels = sorted(labels)
    rels = sorted(rel_endpoints)

    def block(title: str, stmts: list[str]) -> list[str]:
        return ["", *title.strip("\n").splitlines(), *(s + ";" for s in stmts)]

    out = [
        "// What: how `pohon neo4j push` writes a dataset: every statement it sends, in the order it sends them,",
        "//   written out for each label and relationship type of the graph contract (docs/ARCHITECTURE.md).",
        "//   Not a script to run top to bottom: a driver (in any language) runs each statement with its",
        "//   parameters, in separate transactions except step 4 (one transaction: check, retire, rename).",
        "// Parameters: $rows (list of maps, one per node: {id, props}; per relationship: {src, dst, id, props};",
        "//   props = the camelCase properties including id, without dataset; lists stay lists, mixed values",
        "//   JSON text, no nulls - see pohon.exporters.neo4j.model.graph_rows), $ds (the dataset a statement",
        "//   acts on: the staging name `<name>@staging-<12 hex>` while writing and switching), $name (the live",
        "//   dataset name), $prefix (`<name>@staging-`), $batch (rows per delete batch, 5000).",
        "// Returns: `c`, the rows a batch wrote or deleted (a CREATE batch must return size($rows)); the reads",
        "//   return what their RETURN names.",
        "// Generated by pohon.exporters.neo4j.model.load_text() from the builders push.py uses; a test keeps",
        "//   them equal. Where a step says \"per label\", the push takes the labels from CALL db.labels();",
        "//   here they are the contract's, alphabetically, as are the (type, from, to) relationship batches.",
    ]
    out += block("""
// 1. Schema: cypher/schema.cypher (for the labels and types being written), then wait for the indexes.
""", [AWAIT_INDEXES])
    out += block("""
// 2. Leftovers of interrupted pushes of $name: find their staging names ($prefix = $name + '@staging-')
//   in every label of the database, then delete each one as in step 5 ($ds = that staging name).
""", [LABELS_QUERY] + [staging_leftovers(label) for label in labels])
    out += block("""
// 3. Write under the staging name $ds, in batches of --batch-size rows, each batch its own write
//   transaction: nodes per label, then relationships per type and end-node labels. A relationship batch
//   returning c < size($rows) has a missing end node: the push fails. CREATE, not MERGE ($ds is new); a
//   batch sent twice (lost acknowledgement, retried) fails on the (dataset, id) constraint: the push then
//   runs the matching "present" statement and goes on if it returns size($rows) (the batch is stored
//   whole), else fails. So a retried batch changes nothing.
""", [q for label in labels for q in (node_create(label), node_batch_present(label))]
        + [q for t, a, b in rels for q in (rel_create(t, a, b), rel_batch_present(t, a, b))])
    out += block("""
// 4. Switch, one write transaction: count the staged nodes (per label) and relationships (per type) and
//   compare with the rows written - any difference (e.g. a concurrent push of $name deleted this staging)
//   rolls back; the same counts with $ds = $name give the size of the version being replaced; then rename
//   the live version out of the way ($ds = $name, $name = a new `<name>@staging-<12 hex>`: the retired
//   name) and the staged version to the live name ($ds = the staging name, $name = the live name), per label.
""", [q for label in labels for q in (node_count(label), rel_count(label))] + switch_statements(labels))
    out += block("""
// 5. Drop a dataset ($ds: the retired version after the switch, a leftover or failed staging name, or any
//   dataset for `drop_dataset`), in batches outside one big transaction: per label, repeat until c = 0.
""", [drop_batch(label) for label in labels])
    return "\n".join(out) + "\n"
