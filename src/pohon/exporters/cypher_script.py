"""A self-contained Cypher script that makes one dataset exactly the graph, for cypher-shell
(`cypher-shell -f FILE`), in the model the push writes (pohon.exporters.neo4j.model, docs/neo4j-model.md).

The data travel as parameters: each batch is a `:param rows => [...]` line followed by the push's own
`UNWIND $rows ...` statement, so the server plans each statement once (rows written into the statement
text made every batch a new plan: 23 s for BSKJI against ~1 s). Values are Cypher literals: strings are
single-quoted with `\\` and `'` escaped, and control characters, line/paragraph separators and `;` written
as `\\uXXXX` escapes, so a value can never end its literal or its line early. Before the rows, every node
of the dataset is deleted, label by label of the model (also labels the data no longer has), in
`CALL { } IN TRANSACTIONS` batches; so after the script the dataset is exactly the data.
"""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from pohon.fileio import write_atomic
from pohon.exporters.neo4j.model import (
    AWAIT_INDEXES, LABELS, batch_rows, check_dataset_name, drop_order, graph_rows, ident, node_create, rel_create,
    row_items, schema_statements,
)

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


def cypher_script(graph: nx.DiGraph, dataset: str | None = None, batch_size: int = 5000) -> str:
    """The script's text: schema, delete of the dataset's previous nodes, then batches of rows."""
    name = check_dataset_name(dataset or graph.graph.get("dataset") or "")
    rows = graph_rows(graph)
    n_nodes, n_rels = sum(map(len, rows.nodes.values())), sum(map(len, rows.rels.values()))
    out = [
        f"// pohon: dataset {name!r} for Neo4j 5 in pohon's model (docs/neo4j-model.md): {n_nodes} nodes, "
        f"{n_rels} relationships.",
        "// Run: cypher-shell -d DATABASE -f THIS_FILE. Re-running it makes the dataset exactly this data again",
        "// and leaves other datasets alone. Not one transaction: for an atomic update use `pohon neo4j push`.",
        f":param ds => {string_literal(name)}",
        "", "// schema", *schema_statements(), AWAIT_INDEXES + ";",
        "", "// previous version of this dataset (every label of the model)",
    ]
    for label in drop_order(LABELS):
        out.append(f"MATCH (n:{ident(label, 'label')} {{dataset: $ds}}) "
                   "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS;")
    work = [(f"{label} nodes", node_create(label), [{"id": r["id"], "props": r["props"]} for r in items])
            for label, items in rows.nodes.items()]
    work += [(f"{t} relationships ({a} -> {b})", rel_create(t, a, b), batch_rows((t, a, b), items))
             for (t, a, b), items in rows.rels.items()]
    for title, stmt, items in work:
        out += ["", f"// {title}: {sum(map(row_items, items))}"]
        for i in range(0, len(items), batch_size):
            out.append(":param rows => " + literal(items[i:i + batch_size]))
            out.append(stmt + ";")
    return "\n".join(out) + "\n"


def statements(script: str) -> list[str]:
    """The script's statements, as cypher-shell reads them: one a line, ending in `;`; `//` comment lines
    and `:param` commands (which set the parameters of the statements after them) left out."""
    return [ln.rstrip().removesuffix(";") for ln in script.splitlines()
            if ln.strip() and not ln.lstrip().startswith(("//", ":"))]


def write_cypher_script(graph: nx.DiGraph, path: Path, dataset: str | None = None) -> tuple[int, int, int]:
    """Write the script atomically; returns (statements, nodes, relationships) it holds."""
    text = cypher_script(graph, dataset)
    write_atomic(path, text)
    rows = graph_rows(graph)
    return len(statements(text)), sum(map(len, rows.nodes.values())), sum(map(len, rows.rels.values()))
