"""A self-contained Cypher script that (re)creates one dataset; for cypher-shell (`cypher-shell -f FILE`)
or Neo4j Browser (multi-statement editor).

The script holds no parameters: values are written as Cypher literals. Strings are single-quoted with
`\\` and `'` escaped, and control characters, line/paragraph separators and `;` written as `\\uXXXX`
escapes; so every `;` in the file ends a statement and a value can never end its literal early. Labels,
types and property keys come from the graph contract and are checked/backtick-quoted.
"""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from pohon.fileio import write_atomic
from pohon.exporters.neo4j.model import check_dataset_name, graph_rows, ident, schema_statements

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


def cypher_script(graph: nx.DiGraph, dataset: str | None = None, batch_size: int = 200) -> str:
    """The script's text: schema, delete of the dataset's previous nodes, then batched MERGEs."""
    name = check_dataset_name(dataset or graph.graph.get("dataset") or "")
    rows = graph_rows(graph)
    ds = string_literal(name)
    out = [
        f"// pohon: the cascade graph of dataset {name!r} for Neo4j 5 (labels = kinds, types = rel).",
        f"// {sum(map(len, rows.nodes.values()))} nodes, {sum(map(len, rows.rels.values()))} relationships. "
        "Run: cypher-shell -f THIS_FILE (or paste into Neo4j Browser).",
        "// Re-running it replaces this dataset and leaves other datasets alone. Not one transaction: for an",
        "// atomic update use `pohon neo4j push`.",
        "",
        "// schema",
        *schema_statements(sorted(set(rows.nodes) | set()), sorted({t for t, _, _ in rows.rels})),
        "",
        "// previous version of this dataset",
    ]
    for label in rows.nodes:
        out.append(f"MATCH (n:{ident(label, 'label')} {{dataset: {ds}}}) DETACH DELETE n;")
    out.append("")
    out.append("// nodes")
    for label, items in rows.nodes.items():
        q = ident(label, "label")
        for i in range(0, len(items), batch_size):
            batch = ", ".join(literal({"id": r["id"], "props": r["props"]}) for r in items[i:i + batch_size])
            out.append(f"UNWIND [{batch}] AS row MERGE (n:{q} {{dataset: {ds}, id: row.id}}) "
                       f"SET n = row.props, n.dataset = {ds};")
    out.append("")
    out.append("// relationships")
    for (t, a, b), items in rows.rels.items():
        for i in range(0, len(items), batch_size):
            batch = ", ".join(literal({"src": r["src"], "dst": r["dst"], "id": r["id"], "props": r["props"]})
                              for r in items[i:i + batch_size])
            out.append(f"UNWIND [{batch}] AS row "
                       f"MATCH (a:{ident(a, 'label')} {{dataset: {ds}, id: row.src}}) "
                       f"MATCH (b:{ident(b, 'label')} {{dataset: {ds}, id: row.dst}}) "
                       f"MERGE (a)-[r:{ident(t, 'type')} {{dataset: {ds}, id: row.id}}]->(b) "
                       f"SET r = row.props, r.dataset = {ds};")
    return "\n".join(out) + "\n"


def statements(script: str) -> list[str]:
    """The script split into statements (every `;` ends one: values never contain a raw `;`), comments out."""
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]



def write_cypher_script(graph: nx.DiGraph, path: Path, dataset: str | None = None) -> int:
    """Write the script atomically; returns its number of statements."""
    text = cypher_script(graph, dataset)
    write_atomic(path, text)
    return len(statements(text))
