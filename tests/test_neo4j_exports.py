"""Export formats that need no server: Cypher literal escaping, neo4j-admin headers, atomic writes,
cypher/load.cypher equal to the push's statements."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from pohon.cli import main
from pohon.exporters.cypher_script import cypher_script, statements, string_literal
from pohon.exporters.neo4j.admin import ARRAY_DELIMITER, admin_files
from pohon.exporters.neo4j.model import KINDS, REL_ENDPOINTS, REL_TYPES, camel, graph_rows, load_text
from pohon.graph import load_graph
from tests.fixtures import CLEAN

REPO = Path(__file__).resolve().parents[1]

INJECTION = "x'}) DETACH DELETE n //"


def test_camel_case_properties():
    assert [camel(k) for k in ("target_2021", "unit_types", "pagu_2024", "nama")] == \
        ["target2021", "unitTypes", "pagu2024", "nama"]


def test_string_literal_cannot_escape():
    lit = string_literal(INJECTION + "\\'; <script>\n\u2028😀")
    body = lit[1:-1]
    assert lit[0] == lit[-1] == "'" and ";" not in lit and "\n" not in lit and "\u2028" not in lit
    # every quote inside is escaped by an odd run of backslashes
    for i, ch in enumerate(body):
        if ch == "'":
            run = len(body[:i]) - len(body[:i].rstrip("\\"))
            assert run % 2 == 1
    assert "😀" in lit


def test_script_statements_split_on_semicolons_only(tmp_path):
    g = load_graph(CLEAN)
    g.add_node("SS:" + INJECTION, kind="SS", kode="", nama=INJECTION + ";", baris=None, file="sp.csv")
    text = cypher_script(g, "demo")
    stmts = statements(text)
    assert all(s.startswith(("CREATE", "MATCH", "UNWIND")) for s in stmts)
    r = CliRunner().invoke(main, ["export", "cypher", str(CLEAN), "-o", str(tmp_path / "x.cypher")])
    assert r.exit_code == 0, r.output
    assert [p.name for p in tmp_path.iterdir()] == ["x.cypher"]  # no temp file left


def test_neo4j_admin_headers(tmp_path):
    g = load_graph(CLEAN)
    files = admin_files(g, "demo")
    header = next(csv.reader(io.StringIO(files["nodes_Unit.csv"])))
    assert header[:3] == ["id:ID", ":LABEL", "dataset"] and "pagu2021:double" in header
    assert "unitTypes:string[]" in next(csv.reader(io.StringIO(files["nodes_IK.csv"])))
    rel = next(csv.reader(io.StringIO(files["relationships_HAS_IK.csv"])))
    assert rel[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "U+001F" in files["IMPORT.txt"] and ARRAY_DELIMITER not in files["nodes_SP.csv"]
    out = tmp_path / "adm"
    r = CliRunner().invoke(main, ["export", "neo4j-admin", str(CLEAN), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == sorted(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adm"]


def test_load_file_is_the_generated_load():
    assert (REPO / "cypher" / "load.cypher").read_text() == load_text()


def test_rel_endpoints_are_the_graphs_edges():
    """load.cypher writes one relationship batch per (type, from, to) of REL_ENDPOINTS: it must be what the
    graph builds (docs/ARCHITECTURE.md's edge table)."""
    assert {t for t, _, _ in REL_ENDPOINTS} == set(REL_TYPES)
    assert {x for _, a, b in REL_ENDPOINTS for x in (a, b)} == set(KINDS)
    for folder in (REPO / "data", CLEAN):
        assert sorted(graph_rows(load_graph(folder)).rels) == sorted(REL_ENDPOINTS), folder


def test_neo4j_admin_types_each_value_as_the_push_does():
    """A `BB` target types only its own node's column as string (in a file of its own); every number stays
    double; a missing value is an empty unquoted field, an empty string a quoted one."""
    from pohon.exporters.neo4j.model import value
    g = load_graph(CLEAN)
    files = admin_files(g, "demo")
    seen = {}
    for fname, text in files.items():
        if not fname.startswith("nodes_"):
            continue
        header, *rows = list(csv.reader(io.StringIO(text)))
        for row in rows:
            for col, cell in zip(header[3:], row[3:]):
                key, _, typ = col.partition(":")
                seen[(row[0], key)] = typ
    for nid, attrs in g.nodes(data=True):
        for k, v in attrs.items():
            v = value(v)
            if k == "kind" or v is None or v == []:
                continue
            want = {bool: "boolean", int: "long", float: "double", str: "string"}.get(type(v), "list")
            got = seen[(nid, camel(k))]
            assert got == want or (want == "list" and got.endswith("[]")), (nid, k, v, got)
    bb = [n for n, a in g.nodes(data=True) if a["kind"] == "IKK" and isinstance(a.get("target_2024"), str)]
    assert bb and all(seen[(n, "target2024")] == "string" for n in bb)
    assert "nodes_IKK-2.csv" in files and "--nodes=nodes_IKK-2.csv" in files["IMPORT.txt"]
    header, line = files["nodes_SS.csv"].splitlines()[:2]
    assert line.split(",")[header.split(",").index('"kode:string"')] == '""'  # kode is "" in sp.csv
    unit = next(n for n, a in sorted(g.nodes(data=True)) if a["kind"] == "Unit")
    g.nodes[unit]["pagu_2021"] = None
    header, *lines = admin_files(g, "demo")["nodes_Unit.csv"].splitlines()
    line = next(ln for ln in lines if ln.startswith(f'"{unit}",'))
    assert line.split(",")[header.split(",").index('"pagu2021:double"')] == ""
