"""CSV files for `neo4j-admin database import full`: node files per label, relationship files per type.

The same model and rows as the push (pohon.exporters.neo4j.model and .rows, docs/neo4j-model.md), read off
the tables a batch at a time and written line by line. Headers follow the import tool: `id:ID` (the node
id, also stored as property `id`), `:LABEL` (`Pohon` and the kind, split like arrays), `:START_ID`,
`:END_ID`, `:TYPE`, and typed properties (`baris:long`, `bintang:boolean`, `unitTypes:string[]`,
`nilai:double`). Every property has the type the push gives it: its table column's type, so one file per
label and per relationship type (a `BB` target is `teks`, a number `nilai`). A missing value is an
unquoted empty field (no property); every present value is quoted. after-import.cypher creates pohon's
schema (cypher/schema.cypher); run it once after the import. Arrays use the delimiter U+001F
(`--array-delimiter=U+001F`), which no value may contain.
IMPORT.txt in the folder holds the exact command (Neo4j 5.19+: the database name comes right after
`full`, before the options; after the variadic `--nodes`/`--relationships` it would be read as a file).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import polars as pl

from pohon.dataset import Dataset
from pohon.errors import PohonError
from pohon.exporters.neo4j.model import POHON, check_dataset_name, schema_statements
from pohon.exporters.neo4j.rows import Rows, dataset_rows
from pohon.output import staging

ARRAY_DELIMITER = "\u001f"
IMPORT_DATABASE = "neo4j"  # the default database; IMPORT.txt imports into it
AFTER_IMPORT = "after-import.cypher"


class Neo4jAdminExportError(PohonError):
    pass


def _type(dtype: pl.DataType) -> str:
    """The import-tool type of a property column (the type the push stores its values with)."""
    if isinstance(dtype, pl.List):
        return _type(dtype.inner) + "[]"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype.is_integer():
        return "long"
    if dtype.is_float():
        return "double"
    return "string"


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


def _line(cells: list[str | None]) -> str:
    """Every value quoted, None as an empty unquoted field (the import tool's "no property")."""
    return ",".join("" if x is None else '"' + x.replace('"', '""') + '"' for x in cells) + "\n"


def _files(rows: Rows, name: str) -> Iterator[tuple[str, str, Iterator[str]]]:
    """(file name, --nodes/--relationships, its lines) of every CSV file."""
    for label, part in rows.nodes.items():
        types = {k: _type(t) for k, t in sorted(part.columns().items())}
        header = ["id:ID", ":LABEL", "dataset"] + [f"{k}:{t}" for k, t in types.items()]
        labels = ARRAY_DELIMITER.join((POHON, label))
        body = ([r["id"], labels, name] + [_cell(r["props"].get(k), t) for k, t in types.items()]
                for r in part.items())
        yield f"nodes_{label}.csv", "nodes", _lines(header, body)
    by_type: dict[str, list] = {}
    for (t, _, _), part in rows.rels.items():
        by_type.setdefault(t, []).append(part)
    for t, parts in sorted(by_type.items()):
        types: dict[str, str] = {}
        for part in parts:
            for k, dtype in part.columns().items():
                if types.setdefault(k, _type(dtype)) != _type(dtype):
                    raise Neo4jAdminExportError(f"property {k!r} of {t} has two types")
        types = dict(sorted(types.items()))
        header = [":START_ID", ":END_ID", ":TYPE"] + [f"{k}:{x}" for k, x in types.items()]
        body = ([r["src"], r["dst"], t] + [_cell(r["props"].get(k), x) for k, x in types.items()]
                for part in parts for r in part.flat())
        yield f"relationships_{t}.csv", "relationships", _lines(header, body)


def _lines(header: list[str], body) -> Iterator[str]:
    yield _line(header)
    for cells in body:
        yield _line(cells)


def _extras(name: str, args: list[str]) -> dict[str, str]:
    """after-import.cypher and IMPORT.txt."""
    return {AFTER_IMPORT: _after_import(), "IMPORT.txt": (
        f"# dataset {name!r}: import into an empty database (run from this folder, server stopped):\n"
        f"neo4j-admin database import full {IMPORT_DATABASE} --overwrite-destination=false \\\n"
        "  --multiline-fields=true --array-delimiter=U+001F --quote='\"' --id-type=string \\\n  "
        + " \\\n  ".join(args) + "\n"
        f"# then start the server and run once: cypher-shell -d {IMPORT_DATABASE} -f {AFTER_IMPORT}\n"
        "# (pohon's constraints and indexes).\n")}


def admin_files(ds: Dataset, dataset: str | None = None) -> dict[str, str]:
    """File name -> CSV text (plus after-import.cypher and IMPORT.txt), in memory."""
    name = check_dataset_name(dataset or ds.name or "")
    files = {fname: "".join(lines) for fname, _, lines in _files(dataset_rows(ds), name)}
    args = [f"--{'nodes' if f.startswith('nodes_') else 'relationships'}={f}" for f in files]
    return {**files, **_extras(name, args)}


def _after_import() -> str:
    return "\n".join(["// pohon: run once after `neo4j-admin database import full` (IMPORT.txt), server started:",
                      f"//   cypher-shell -d {IMPORT_DATABASE} -f {AFTER_IMPORT}",
                      "// schema (cypher/schema.cypher)", *schema_statements()]) + "\n"


def write_admin_dir(ds: Dataset, out_dir: Path, dataset: str | None = None, inputs: list = (),
                    force: bool = False) -> list[str]:
    """Write the files into `out_dir` under the writer contract (pohon.output): streamed into a staging
    folder, then swapped in."""
    name = check_dataset_name(dataset or ds.name or "")
    rows = dataset_rows(ds)
    written, args = [], []
    with staging(out_dir, inputs, force) as tmp:
        for fname, kind, lines in _files(rows, name):
            with open(tmp / fname, "w", encoding="utf-8", newline="") as fh:
                fh.writelines(lines)
            written.append(fname)
            args.append(f"--{kind}={fname}")
        for fname, text in _extras(name, args).items():
            (tmp / fname).write_text(text, encoding="utf-8", newline="")
            written.append(fname)
    return sorted(written)
