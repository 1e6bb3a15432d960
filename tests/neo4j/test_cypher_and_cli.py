"""cypher/ checks equal the Python rules; the exported script round-trips; CLI errors are one line, exit 2."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.exporters.cypher_script import cypher_script
from pohon.exporters.neo4j.push import push
from pohon.graph import build_graph, load_graph
from pohon.load import load_dataset
from tests.neo4j.helpers import (REPO, canonical_dump, cypher_shell, expected_dump, graph_counts, run_cypher_file,
                                 stored_nodes, with_sasaran, with_table)
from tests.neo4j.test_push import INJECTION, SCRIPT, TRICKY


def test_traces_and_budget_by_sp(driver, database, dsname):
    ds = load_dataset(REPO / "data")
    g = build_graph(ds)
    push(ds, driver, database, dsname)
    k = next(n for n, a in sorted(g.nodes(data=True)) if a["kind"] == "Komponen"
             and any(g.edges[i, k2]["rel"] == "CASCADES_TO" for i in g.predecessors(n) for k2 in g.successors(i)))
    rows = run_cypher_file(driver, database, "trace-komponen-up.cypher", dataset=dsname, komponen=k)
    assert rows and rows[0]["komponen"] == k and rows[0]["ik"] is not None
    assert [p["kind"] for p in rows[0]["path"]][:5] == ["Komponen", "IKK", "SK", "Unit", "IK"]
    sp = rows[0]["sp"]
    down = run_cypher_file(driver, database, "trace-sp-down.cypher", dataset=dsname, sp=sp)
    assert k in {r["node"] for r in down}
    for year in g.graph["years"]:
        budget = run_cypher_file(driver, database, "budget-by-sp.cypher", dataset=dsname, year=year)
        assert {r["sp"] for r in budget} == {n for n, a in g.nodes(data=True) if a["kind"] == "SP"}
        for r in budget:  # Python roll-up: distinct komponen per SP
            ks = {kk for ik in g.successors(r["sp"]) if g.edges[r["sp"], ik]["rel"] == "HAS_IK"
                  for ikk in g.predecessors(ik) if g.edges[ikk, ik]["rel"] == "CASCADES_TO"
                  for kk in g.successors(ikk) if g.edges[ikk, kk]["rel"] == "HAS_KOMPONEN"}
            total = sum(float(g.nodes[kk].get(f"anggaran_{year}") or 0) for kk in ks)
            assert r["year"] == year and r["komponen"] == len(ks) and abs(r["anggaran"] - round(total, 2)) < 0.011


def test_exported_script_through_cypher_shell(neo4j_conn, driver, database, dsname, tmp_path):
    """`pohon export cypher` run by the real cypher-shell: the dataset equals a push of the same graph
    (injection names included); re-running it with a revision leaves exactly the revision (no node of
    the old version is left, also of a label the revision no longer has)."""
    g = with_sasaran(load_dataset(REPO / "tests" / "fixtures" / "clean"), (INJECTION, SCRIPT, TRICKY), program=True)
    other = dsname + "-other"
    push(g, driver, database, other)
    kept = canonical_dump(driver, database, other)
    script = tmp_path / "x.cypher"
    script.write_text(cypher_script(g, dsname), encoding="utf-8")
    proc = cypher_shell(neo4j_conn, database, script)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    assert canonical_dump(driver, database, dsname) == expected_dump(g, dsname)
    nodes = stored_nodes(driver, database, dsname)
    for i, name in enumerate((INJECTION, SCRIPT, TRICKY)):
        assert nodes[f"SS:{name}"][1]["nama"] == name and nodes[f"SP:SP{901 + i}"][1]["program"] == name
    revision = load_dataset(REPO / "tests" / "fixtures" / "revision")
    revision = with_table(revision, "pedoman", revision.tables["pedoman"].clear())  # a label the revision lacks
    script.write_text(cypher_script(revision, dsname), encoding="utf-8")
    proc = cypher_shell(neo4j_conn, database, script)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    assert canonical_dump(driver, database, dsname) == expected_dump(revision, dsname)
    assert canonical_dump(driver, database, other) == kept


def _cli(args, password):
    env = {"NEO4J_PASSWORD": password} if password is not None else {}
    return CliRunner().invoke(main, args, env=env)


def test_cli_push_prints_counts_and_replaces_by_default(neo4j_conn, driver, database, dsname):
    """Without any flag a second push (the revision) leaves exactly the revision."""
    from tests.neo4j.helpers import canonical_dump, expected_dump
    conn = ["--uri", neo4j_conn["NEO4J_URI"], "--user", neo4j_conn["NEO4J_USER"], "--dataset", dsname]
    g = load_graph(REPO / "tests" / "fixtures" / "clean")
    r = _cli(["neo4j", "push", str(REPO / "tests" / "fixtures" / "clean"), *conn], neo4j_conn["NEO4J_PASSWORD"])
    assert r.exit_code == 0, r.output
    assert f"dataset {dsname!r} created" in r.output
    nodes, rels = graph_counts(g)
    for label, n in {**nodes, **rels}.items():
        assert f"{label:<14} {n:>8}" in r.output
    assert neo4j_conn["NEO4J_PASSWORD"] not in r.output
    revision = REPO / "tests" / "fixtures" / "revision"
    r = _cli(["neo4j", "push", str(revision), *conn], neo4j_conn["NEO4J_PASSWORD"])
    assert r.exit_code == 0, r.output
    assert f"dataset {dsname!r} replaced" in r.output
    assert canonical_dump(driver, database, dsname) == expected_dump(load_graph(revision), dsname)


@pytest.mark.parametrize("what", ["password", "refused", "database"])
def test_cli_unusable_server_is_one_line_exit_2(neo4j_conn, dsname, what):
    uri, pw, db = neo4j_conn["NEO4J_URI"], neo4j_conn["NEO4J_PASSWORD"], "neo4j"
    if what == "password":
        pw = "wrong-" + pw
    elif what == "refused":
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            uri = f"bolt://127.0.0.1:{s.getsockname()[1]}"
    else:
        db = "nosuchdb"
    r = _cli(["neo4j", "push", str(REPO / "tests" / "fixtures" / "clean"), "--uri", uri, "--user", "neo4j",
              "--database", db, "--dataset", dsname], pw)
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.output, r.output
    assert {"password": "credentials", "refused": "cannot connect", "database": "nosuchdb"}[what] in lines[0]
    assert pw not in r.output


def test_cli_without_password_env_is_exit_2(neo4j_conn, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    r = CliRunner().invoke(main, ["neo4j", "push", "--uri", neo4j_conn["NEO4J_URI"]])
    assert r.exit_code == 2 and "NEO4J_PASSWORD" in r.output


def test_exported_script_of_data_through_cypher_shell(neo4j_conn, driver, database, dsname, tmp_path):
    """`pohon export cypher data/` run by the real cypher-shell stores exactly what a push stores."""
    script = tmp_path / "data.cypher"
    r = CliRunner().invoke(main, ["export", "cypher", str(REPO / "data"), "-o", str(script), "--dataset", dsname])
    assert r.exit_code == 0, r.output
    proc = cypher_shell(neo4j_conn, database, script)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    assert canonical_dump(driver, database, dsname) == expected_dump(load_graph(REPO / "data"), dsname)


def test_the_model_docs_queries_run_on_data(driver, database, dsname):
    """docs/neo4j-model.md's example queries, run as written on data/: each returns rows, and the per-unit
    pagu query's units are the :Unit nodes (the agency is :Instansi, nothing to exclude)."""
    ds = load_dataset(REPO / "data")
    g = build_graph(ds)
    push(ds, driver, database, dsname)
    text = (REPO / "docs" / "neo4j-model.md").read_text()
    block = text.split("## Queries", 1)[1].split("```cypher", 1)[1].split("```", 1)[0]
    queries = [q.strip() for q in block.split(";") if q.strip()]
    ss = next(a["nama"] for _, a in sorted(g.nodes(data=True)) if a["kind"] == "SS")
    ik = next(a["kode"] for _, a in sorted(g.nodes(data=True)) if a["kind"] == "IK")
    params = {"dataset": dsname, "year": 2024, "ss": ss, "kode": ik}
    results = [driver.execute_query(q, params, database_=database).records for q in queries]
    assert len(results) == 3 and all(results)
    units = {n for n, a in g.nodes(data=True) if a["kind"] == "Unit" and str(a.get("kelompok")).upper() != "TOTAL"}
    assert {"Unit:" + r["u.kode"] for r in results[1]} == units
