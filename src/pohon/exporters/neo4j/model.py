"""How the cascade maps onto Neo4j; the one model the push, the Cypher script and the neo4j-admin CSVs
share: its labels, relationship types and every statement the push sends. Its rows come from the tables
(pohon.exporters.neo4j.rows); the mapping is stated below in the graph contract's words
(docs/ARCHITECTURE.md "The graph"), and docs/neo4j-model.md explains each choice; in short:

- every node has the label `Pohon` besides its kind (`(dataset, id)` unique on `Pohon`); the agency's own
  row (pohon.nodes.is_agency) is `Instansi`, not `Unit`;
- every relationship points from goal to money (or from the whole to its part): the graph's IKK -> IK
  `CASCADES_TO` is stored IK -> IKK, IK -> Unit `CARRIED_BY` as Unit -> IK `CARRIES`, Unit -> Kelompok
  `COUNTED_IN` as Kelompok -> Unit `COUNTS`, Kelompok -> TOTAL `PART_OF` as TOTAL -> Kelompok `HAS_PART`;
  an SK's `sp` is also SP -> SK `CASCADES_TO`, and the agency has Instansi -> Unit `HAS_UNIT`;
- per-year values (`target_2024`, `pagu_2024`, `anggaran_2024`) are relationships to the dataset's `Tahun`
  node of that year: `(n)-[:TARGET|PAGU|ANGGARAN {tahun, nilai | teks}]->(:Tahun {tahun})`, numbers in
  `nilai`, text (a `BB` target) in `teks`, the year also on the relationship (a filter by year then reads
  the relationship only); a missing value is no relationship;
- the target tables (Tabel 2 / Lampiran II: ik_target.csv, Lampiran III: pedoman.csv) are
  `TargetRow` and `Pedoman` nodes, linked from the IK (or Tujuan) whose code they name (`HAS_TARGET_ROW`)
  and a Pedoman row from its unit (`HAS_PEDOMAN`);
- property names are camelCase (`unit_types` -> `unitTypes`); missing values ("" , None, []) are absent;
  relationships carry only their values (no `dataset`, no `id`: their end nodes say both).
"""
from __future__ import annotations

import re

from pohon.errors import PohonError

POHON = "Pohon"  # the label every pohon node carries
YEAR = "Tahun"
LABELS = ("SS", "Tujuan", "SP", "IK", "Instansi", "Unit", "SK", "IKK", "Komponen", "Kelompok", "TargetRow",
          "Pedoman", YEAR)
_UNITS = ("Unit", "Instansi")
# (type, from label, to label) of every relationship the model writes
REL_ENDPOINTS = tuple(sorted({
    ("CASCADES_TO", "SS", "SP"), ("CASCADES_TO", "SP", "SK"), ("CASCADES_TO", "IK", "IKK"),
    ("HAS_IK", "Tujuan", "IK"), ("HAS_IK", "SP", "IK"), ("HAS_IKK", "SK", "IKK"),
    ("HAS_KOMPONEN", "IKK", "Komponen"), ("HAS_PART", "Kelompok", "Kelompok"), ("HAS_UNIT", "Instansi", "Unit"),
    *(("HAS_TARGET_ROW", a, z) for a in ("IK", "Tujuan") for z in ("TargetRow", "Pedoman")),
    *((t, u, x) for u in _UNITS for t, x in (("CARRIES", "IK"), ("HAS_SK", "SK"), ("HAS_PEDOMAN", "Pedoman"))),
    *(("COUNTS", "Kelompok", u) for u in _UNITS),
    *(("TARGET", k, YEAR) for k in ("Tujuan", "IK", "IKK", "TargetRow", "Pedoman")),
    *(("PAGU", k, YEAR) for k in ("Unit", "Instansi", "Kelompok")), ("ANGGARAN", "Komponen", YEAR),
}))
REL_TYPES = tuple(sorted({t for t, _, _ in REL_ENDPOINTS}))
STAGING_MARK = "@staging-"
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class GraphContractError(PohonError):
    """The cascade cannot be written to Neo4j as it is (a node id used twice, a bad label or dataset name)."""


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


