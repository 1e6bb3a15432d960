"""pohon.exporters.neo4j.push on a real server: counts, idempotence, dataset isolation, atomicity."""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from pohon.dataset import Dataset
from pohon.exporters.neo4j.model import LABELS, POHON, REL_TYPES, STAGING_MARK, camel, schema_statements, schema_text
from pohon.exporters.neo4j.push import PushFailed, dataset_counts, push
from pohon.exporters.neo4j.rows import dataset_rows
from pohon.graph import build_graph
from pohon.load import load_dataset
from tests.fixtures import CLEAN
from tests.neo4j.graph_rows import value
from tests.neo4j.helpers import (REPO, canonical_dump, expected_dump, graph_counts, stored_nodes, stored_rels,
                                 with_sasaran, with_table)

DATA = REPO / "data"
REVISION = REPO / "tests" / "fixtures" / "revision"
INJECTION = "x'}) DETACH DELETE n //"
SCRIPT = "<script>alert('pohon')</script>"
TRICKY = "a\\b \"q\" ; semi\nnew line\ttab \u2028 ünïcødé 😀 `tick` $param {brace}"


@pytest.fixture(scope="module")
def data_ds() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def clean_ds() -> Dataset:
    return load_dataset(CLEAN)


def snapshot(driver, database, ds):
    return stored_nodes(driver, database, ds), stored_rels(driver, database, ds)


def write_retried(driver, database, staging, rows):
    """Every batch of `rows` written under `staging`, each transaction function run twice, as the driver
    does when a commit's acknowledgement is lost (the second run finds the batch and writes nothing)."""
    from pohon.exporters.neo4j.model import node_batch_present, node_create, rel_batch_present, rel_create
    from pohon.exporters.neo4j.push import _batch_work
    work = [(node_create(k), node_batch_present(k), v) for k, v in rows.nodes.items()]
    work += [(rel_create(*k), rel_batch_present(*k), v) for k, v in rows.rels.items()]
    with driver.session(database=database) as session:
        for create, present, part in work:
            fn = _batch_work(create, present, staging, list(part.items()))
            session.execute_write(fn)
            session.execute_write(fn)


def test_schema_file_is_the_generated_schema():
    assert (REPO / "cypher" / "schema.cypher").read_text() == schema_text()


def test_push_sends_exactly_the_load_file_statements(driver, database, dsname, data_ds, monkeypatch):
    """cypher/load.cypher is what the push runs: every query sent (schema aside) is one of its statements,
    and a push over a live version with a leftover staging (whose batches were all sent twice) runs every
    one of them."""
    import neo4j
    from pohon.exporters.neo4j.model import REL_ENDPOINTS, rel_batch_present, rel_create
    sent = []
    for cls in (neo4j.Session, neo4j.ManagedTransaction):
        def run(self, query, *args, _orig=cls.run, **kwargs):
            sent.append(query)
            return _orig(self, query, *args, **kwargs)
        monkeypatch.setattr(cls, "run", run)
    push(data_ds, driver, database, dsname)
    write_retried(driver, database, dsname + STAGING_MARK + "cafe", dataset_rows(data_ds))  # a "crash"
    push(data_ds, driver, database, dsname)  # replaces the live version, drops the leftover
    text = (REPO / "cypher" / "load.cypher").read_text()
    in_file = {ln.removesuffix(";") for ln in text.splitlines() if ln and not ln.startswith("//")}
    schema = {q.removesuffix(";") for q in schema_statements()}
    contract = set(LABELS) | set(REL_TYPES) | {POHON}  # a dev database may hold other labels; the file has the model's
    ours = {q for q in sent if q not in schema and set(re.findall(r"`([^`]*)`", q)) <= contract}
    assert ours - in_file == set()
    absent = set(REL_ENDPOINTS) - set(dataset_rows(data_ds).rels)  # e.g. the agency carrying an IK itself
    assert absent and absent < set(REL_ENDPOINTS)
    not_in_data = {q for k in absent for q in (rel_create(*k), rel_batch_present(*k))}
    assert in_file - ours == not_in_data


YEARLY = re.compile(r"^(target|pagu|anggaran)_(\d{4})$")


