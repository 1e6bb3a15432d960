"""A self-contained Cypher script that makes one dataset exactly the cascade, for cypher-shell
(`cypher-shell -f FILE`), in the model the push writes (pohon.exporters.neo4j.model, docs/neo4j-model.md).

The data travel as parameters: each batch is a `:param rows => [...]` line followed by the push's own
`UNWIND $rows ...` statement, so the server plans each statement once (rows written into the statement
text made every batch a new plan: 23 s for BSKJI against ~1 s). Values are Cypher literals: strings are
single-quoted with `\\` and `'` escaped, and control characters, line/paragraph separators and `;` written
as `\\uXXXX` escapes, so a value can never end its literal or its line early. Before the rows, every node
of the dataset is deleted, label by label of the model (also labels the data no longer has), in
`CALL { } IN TRANSACTIONS` batches; so after the script the dataset is exactly the data. The rows come
from the tables (pohon.exporters.neo4j.rows) a batch at a time and the script is written line by line.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Iterator

from pohon.dataset import Dataset
from pohon.exporters.neo4j.model import (
    AWAIT_INDEXES, LABELS, check_dataset_name, drop_order, ident, node_create, rel_create, schema_statements,
)
from pohon.exporters.neo4j.rows import Rows, batches, dataset_rows
from pohon.output import write_file

_ESCAPE = {"\\": "\\\\", "'": "\\'", ";": "\\u003B"}


def string_literal(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESCAPE:
            out.append(_ESCAPE[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "\u0085\u2028\u2029":
            out.append(f"\\u{ord(ch):04X}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:  # lone surrogate: not encodable as UTF-8
            out.append("\\uFFFD")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def key(name: str) -> str:
    return name if name.replace("_", "a").isalnum() and name[:1].isalpha() and name.isascii() \
        else "`" + name.replace("`", "``") + "`"


def literal(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "toFloat('NaN')"
        if math.isinf(v):
            return "toFloat('Infinity')" if v > 0 else "-toFloat('Infinity')"
        return repr(v)
    if isinstance(v, str):
        return string_literal(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(literal(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{key(k)}: {literal(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(v).__name__}")


def script_lines(rows: Rows, name: str, batch_size: int = 5000) -> Iterator[str]:
    """The script, line by line: schema, delete of the dataset's previous nodes, then batches of rows."""
    n_nodes, n_rels = sum(rows.node_counts().values()), sum(rows.rel_counts().values())
    yield from [
        f"// pohon: dataset {name!r} for Neo4j 5 in pohon's model (docs/neo4j-model.md): {n_nodes} nodes, "
        f"{n_rels} relationships.",
        "// Run: cypher-shell -d DATABASE -f THIS_FILE. Re-running it makes the dataset exactly this data again",
        "// and leaves other datasets alone. Not one transaction: for an atomic update use `pohon neo4j push`.",
        f":param ds => {string_literal(name)}",
        "", "// schema", *schema_statements(), AWAIT_INDEXES + ";",
        "", "// previous version of this dataset (every label of the model)",
    ]
    for label in drop_order(LABELS):
        yield (f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) "
               "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS;")
    for key, part in rows.parts():
        if isinstance(key, str):
            title, stmt = f"{key} nodes", node_create(key)
        else:
            title, stmt = f"{key[0]} relationships ({key[1]} -> {key[2]})", rel_create(*key)
        yield from ("", f"// {title}: {part.count}")
        for batch in batches(part.items(), batch_size):
            yield ":param rows => " + literal(batch)
            yield stmt + ";"


def cypher_script(ds: Dataset, dataset: str | None = None, batch_size: int = 5000) -> str:
    """The whole script as one text."""
    name = check_dataset_name(dataset or ds.name or "")
    return "".join(line + "\n" for line in script_lines(dataset_rows(ds), name, batch_size))


def statements(script: str) -> list[str]:
    """The script's statements, as cypher-shell reads them: one a line, ending in `;`; `//` comment lines
    and `:param` commands (which set the parameters of the statements after them) left out."""
    return [ln.rstrip().removesuffix(";") for ln in script.splitlines()
            if ln.strip() and not ln.lstrip().startswith(("//", ":"))]


def write_cypher_script(ds: Dataset, path: Path, dataset: str | None = None) -> tuple[int, int, int]:
    """Write the script atomically (pohon.output), line by line; returns (statements, nodes, relationships)
    it holds."""
    name = check_dataset_name(dataset or ds.name or "")
    rows = dataset_rows(ds)
    counted = [0]

    def lines():
        for line in script_lines(rows, name):
            if line.strip() and not line.lstrip().startswith(("//", ":")):
                counted[0] += 1
            yield line + "\n"

    write_file(path, lines())
    return counted[0], sum(rows.node_counts().values()), sum(rows.rel_counts().values())
