"""pohon.exporters.neo4j.push on a real server: counts, idempotence, dataset isolation, atomicity."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from pohon.exporters.neo4j.model import KINDS, REL_TYPES, STAGING_MARK, schema_statements, schema_text
from pohon.exporters.neo4j.push import PushFailed, dataset_counts, push
from pohon.graph import load_graph
from tests.fixtures import CLEAN
from tests.neo4j.helpers import (REPO, canonical_dump, expected_dump, expected_props, graph_counts, stored_nodes,
                                 stored_rels)

DATA = REPO / "data"
REVISION = REPO / "tests" / "fixtures" / "revision"
INJECTION = "x'}) DETACH DELETE n //"
SCRIPT = "<script>alert('pohon')</script>"
TRICKY = "a\\b \"q\" ; semi\nnew line\ttab \u2028 ünïcødé 😀 `tick` $param {brace}"


@pytest.fixture(scope="module")
def data_graph() -> nx.DiGraph:
    return load_graph(DATA)


@pytest.fixture(scope="module")
def clean_graph() -> nx.DiGraph:
    return load_graph(CLEAN)


def snapshot(driver, database, ds):
    return stored_nodes(driver, database, ds), stored_rels(driver, database, ds)


def test_schema_file_is_the_generated_schema():
    assert (REPO / "cypher" / "schema.cypher").read_text() == schema_text()


def test_push_sends_exactly_the_load_file_statements(driver, database, dsname, data_graph, monkeypatch):
    """cypher/load.cypher is what the push runs: every query sent (schema aside) is one of its statements,
    and a push over a live version with a leftover staging (whose batches were all sent twice) runs every
    one of them."""
    import neo4j
    from pohon.exporters.neo4j.model import graph_rows
    from pohon.exporters.neo4j.push import _write
    sent = []
    for cls in (neo4j.Session, neo4j.ManagedTransaction):
        def run(self, query, *args, _orig=cls.run, **kwargs):
            sent.append(query)
            return _orig(self, query, *args, **kwargs)
        monkeypatch.setattr(cls, "run", run)
    push(data_graph, driver, database, dsname)
    _write(driver, database, dsname + STAGING_MARK + "cafe", graph_rows(data_graph), 500, None)  # a "crash"
    _write(driver, database, dsname + STAGING_MARK + "cafe", graph_rows(data_graph), 500, None)  # every batch again
    push(data_graph, driver, database, dsname)  # replaces the live version, drops the leftover
    text = (REPO / "cypher" / "load.cypher").read_text()
    in_file = {ln.removesuffix(";") for ln in text.splitlines() if ln and not ln.startswith("//")}
    schema = {q.removesuffix(";") for q in schema_statements()}
    contract = set(KINDS) | set(REL_TYPES)  # a dev database may hold other labels; the file has the contract's
    ours = {q for q in sent if q not in schema and set(re.findall(r"`([^`]*)`", q)) <= contract}
    assert ours - in_file == set()
    assert in_file - ours == set()


def test_push_data_counts_and_properties_equal_the_graph(driver, database, dsname, data_graph):
    result = push(data_graph, driver, database, dsname)
    want_nodes, want_rels = graph_counts(data_graph)
    assert (result.nodes, result.relationships) == (want_nodes, want_rels)
    assert dataset_counts(driver, database, dsname) == (want_nodes, want_rels)
    nodes, rels = snapshot(driver, database, dsname)
    assert len(nodes) == data_graph.number_of_nodes()
    for nid, attrs in data_graph.nodes(data=True):
        labels, props = nodes[nid]
        assert labels == [attrs["kind"]]
        assert props == expected_props(attrs, dsname, nid)
    got_edges = {(a, t, b) for a, t, b, _ in rels.values()}
    assert got_edges == {(u, a["rel"], v) for u, v, a in data_graph.edges(data=True)}


def test_push_twice_is_identical(driver, database, dsname, data_graph):
    first = push(data_graph, driver, database, dsname)
    snap1 = snapshot(driver, database, dsname)
    second = push(data_graph, driver, database, dsname)
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert second.previous_nodes == first.total_nodes
    assert snapshot(driver, database, dsname) == snap1
    assert second.retired_left == ""  # the replaced version, renamed away in the switch, is deleted after it
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_second_dataset_leaves_the_first_untouched(driver, database, dsname, data_graph, clean_graph):
    push(data_graph, driver, database, dsname)
    before = snapshot(driver, database, dsname)
    other = dsname + "-other"
    push(clean_graph, driver, database, other)
    push(clean_graph, driver, database, other)
    assert snapshot(driver, database, dsname) == before
    assert dataset_counts(driver, database, other) == graph_counts(clean_graph)


def test_push_of_a_revision_leaves_exactly_the_revision(driver, database, dsname, clean_graph):
    """Push the clean cascade, then its revision (an IK re-coded, so IKK edges move; an IKK re-coded, so the
    old one and its komponen go; a unit added), then the revision with one IKK moved to another, existing IK:
    after each push the dataset is exactly that version, nothing of the one before survives, and another
    dataset is untouched."""
    revision = load_graph(REVISION)
    assert {"IK:T1/SP1/a", "IKK:B1:SK.2.1", "Komponen:B1:SK.2.1:A"} <= set(clean_graph) - set(revision)
    assert set(clean_graph.edges) - set(revision.edges)
    moved = revision.copy()
    ikk, old_ik = next((u, v) for u, v, a in sorted(moved.edges(data=True)) if a["rel"] == "CASCADES_TO"
                       and u.startswith("IKK:"))
    new_ik = next(n for n in sorted(moved) if n.startswith("IK:") and n != old_ik)
    moved.remove_edge(ikk, old_ik)
    moved.add_edge(ikk, new_ik, rel="CASCADES_TO")
    other = dsname + "-keep"
    push(clean_graph, driver, database, other)
    kept = canonical_dump(driver, database, other)
    push(clean_graph, driver, database, dsname)
    assert canonical_dump(driver, database, dsname) == expected_dump(clean_graph, dsname)
    result = push(revision, driver, database, dsname)
    assert result.previous_nodes == clean_graph.number_of_nodes()
    assert canonical_dump(driver, database, dsname) == expected_dump(revision, dsname)
    push(moved, driver, database, dsname)
    stored = canonical_dump(driver, database, dsname)
    assert stored == expected_dump(moved, dsname)
    assert not any(t == "CASCADES_TO" and (a, b) == (ikk, old_ik) for t, a, b, _ in stored[1])
    assert canonical_dump(driver, database, other) == kept == expected_dump(clean_graph, other)
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_push_has_no_additive_mode():
    import inspect
    assert "replace" not in inspect.signature(push).parameters


@pytest.mark.parametrize("fail_at", [1, 10, "last"])
def test_failed_push_leaves_the_previous_version_whole(driver, database, dsname, data_graph, clean_graph, fail_at):
    push(clean_graph, driver, database, dsname)
    before = snapshot(driver, database, dsname)
    calls = []

    def hook(done, total):  # injected failure after a committed batch
        calls.append(done)
        if (fail_at == "last" and done == total) or len(calls) == fail_at:
            raise RuntimeError("injected failure")

    with pytest.raises(PushFailed) as info:
        push(data_graph, driver, database, dsname, batch_size=50, progress=hook)
    assert info.value.staging_removed and "unchanged" in str(info.value)
    assert snapshot(driver, database, dsname) == before
    leftovers = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                                     p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert leftovers == 0


def test_retried_batches_are_harmless(driver, database, dsname, clean_graph):
    """Every batch sent twice (as after a lost commit acknowledgement): the second CREATE breaks the (dataset,
    id) constraint, the batch is found stored whole, nothing is duplicated; a batch that only partly exists
    is an error."""
    from neo4j.exceptions import ConstraintError
    from pohon.exporters.neo4j.model import graph_rows, node_batch_present, node_create
    from pohon.exporters.neo4j.push import _write, _write_batch
    rows = graph_rows(clean_graph)
    staging = dsname + STAGING_MARK + "0badcafe0bad"
    _write(driver, database, staging, rows, 7, None)
    _write(driver, database, staging, rows, 7, None)
    assert dataset_counts(driver, database, staging) == graph_counts(clean_graph)
    label, items = next((k, v) for k, v in rows.nodes.items() if len(v) > 1)
    half = [items[0], {"id": "new-" + items[1]["id"], "props": {**items[1]["props"], "id": "new-" + items[1]["id"]}}]
    with driver.session(database=database) as session, pytest.raises(ConstraintError):
        _write_batch(session, node_create(label), node_batch_present(label), staging, half)
    assert dataset_counts(driver, database, staging) == graph_counts(clean_graph)
    from pohon.exporters.neo4j.push import drop_staging
    assert drop_staging(driver, database, dsname) == [staging]


def test_leftover_staging_is_removed_by_the_next_push(driver, database, dsname, clean_graph):
    from pohon.exporters.neo4j.push import _write
    from pohon.exporters.neo4j.model import graph_rows
    _write(driver, database, dsname + STAGING_MARK + "deadbeef", graph_rows(clean_graph), 100, None)  # a "crash"
    result = push(clean_graph, driver, database, dsname)
    assert result.staging_cleaned == [dsname + STAGING_MARK + "deadbeef"]
    n = driver.execute_query("MATCH (n) WHERE n.dataset STARTS WITH $p RETURN count(n) AS c",
                             p=dsname + STAGING_MARK, database_=database).records[0]["c"]
    assert n == 0 and dataset_counts(driver, database, dsname) == graph_counts(clean_graph)


def test_injection_names_are_plain_data(driver, database, dsname, clean_graph):
    g = clean_graph.copy()
    for name in (INJECTION, SCRIPT, TRICKY):
        nid = f"SS:{name}"
        g.add_node(nid, kind="SS", kode="", nama=name, baris=None, file="sp.csv")
        g.add_edge(nid, "SP:SP1", rel="CASCADES_TO")
    push(g, driver, database, dsname)
    nodes = stored_nodes(driver, database, dsname)
    for name in (INJECTION, SCRIPT, TRICKY):
        assert nodes[f"SS:{name}"][1]["nama"] == name
    assert dataset_counts(driver, database, dsname) == graph_counts(g)
