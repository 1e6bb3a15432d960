"""CSV files for `neo4j-admin database import full`: one node file per label, one relationship file per type.

Headers follow the import tool: `id:ID` (the node id, also stored as property `id`), `:LABEL`, `:START_ID`,
`:END_ID`, `:TYPE`, and typed properties (`pagu2021:double`, `bintang:boolean`, `unitTypes:string[]`). A
property whose values mix types across nodes of one label (targets that are numbers and text, `BB`) is
written as `string`. Arrays use the delimiter U+001F (`--array-delimiter=U+001F`), which no value may
contain. IMPORT.txt in the folder holds the exact command.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from pohon.errors import PohonError
from pohon.output import write_folder
from pohon.exporters.neo4j.model import check_dataset_name, graph_rows

ARRAY_DELIMITER = "\u001f"


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


def _column_type(values: list) -> str:
    types = set()
    for v in values:
        if isinstance(v, list):
            inner = {_scalar_type(x) for x in v} or {"string"}
            types.add(("array", inner.pop() if len(inner) == 1 else "string"))
        else:
            types.add(("scalar", _scalar_type(v)))
    kinds = {k for k, _ in types}
    base = {t for _, t in types}
    if base <= {"long", "double"} and len(base) == 2:
        base = {"double"}
    t = base.pop() if len(base) == 1 else "string"
    return f"{t}[]" if kinds == {"array"} else t


def _cell(v, t: str) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        items = [_cell(x, t.rstrip("[]")) for x in v]
        if any(ARRAY_DELIMITER in x for x in items):
            raise Neo4jAdminExportError("a value contains U+001F, the array delimiter")
        return ARRAY_DELIMITER.join(items)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and t in ("double", "double[]"):
        return repr(v)
    return str(v)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def admin_files(graph: nx.DiGraph, dataset: str | None = None) -> dict[str, str]:
    """File name -> CSV text (plus IMPORT.txt)."""
    name = check_dataset_name(dataset or graph.graph.get("dataset") or "")
    rows = graph_rows(graph)
    files: dict[str, str] = {}
    node_args, rel_args = [], []
    for label, items in rows.nodes.items():
        keys = sorted({k for r in items for k in r["props"]} - {"id"})
        types = {k: _column_type([r["props"][k] for r in items if k in r["props"]]) for k in keys}
        header = ["id:ID", ":LABEL", "dataset"] + [f"{k}:{types[k]}" for k in keys]
        body = [[r["id"], label, name] + [_cell(r["props"].get(k), types[k]) for k in keys] for r in items]
        fname = f"nodes_{label}.csv"
        files[fname] = _csv(header, body)
        node_args.append(f"--nodes={fname}")
    by_type: dict[str, list[dict]] = {}
    for (t, _, _), items in rows.rels.items():
        by_type.setdefault(t, []).extend(items)
    for t, items in sorted(by_type.items()):
        keys = sorted({k for r in items for k in r["props"]} - {"id"})
        types = {k: _column_type([r["props"][k] for r in items if k in r["props"]]) for k in keys}
        header = [":START_ID", ":END_ID", ":TYPE", "id", "dataset"] + [f"{k}:{types[k]}" for k in keys]
        body = [[r["src"], r["dst"], t, r["id"], name] + [_cell(r["props"].get(k), types[k]) for k in keys]
                for r in items]
        fname = f"relationships_{t}.csv"
        files[fname] = _csv(header, body)
        rel_args.append(f"--relationships={fname}")
    files["IMPORT.txt"] = (
        f"# dataset {name!r}: import into an empty database (run from this folder, server stopped):\n"
        "neo4j-admin database import full --overwrite-destination=false --multiline-fields=true \\\n"
        "  --array-delimiter=U+001F --quote='\"' --id-type=string \\\n  "
        + " \\\n  ".join(node_args + rel_args) + " \\\n  neo4j\n"
        "# then run cypher/schema.cypher once for pohon's constraints.\n")
    return files


def write_admin_dir(graph: nx.DiGraph, out_dir: Path, dataset: str | None = None, inputs: list = (),
                    force: bool = False) -> list[str]:
    """Write the files into `out_dir` under the writer contract (pohon.output): staged, then swapped in."""
    files = admin_files(graph, dataset)
    write_folder(out_dir, files, inputs, force)
    return sorted(files)