def schema_statements(labels=LABELS) -> list[str]:
    """Constraints and indexes of the model (docs/neo4j-model.md): (dataset, id) unique on every pohon node
    (a composite uniqueness constraint, which Community Edition has; node keys are Enterprise-only); `kode`
    and a full-text index on `nama` for looking nodes up; `dataset` per label for the per-kind scans every
    query and the push start with. No relationship constraint: no query looks a relationship up by a key."""
    out = [f"CREATE CONSTRAINT pohon_key IF NOT EXISTS FOR (n:{ident(POHON, 'label')}) "
           "REQUIRE (n.dataset, n.id) IS UNIQUE;",
           f"CREATE INDEX pohon_kode IF NOT EXISTS FOR (n:{ident(POHON, 'label')}) ON (n.kode);",
           f"CREATE FULLTEXT INDEX pohon_nama IF NOT EXISTS FOR (n:{ident(POHON, 'label')}) ON EACH [n.nama];"]
    for label in labels:
        out.append(f"CREATE INDEX pohon_{label}_dataset IF NOT EXISTS FOR (n:{ident(label, 'label')}) ON (n.dataset);")
    return out


def schema_text() -> str:
    return ("// What: the constraints and indexes pohon relies on in Neo4j (run once per database; idempotent).\n"
            "// Parameters: none. Generated by pohon.exporters.neo4j.model.schema_statements(); a test keeps them equal.\n"
            "// (dataset, id) is unique on :Pohon (every pohon node): several datasets share one database.\n"
            "// Look-ups: MATCH (n:Pohon {kode: $kode}); CALL db.index.fulltext.queryNodes('pohon_nama', $words).\n"
            + "\n".join(schema_statements()) + "\n")


# ---------------------------------------------------------------- the statements `pohon neo4j push` runs
# push.py sends exactly these strings; load_text() writes them out as cypher/load.cypher (a test keeps
# them equal). Parameters: $ds the dataset a statement acts on (the staging name while writing and
# switching), $name the live dataset name (in the switch's renames: the name $ds becomes), $rows a batch
# of rows, $prefix `<name>@staging-`, $batch a size.
LABELS_QUERY = "CALL db.labels() YIELD label RETURN label"
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"


def _node(label: str, var: str, key: str) -> str:
    """`(var:Pohon:Label {dataset: $ds, id: <key>})`, found through the (dataset, id) constraint's index."""
    key = key if "." in key else f"row.{key}"
    return f"({var}:{ident(POHON, 'label')}:{ident(label, 'label')} {{dataset: $ds, id: {key}}})"


def row_items(row: dict) -> int:
    """How many nodes or relationships one row of a batch writes (rows.YearPart: a node's values)."""
    return len(row["values"]) if "values" in row else 1


def staging_leftovers(label: str) -> str:
    """Staging names of earlier interrupted pushes ($prefix = `<name>@staging-`) among `label`'s nodes."""
    return f"MATCH (n:{ident(label, 'label')}) WHERE n.dataset STARTS WITH $prefix RETURN DISTINCT n.dataset AS d"


def node_create(label: str) -> str:
    """One batch of `label` nodes: $rows = [{id, props}], props the camelCase properties with `id`. CREATE,
    not MERGE: $ds is a fresh staging name, so nothing can match. A batch the driver retries (a commit whose
    acknowledgement was lost) is first looked for with node_batch_present (see push._batch_work)."""
    return (f"UNWIND $rows AS row CREATE (n:{ident(POHON, 'label')}:{ident(label, 'label')}) "
            "SET n = row.props, n.dataset = $ds RETURN count(*) AS c")


def node_batch_present(label: str) -> str:
    """How many of a batch's `label` nodes ($rows, as for node_create) dataset $ds already holds."""
    return f"UNWIND $rows AS row MATCH {_node(label, 'n', 'id')} RETURN count(n) AS c"


def _rel_rows(from_label: str, to_label: str) -> tuple[str, str, str]:
    """(the start of a relationship batch statement, up to its start node; the end node's pattern; the
    variable whose `props` the relationship gets): rows [{src, dst, props}], or to :Tahun [{src, values:
    [{dst, props}]}] (rows.YearPart)."""
    head = f"UNWIND $rows AS row MATCH {_node(from_label, 'a', 'src')} "
    if to_label == YEAR:
        return head + "UNWIND row.values AS v ", _node(to_label, "b", "v.dst"), "v"
    return head, _node(to_label, "b", "dst"), "row"


def rel_create(rel_type: str, from_label: str, to_label: str) -> str:
    """One batch of `rel_type` relationships from `from_label` to `to_label` nodes (rows: _rel_rows).
    c < the relationships in $rows means a missing end node (the MATCH dropped the row); the push then
    fails."""
    head, end, row = _rel_rows(from_label, to_label)
    return (f"{head}MATCH {end} CREATE (a)-[r:{ident(rel_type, 'relationship type')}]->(b) "
            f"SET r = {row}.props RETURN count(*) AS c")


