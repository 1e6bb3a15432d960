"""CSV files for `neo4j-admin database import full`: node files per label, relationship files per type.

The same model as the push (pohon.exporters.neo4j.model, docs/neo4j-model.md). Headers follow the import
tool: `id:ID` (the node id, also stored as property `id`), `:LABEL` (`Pohon` and the kind, split like arrays), `:START_ID`, `:END_ID`,
`:TYPE`, and typed properties (`baris:long`, `bintang:boolean`, `unitTypes:string[]`, `nilai:double`). Every
property gets the type the push gives it, row by row: a header has one type per column, so rows that
disagree would be split over several files (`nodes_IKK.csv`, `nodes_IKK-2.csv`, ...), each with its own
header (a `BB` target no longer does: it is `teks`, a number `nilai`). A missing value is an unquoted empty
field (no property); every present value is quoted. after-import.cypher creates pohon's schema
(cypher/schema.cypher); run it once after the import. Arrays use the delimiter U+001F
(`--array-delimiter=U+001F`), which no value may contain.
IMPORT.txt in the folder holds the exact command (Neo4j 5.19+: the database name comes right after
`full`, before the options; after the variadic `--nodes`/`--relationships` it would be read as a file).
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from pohon.errors import PohonError
from pohon.output import write_folder
from pohon.exporters.neo4j.model import POHON, check_dataset_name, graph_rows, schema_statements

ARRAY_DELIMITER = "\u001f"
IMPORT_DATABASE = "neo4j"  # the default database; IMPORT.txt imports into it
AFTER_IMPORT = "after-import.cypher"


class Neo4jAdminExportError(PohonError):
    pass


def _scalar_type(v) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    return "string"


def _value_type(v) -> str:
    """The import-tool type that stores `v` (a neo4j.model.value() result) as the push stores it."""
    if isinstance(v, list):
        inner = {_scalar_type(x) for x in v}
        if len(inner) > 1:  # model.value() makes mixed lists JSON text; never reached from graph_rows
            raise Neo4jAdminExportError(f"list {v!r} mixes types")
        return f"{inner.pop() if inner else 'string'}[]"
    return _scalar_type(v)


def _groups(items: list[dict], skip: set[str]) -> list[tuple[list[str], dict[str, str], list[dict]]]:
    """`items` split so that inside each group every property has one type: [(keys, types, rows)], in
    order of first appearance (so a label whose nodes agree is one group)."""
    groups: list[tuple[dict[str, str], list[dict]]] = []
    for r in items:
        sig = {k: _value_type(v) for k, v in r["props"].items() if k not in skip}
        for types, rows in groups:
            if all(types.get(k, t) == t for k, t in sig.items()):
                types.update(sig)
                rows.append(r)
                break
        else:
            groups.append((dict(sig), [r]))
    return [(sorted(types), types, rows) for types, rows in groups]


def _cell(v, t: str) -> str | None:
    if v is None:
        return None
    if isinstance(v, list):
        items = [_cell(x, t.removesuffix("[]")) for x in v]
        if any(ARRAY_DELIMITER in x for x in items):
            raise Neo4jAdminExportError("a value contains U+001F, the array delimiter")
        return ARRAY_DELIMITER.join(items)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _csv(header: list[str], rows: list[list[str | None]]) -> str:
    """Every value quoted, None as an empty unquoted field (the import tool's "no property")."""
    def field(x: str | None) -> str:
        return "" if x is None else '"' + x.replace('"', '""') + '"'
    return "".join(",".join(field(x) for x in row) + "\n" for row in [header, *rows])


def _fname(kind: str, name: str, i: int) -> str:
    return f"{kind}_{name}.csv" if i == 0 else f"{kind}_{name}-{i + 1}.csv"


def admin_files(graph: nx.DiGraph, dataset: str | None = None) -> dict[str, str]:
    """File name -> CSV text (plus IMPORT.txt)."""
    name = check_dataset_name(dataset or graph.graph.get("dataset") or "")
    rows = graph_rows(graph)
    files: dict[str, str] = {}
    node_args, rel_args = [], []
    for label, items in rows.nodes.items():
        for i, (keys, types, group) in enumerate(_groups(items, {"id"})):
            header = ["id:ID", ":LABEL", "dataset"] + [f"{k}:{types[k]}" for k in keys]
            labels = ARRAY_DELIMITER.join((POHON, label))
            body = [[r["id"], labels, name] + [_cell(r["props"].get(k), types[k]) for k in keys] for r in group]
            fname = _fname("nodes", label, i)
            files[fname] = _csv(header, body)
            node_args.append(f"--nodes={fname}")
    by_type: dict[str, list[dict]] = {}
    for (t, _, _), items in rows.rels.items():
        by_type.setdefault(t, []).extend(items)
    for t, items in sorted(by_type.items()):
        for i, (keys, types, group) in enumerate(_groups(items, set())):
            header = [":START_ID", ":END_ID", ":TYPE"] + [f"{k}:{types[k]}" for k in keys]
            body = [[r["src"], r["dst"], t] + [_cell(r["props"].get(k), types[k]) for k in keys]
                    for r in group]
            fname = _fname("relationships", t, i)
            files[fname] = _csv(header, body)
            rel_args.append(f"--relationships={fname}")
    files[AFTER_IMPORT] = _after_import()
    files["IMPORT.txt"] = (
        f"# dataset {name!r}: import into an empty database (run from this folder, server stopped):\n"
        f"neo4j-admin database import full {IMPORT_DATABASE} --overwrite-destination=false \\\n"
        "  --multiline-fields=true --array-delimiter=U+001F --quote='\"' --id-type=string \\\n  "
        + " \\\n  ".join(node_args + rel_args) + "\n"
        f"# then start the server and run once: cypher-shell -d {IMPORT_DATABASE} -f {AFTER_IMPORT}\n"
        "# (pohon's constraints and indexes).\n")
    return files


def _after_import() -> str:
    return "\n".join(["// pohon: run once after `neo4j-admin database import full` (IMPORT.txt), server started:",
                      f"//   cypher-shell -d {IMPORT_DATABASE} -f {AFTER_IMPORT}",
                      "// schema (cypher/schema.cypher)", *schema_statements()]) + "\n"


def write_admin_dir(graph: nx.DiGraph, out_dir: Path, dataset: str | None = None, inputs: list = (),
                    force: bool = False) -> list[str]:
    """Write the files into `out_dir` under the writer contract (pohon.output): staged, then swapped in."""
    files = admin_files(graph, dataset)
    write_folder(out_dir, files, inputs, force)
    return sorted(files)
