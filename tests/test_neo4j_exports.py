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
from pohon.exporters.neo4j.model import LABELS, REL_ENDPOINTS, REL_TYPES, camel, load_text
from pohon.exporters.neo4j.rows import dataset_rows
from pohon.graph import build_graph
from pohon.load import load_dataset
from tests.fixtures import CLEAN
from tests.neo4j.graph_rows import graph_rows
from tests.neo4j.helpers import with_sasaran

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
    g = with_sasaran(load_dataset(CLEAN), [INJECTION + ";"])
    text = cypher_script(g, "demo")
    stmts = statements(text)
    assert all(s.startswith(("CREATE", "MATCH", "UNWIND", "CALL")) for s in stmts)
    params = [ln for ln in text.splitlines() if ln.startswith(":")]
    assert all(ln.startswith(":param ") and ";" not in ln and "\n" not in ln for ln in params)
    assert len(params) == 1 + sum(1 for s in stmts if s.startswith("UNWIND $rows"))
    r = CliRunner().invoke(main, ["export", "cypher", str(CLEAN), "-o", str(tmp_path / "x.cypher")])
    assert r.exit_code == 0, r.output
    assert [p.name for p in tmp_path.iterdir()] == ["x.cypher"]  # no temp file left


def test_neo4j_admin_headers(tmp_path):
    g = load_dataset(CLEAN)
    files = admin_files(g, "demo")
    header, row = list(csv.reader(io.StringIO(files["nodes_Unit.csv"])))[:2]
    assert header[:3] == ["id:ID", ":LABEL", "dataset"] and "baris:long" in header
    assert row[1] == "Pohon" + ARRAY_DELIMITER + "Unit"
    assert next(csv.reader(io.StringIO(files["relationships_PAGU.csv"]))) == \
        [":START_ID", ":END_ID", ":TYPE", "nilai:double", "tahun:long"]
    assert "unitTypes:string[]" in next(csv.reader(io.StringIO(files["nodes_IK.csv"])))
    rel = next(csv.reader(io.StringIO(files["relationships_HAS_IK.csv"])))
    assert rel[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "U+001F" in files["IMPORT.txt"] and ARRAY_DELIMITER + "SP" in files["nodes_SP.csv"]
    out = tmp_path / "adm"
    r = CliRunner().invoke(main, ["export", "neo4j-admin", str(CLEAN), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == sorted(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adm"]


def test_load_file_is_the_generated_load():
    assert (REPO / "cypher" / "load.cypher").read_text() == load_text()


def test_rel_endpoints_are_the_models_edges():
    """load.cypher writes one relationship batch per (type, from, to) of REL_ENDPOINTS: every one the model
    makes of data/ and the clean fixture must be among them."""
    assert {t for t, _, _ in REL_ENDPOINTS} == set(REL_TYPES)
    assert {x for _, a, b in REL_ENDPOINTS for x in (a, b)} == set(LABELS)
    for folder in (REPO / "data", CLEAN):
        rows = dataset_rows(load_dataset(folder))
        assert set(rows.rels) <= set(REL_ENDPOINTS) and set(rows.nodes) == set(LABELS), folder


def test_neo4j_admin_types_each_value_as_the_push_does():
    """Every property's column type is the type the push stores; a `BB` target is a TARGET relationship
    with `teks` (string) beside the numeric ones' `nilai` (double), in one file; a missing value is an
    empty unquoted field."""
    ds = load_dataset(CLEAN)
    g = build_graph(ds)
    files = admin_files(ds, "demo")
    rows = graph_rows(g)
    seen = {}
    for fname, text in files.items():
        if not fname.startswith(("nodes_", "relationships_")):
            continue
        header, *lines = list(csv.reader(io.StringIO(text)))
        skip = 3
        for line in lines:
            key = line[0] if fname.startswith("nodes_") else (line[0], line[2], line[1])
            for col, cell in zip(header[skip:], line[skip:]):
                name, _, typ = col.partition(":")
                if cell:
                    seen[(key, name)] = typ
    want = {}
    for items in rows.nodes.values():
        for r in items:
            want.update({(r["id"], k): v for k, v in r["props"].items() if k != "id"})
    for (t, _, _), items in rows.rels.items():
        for r in items:
            want.update({((r["src"], t, r["dst"]), k): v for k, v in r["props"].items()})
    types = {bool: "boolean", int: "long", float: "double", str: "string"}
    assert {k: types.get(type(v), "list") for k, v in want.items()} == \
        {k: ("list" if t.endswith("[]") else t) for k, t in seen.items()}
    bb = [n for n, a in g.nodes(data=True) if a["kind"] == "IKK" and isinstance(a.get("target_2024"), str)]
    assert bb and all(seen[((n, "TARGET", "Tahun:2024"), "teks")] == "string" for n in bb)
    assert not any(f.endswith("-2.csv") for f in files)
    header = next(csv.reader(io.StringIO(files["relationships_TARGET.csv"])))
    assert header == [":START_ID", ":END_ID", ":TYPE", "nilai:double", "tahun:long", "teks:string"]
