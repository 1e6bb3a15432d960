"""`pohon export neo4j-admin` through the real `neo4j-admin database import full` (org.neo4j.cli.AdminTool
from the jars scripts/neo4j-server fetched): IMPORT.txt's command, run as written, imports into a fresh store;
a server started on that store holds exactly what `pohon neo4j push` stores for the same graph, property
types included (a `BB` target stays text on its node while the other nodes keep numbers)."""
from __future__ import annotations

import shlex
import subprocess

import pytest

from pohon.exporters.cypher_script import statements
from pohon.exporters.neo4j.admin import AFTER_IMPORT, IMPORT_DATABASE, admin_files
from pohon.exporters.neo4j.model import schema_statements
from pohon.exporters.neo4j.push import dataset_counts, push
import polars as pl

from pohon.graph import build_graph
from pohon.load import load_dataset
from tests.fixtures import CLEAN
from tests.neo4j.helpers import canonical_dump, expected_dump, graph_counts, server_module, with_sasaran, with_table
from tests.neo4j.test_push import INJECTION, SCRIPT, TRICKY


def import_command(text: str) -> list[str]:
    """IMPORT.txt's command as argv: comment lines out, backslash-newline continuations joined."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return shlex.split("\n".join(lines).replace("\\\n", " "))


def test_import_command_puts_the_database_before_the_options():
    argv = import_command(admin_files(load_dataset(CLEAN), "demo")["IMPORT.txt"])
    assert argv[:5] == ["neo4j-admin", "database", "import", "full", IMPORT_DATABASE]
    assert all(a.startswith("--") for a in argv[5:])


def tricky_graph():
    """The clean cascade with the tricky names as Sasaran Strategis, and its first IK marked by no Lampiran
    IV column (as in data/: stored as no `unitTypes` property)."""
    ds = with_sasaran(load_dataset(CLEAN), (INJECTION, SCRIPT, TRICKY))
    casc = ds.tables["cascading"]
    first = pl.int_range(pl.len()) == casc.with_row_index().sort("tujuan", "sp", "kode")["index"][0]
    return with_table(ds, "cascading", casc.with_columns(
        pl.when(first).then(False).otherwise(pl.col(t)).alias(t) for t in ds.unit_types))


def test_admin_import_equals_the_push(driver, database, dsname, tmp_path, monkeypatch):
    g = tricky_graph()
    assert [] in [a.get("unit_types") for _, a in build_graph(g).nodes(data=True) if a["kind"] == "IK"]
    kinds = {type(a.get("target_2024")) for _, a in build_graph(g).nodes(data=True) if a["kind"] == "IKK"}
    assert {float, str} <= kinds  # the fixture mixes numbers and `BB` in one column
    files = admin_files(g, dsname)
    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    for fname, text in files.items():
        (csv_dir / fname).write_text(text, encoding="utf-8")

    srv = server_module()
    lib, java = srv.fetch_jars(), srv.java_bin()
    home = tmp_path / "home"
    srv.write_conf(home, srv.free_port())  # conf with the store under home/data
    argv = import_command(files["IMPORT.txt"])
    assert argv[0] == "neo4j-admin"
    proc = subprocess.run([java, "-cp", f"{lib}/*", srv.ADMIN_CLASS, *argv[1:]], cwd=csv_dir,
                          env=srv.java_env(home), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    assert "IMPORT DONE" in proc.stdout + proc.stderr

    push(g, driver, database, dsname)
    pushed = canonical_dump(driver, database, dsname)
    assert pushed == expected_dump(g, dsname)

    monkeypatch.setenv("POHON_NEO4J_HEAP", "512m")
    monkeypatch.setenv("POHON_NEO4J_PAGECACHE", "64m")
    facts = srv.start(home, quiet=True)
    try:
        from neo4j import GraphDatabase
        with GraphDatabase.driver(facts["NEO4J_URI"], auth=(facts["NEO4J_USER"], facts["NEO4J_PASSWORD"])) as d:
            with d.session(database=IMPORT_DATABASE) as s:  # the step IMPORT.txt names after the import
                for stmt in statements(files[AFTER_IMPORT]):
                    s.run(stmt).consume()
            names = {r["name"] for r in d.execute_query("SHOW CONSTRAINTS YIELD name",
                                                        database_=IMPORT_DATABASE).records}
            assert dataset_counts(d, IMPORT_DATABASE, dsname) == graph_counts(g)
            imported = canonical_dump(d, IMPORT_DATABASE, dsname)
            total = d.execute_query("MATCH (n) RETURN count(n) AS c", database_=IMPORT_DATABASE).records[0]["c"]
    finally:
        srv.stop(home, quiet=True)
    assert total == sum(graph_counts(g)[0].values())
    want = {stmt.split()[2] for stmt in schema_statements() if stmt.startswith("CREATE CONSTRAINT")}
    assert want <= names
    for part, got, want in (("nodes", imported[0], pushed[0]), ("relationships", imported[1], pushed[1])):
        extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
        assert got == want, f"{part}: only imported {extra[:3]}; only pushed {missing[:3]}"