def test_push_data_is_the_model_of_the_graph(driver, database, dsname, data_ds):
    """Every graph node with its label (the agency :Instansi) and :Pohon, its plain attributes as properties
    (none ""), each per-year value reachable with the year as a parameter, every edge pointing goal -> money."""
    g = build_graph(data_ds)
    result = push(data_ds, driver, database, dsname)
    assert (result.nodes, result.relationships) == graph_counts(g)
    assert dataset_counts(driver, database, dsname) == graph_counts(g)
    assert canonical_dump(driver, database, dsname) == expected_dump(g, dsname)
    nodes = stored_nodes(driver, database, dsname)
    for nid, attrs in g.nodes(data=True):
        labels, props = nodes[nid]
        agency = attrs["kind"] == "Unit" and str(attrs.get("kelompok")).upper() == "TOTAL"
        assert labels == sorted([POHON, "Instansi" if agency else attrs["kind"]])
        want = {camel(k): value(v) for k, v in attrs.items()
                if k != "kind" and not YEARLY.match(k) and v not in (None, "", [])}
        assert props == {**want, "dataset": dsname, "id": nid}
    assert "Instansi" in {ls[1] for ls, _ in nodes.values() if len(ls) == 2} | {ls[0] for ls, _ in nodes.values()}
    empty = driver.execute_query("MATCH (n:Pohon {dataset: $ds}) UNWIND keys(n) AS k WITH n, k "
                                 "WHERE n[k] = '' OR n[k] = [] RETURN count(*) AS c", ds=dsname,
                                 database_=database).records[0]["c"]
    assert empty == 0
    for year in g.graph["years"]:
        got = {(r["id"], r["t"]): r["v"] for r in driver.execute_query(
            "MATCH (n:Pohon {dataset: $ds})-[v:TARGET|PAGU|ANGGARAN]->(:Tahun {tahun: $year}) "
            "WHERE NOT n:TargetRow AND NOT n:Pedoman RETURN n.id AS id, type(v) AS t, coalesce(v.nilai, v.teks) AS v",
            ds=dsname, year=year, database_=database).records}
        want = {(nid, {"target": "TARGET", "pagu": "PAGU", "anggaran": "ANGGARAN"}[m.group(1)]):
                (float(v) if isinstance(v, (int, float)) else v)
                for nid, attrs in g.nodes(data=True) for k, v in attrs.items()
                if (m := YEARLY.match(k)) and int(m.group(2)) == year and v not in (None, "")}
        assert got == want, year
    rels = stored_rels(driver, database, dsname)
    flipped = {"CARRIED_BY": "CARRIES", "COUNTED_IN": "COUNTS", "PART_OF": "HAS_PART"}
    for u, v, a in g.edges(data=True):
        if a["rel"] in flipped:
            assert (v, flipped[a["rel"]], u) in rels
        elif a["rel"] == "CASCADES_TO" and u.startswith("IKK:"):
            assert (v, "CASCADES_TO", u) in rels
        else:
            assert (u, a["rel"], v) in rels
    for sk, attrs in g.nodes(data=True):
        if attrs["kind"] == "SK" and f"SP:{attrs['sp']}" in g:
            assert (f"SP:{attrs['sp']}", "CASCADES_TO", sk) in rels
    targets = driver.execute_query("MATCH (r:TargetRow|Pedoman {dataset: $ds}) RETURN count(r) AS c", ds=dsname,
                                   database_=database).records[0]["c"]
    assert targets == len(g.graph["ik_target"]) + len(g.graph["pedoman"]) > 0


def test_a_walk_from_a_sasaran_strategis_reaches_its_money(driver, database, dsname, data_ds):
    """`(ss)-[*]->(k:Komponen)` finds exactly the komponen under that SS: through SP -> IK -> IKK (the IKK
    cascades to an IK of the SS's SP) or SP -> SK -> IKK (the SK serves that SP); never through units."""
    g = build_graph(data_ds)
    push(data_ds, driver, database, dsname)
    got = {(r["ss"], r["k"]) for r in driver.execute_query(
        "MATCH (ss:SS {dataset: $ds})-[*]->(k:Komponen) RETURN DISTINCT ss.id AS ss, k.id AS k",
        ds=dsname, database_=database).records}
    want = set()
    for ss in (n for n, a in g.nodes(data=True) if a["kind"] == "SS"):
        for sp in g.successors(ss):
            iks = [ik for ik in g.successors(sp) if g.nodes[ik]["kind"] == "IK"]
            ikks = {ikk for ik in iks for ikk in g.predecessors(ik) if g.nodes[ikk]["kind"] == "IKK"}
            sks = {n for n, a in g.nodes(data=True) if a["kind"] == "SK" and f"SP:{a['sp']}" == sp}
            ikks |= {ikk for sk in sks for ikk in g.successors(sk)}
            want |= {(ss, k) for ikk in ikks for k in g.successors(ikk) if g.nodes[k]["kind"] == "Komponen"}
    assert got == want and len(want) > 100