def rel_batch_present(rel_type: str, from_label: str, to_label: str) -> str:
    """How many of a batch's relationships ($rows, as for rel_create) dataset $ds already holds."""
    head, end, _ = _rel_rows(from_label, to_label)
    return f"{head}MATCH (a)-[r:{ident(rel_type, 'relationship type')}]->{end} RETURN count(r) AS c"


def node_count(label: str) -> str:
    return f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) RETURN count(n) AS c"


def rel_count(label: str) -> str:
    """Relationships leaving dataset $ds's `label` nodes, per type."""
    return f"MATCH (:{ident(label, 'label')} {{dataset: $ds}})-[r]->() RETURN type(r) AS t, count(r) AS c"


def staging_rename(label: str) -> str:
    """`label` nodes of dataset $ds become dataset $name (their relationships go with them). The switch runs
    it twice: the live version to a retired staging name, then the staged version to the live name."""
    return f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) SET n.dataset = $name"


def switch_statements(labels=LABELS) -> list[str]:
    """The writes of the final switch transaction: retire the live version (rename it to a staging name,
    deleted after the commit), then rename the staged one to the live name. Renaming is much cheaper than
    DETACH DELETE here: a transaction that has deleted many nodes slows every later write in it (measured:
    19.8 s instead of 0.8 s to rename 46k items)."""
    return [staging_rename(label) for label in labels]


def drop_batch(label: str) -> str:
    """Up to $batch `label` nodes of dataset $ds (and their relationships) deleted; repeat until c = 0."""
    return (f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) WITH n LIMIT $batch DETACH DELETE n "
            "RETURN count(*) AS c")


def drop_order(labels) -> list[str]:
    """Labels in the order a delete goes: Tahun last, so its (many) relationships leave with their nodes
    in small batches instead of all at once with the Tahun node."""
    return sorted((x for x in labels if x != POHON), key=lambda x: (x == YEAR, x))


def load_text(labels=LABELS, rel_endpoints=REL_ENDPOINTS) -> str:
    """cypher/load.cypher: every statement of a push, in the order the push runs them."""
    labels = sorted(labels)
    rels = sorted(rel_endpoints)

    def block(title: str, stmts: list[str]) -> list[str]:
        return ["", *title.strip("\n").splitlines(), *(s + ";" for s in stmts)]

    out = [
        "// What: how `pohon neo4j push` writes a dataset: every statement it sends, in the order it sends them,",
        "//   written out for each label and relationship type of the model (docs/neo4j-model.md).",
        "//   Not a script to run top to bottom: a driver (in any language) runs each statement with its",
        "//   parameters, in separate transactions except step 4 (one transaction: check, retire, rename).",
        "// Parameters: $rows (list of maps, one per node: {id, props}; per relationship: {src, dst, props}, to",
        "//   :Tahun one per node: {src, values: [{dst, props}]};",
        "//   node props = the camelCase properties including id, without dataset; relationship props only the",
        "//   value of a TARGET/PAGU/ANGGARAN ({nilai} or {teks}); lists stay lists, mixed values JSON text,",
        "//   no nulls - see pohon.exporters.neo4j.model and docs/neo4j-model.md), $ds (the dataset a statement",
        "//   acts on: the staging name `<name>@staging-<12 hex>` while writing and switching), $name (the live",
        "//   dataset name), $prefix (`<name>@staging-`), $batch (rows per delete batch, 5000).",
        "// Returns: `c`, the rows a batch wrote or deleted (a CREATE batch must return size($rows)); the reads",
        "//   return what their RETURN names.",
        "// Generated by pohon.exporters.neo4j.model.load_text() from the builders push.py uses; a test keeps",
        "//   them equal. Where a step says \"per label\", the push takes the labels from CALL db.labels();",
        "//   here they are the model's, alphabetically, as are the (type, from, to) relationship batches.",
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
//   returning c < size($rows) has a missing end node: the push fails. CREATE, not MERGE ($ds is new); when
//   the driver retries a batch's transaction (its commit may have happened, the acknowledgement lost), the
//   retry first runs the matching "present" statement: size($rows) means stored whole (done), 0 means
//   write it, anything else fails. So a retried batch changes nothing.
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
""", [drop_batch(label) for label in drop_order(labels)])
    return "\n".join(out) + "\n"