def test_push_twice_is_identical(driver, database, dsname, data_ds):
    first = push(data_ds, driver, database, dsname)
    snap1 = snapshot(driver, database, dsname)
    second = push(data_ds, driver, database, dsname)
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert second.previous_nodes == first.total_nodes
    assert snapshot(driver, database, dsname) == snap1
    assert second.retired_left == ""  # the replaced version, renamed away in the switch, is deleted after it
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_second_dataset_leaves_the_first_untouched(driver, database, dsname, data_ds, clean_ds):
    push(data_ds, driver, database, dsname)
    before = snapshot(driver, database, dsname)
    other = dsname + "-other"
    push(clean_ds, driver, database, other)
    push(clean_ds, driver, database, other)
    assert snapshot(driver, database, dsname) == before
    assert dataset_counts(driver, database, other) == graph_counts(clean_ds)


def test_push_of_a_revision_leaves_exactly_the_revision(driver, database, dsname, clean_ds):
    """Push the clean cascade, then its revision (an IK re-coded, so IKK edges move; an IKK re-coded, so the
    old one and its komponen go; a unit added), then the revision with one IKK moved to another, existing IK:
    after each push the dataset is exactly that version, nothing of the one before survives, and another
    dataset is untouched."""
    revision = load_dataset(REVISION)
    clean_g, revision_g = build_graph(clean_ds), build_graph(revision)
    assert {"IK:T1/SP1/a", "IKK:B1:SK.2.1", "Komponen:B1:SK.2.1:A"} <= set(clean_g) - set(revision_g)
    assert set(clean_g.edges) - set(revision_g.edges)
    ikk, old_ik = next((u, v) for u, v, a in sorted(revision_g.edges(data=True)) if a["rel"] == "CASCADES_TO"
                       and u.startswith("IKK:"))
    new_ik = next(n for n in sorted(revision_g) if n.startswith("IK:") and n != old_ik)
    unit, code = ikk.split(":")[1:]
    moved = with_table(revision, "ikk", revision.tables["ikk"].with_columns(
        ik=pl.when((pl.col("unit") == unit) & (pl.col("ikk") == code)).then(pl.lit(new_ik[3:]))
        .otherwise(pl.col("ik"))))
    other = dsname + "-keep"
    push(clean_ds, driver, database, other)
    kept = canonical_dump(driver, database, other)
    push(clean_ds, driver, database, dsname)
    assert canonical_dump(driver, database, dsname) == expected_dump(clean_ds, dsname)
    result = push(revision, driver, database, dsname)
    assert result.previous_nodes == sum(graph_counts(clean_ds)[0].values())
    assert canonical_dump(driver, database, dsname) == expected_dump(revision, dsname)
    push(moved, driver, database, dsname)
    stored = canonical_dump(driver, database, dsname)
    assert stored == expected_dump(moved, dsname)
    assert not any(t == "CASCADES_TO" and (a, b) == (old_ik, ikk) for t, a, b, _ in stored[1])
    assert any(t == "CASCADES_TO" and (a, b) == (new_ik, ikk) for t, a, b, _ in stored[1])
    assert canonical_dump(driver, database, other) == kept == expected_dump(clean_ds, other)
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_push_has_no_additive_mode():
    import inspect
    assert "replace" not in inspect.signature(push).parameters


@pytest.mark.parametrize("fail_at", [1, 10, "last"])
def test_failed_push_leaves_the_previous_version_whole(driver, database, dsname, data_ds, clean_ds, fail_at):
    push(clean_ds, driver, database, dsname)
    before = snapshot(driver, database, dsname)
    calls = []

    def hook(done, total):  # injected failure after a committed batch
        calls.append(done)
        if (fail_at == "last" and done == total) or len(calls) == fail_at:
            raise RuntimeError("injected failure")

    with pytest.raises(PushFailed) as info:
        push(data_ds, driver, database, dsname, batch_size=50, progress=hook)
    assert info.value.staging_removed and "unchanged" in str(info.value)
    assert snapshot(driver, database, dsname) == before
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_retried_batches_are_harmless(driver, database, dsname, clean_ds):
    """Every batch's transaction function run twice, as the driver does when a commit's acknowledgement is
    lost: the second run finds the batch stored whole and writes nothing; a batch that only partly exists
    is an error."""
    from pohon.exporters.neo4j.model import node_batch_present, node_create
    from pohon.exporters.neo4j.push import Neo4jError, _batch_work, drop_staging
    rows = dataset_rows(clean_ds)
    staging = dsname + STAGING_MARK + "0badcafe0bad"
    write_retried(driver, database, staging, rows)
    assert dataset_counts(driver, database, staging) == graph_counts(clean_ds)
    label, items = next((k, list(v.items())) for k, v in rows.nodes.items() if v.count > 1)
    half = [items[0], {"id": "new-" + items[1]["id"], "props": {**items[1]["props"], "id": "new-" + items[1]["id"]}}]
    fn = _batch_work(node_create(label), node_batch_present(label), staging, half)
    from neo4j.exceptions import ConstraintError
    with driver.session(database=database) as session:
        with pytest.raises(ConstraintError):  # first run: items[0] exists, (dataset, id) is unique on :Pohon
            session.execute_write(fn)
        with pytest.raises(Neo4jError, match="in part"):  # a later run finds the batch stored in part
            session.execute_write(fn)
    assert dataset_counts(driver, database, staging) == graph_counts(clean_ds)
    assert drop_staging(driver, database, dsname) == [staging]


def test_leftover_staging_is_removed_by_the_next_push(driver, database, dsname, clean_ds):
    from pohon.exporters.neo4j.push import _write
    _write(driver, database, dsname + STAGING_MARK + "deadbeef", dataset_rows(clean_ds), 100, None)  # a "crash"
    result = push(clean_ds, driver, database, dsname)
    assert result.staging_cleaned == [dsname + STAGING_MARK + "deadbeef"]
    n = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                             p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert n == 0 and dataset_counts(driver, database, dsname) == graph_counts(clean_ds)


def test_injection_names_are_plain_data(driver, database, dsname, clean_ds):
    g = with_sasaran(clean_ds, (INJECTION, SCRIPT, TRICKY))
    push(g, driver, database, dsname)
    nodes = stored_nodes(driver, database, dsname)
    for name in (INJECTION, SCRIPT, TRICKY):
        assert nodes[f"SS:{name}"][1]["nama"] == name
    assert dataset_counts(driver, database, dsname) == graph_counts(g)


def test_push_never_builds_the_graph(neo4j_conn, driver, database, dsname, data_ds, monkeypatch):
    """The push (library and `pohon neo4j push`) reads the tables: with build_graph refusing, data/ is
    stored exactly as its graph's model says."""
    import pohon.graph
    from click.testing import CliRunner
    from pohon.cli import main
    want = expected_dump(data_ds, dsname)

    def refuse(*args, **kwargs):
        raise AssertionError("the graph was built")

    monkeypatch.setattr(pohon.graph, "build_graph", refuse)
    push(data_ds, driver, database, dsname)
    assert canonical_dump(driver, database, dsname) == want
    cli_name = dsname + "-cli"
    r = CliRunner().invoke(main, ["neo4j", "push", str(DATA), "--uri", neo4j_conn["NEO4J_URI"], "--user",
                                  neo4j_conn["NEO4J_USER"], "--dataset", cli_name],
                           env={"NEO4J_PASSWORD": neo4j_conn["NEO4J_PASSWORD"]})
    assert r.exit_code == 0, r.output
    monkeypatch.undo()
    assert canonical_dump(driver, database, cli_name) == expected_dump(data_ds, cli_name)
