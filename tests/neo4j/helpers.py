from __future__ import annotations

import dataclasses
import math
from collections import Counter
from pathlib import Path

import networkx as nx
import polars as pl

from pohon.dataset import Dataset
from pohon.exporters.neo4j.model import POHON
from pohon.graph import build_graph
from tests.neo4j.graph_rows import graph_rows

REPO = Path(__file__).resolve().parents[2]
CYPHER = REPO / "cypher"


def as_graph(cascade: Dataset | nx.DiGraph) -> nx.DiGraph:
    return cascade if isinstance(cascade, nx.DiGraph) else build_graph(cascade)


def graph_counts(cascade: Dataset | nx.DiGraph) -> tuple[dict, dict]:
    """(nodes per label, relationships per type) the model stores for the cascade's graph (graph_rows)."""
    rows = graph_rows(as_graph(cascade))
    return rows.node_counts(), rows.rel_counts()


def with_table(ds: Dataset, name: str, frame: pl.DataFrame) -> Dataset:
    """`ds` with table `name` replaced (a revision made in the tables)."""
    return dataclasses.replace(ds, tables={**ds.tables, name: frame})


def with_sasaran(ds: Dataset, names, program: bool = False) -> Dataset:
    """`ds` with one more SP per name (SP901, SP902, …) adopting the Sasaran Strategis of that name (so an
    SS node `SS:<name>` with `nama` = name); with `program`, the SP's name and program are that name too."""
    sp = ds.tables["sp"]
    extra = pl.DataFrame([{"kode": f"SP{901 + i}", "nama": name if program else f"SP {901 + i}",
                           "program": name if program else "", "ss": name, "baris": None, "_line": None}
                          for i, name in enumerate(names)], schema=sp.schema)
    return with_table(ds, "sp", pl.concat([sp, extra]))


def stored_nodes(driver, database, dataset) -> dict[str, tuple[list, dict]]:
    recs = driver.execute_query("MATCH (n {dataset: $ds}) RETURN labels(n) AS l, properties(n) AS p",
                                ds=dataset, database_=database).records
    return {r["p"]["id"]: (sorted(r["l"]), r["p"]) for r in recs}


def stored_rels(driver, database, dataset) -> dict[tuple[str, str, str], dict]:
    recs = driver.execute_query(
        "MATCH (a:Pohon {dataset: $ds})-[r]->(b) "
        "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p", ds=dataset, database_=database).records
    return {(r["a"], r["t"], r["b"]): r["p"] for r in recs}


def run_cypher_file(driver, database, name: str, **params) -> list[dict]:
    text = (CYPHER / name).read_text().strip().rstrip(";")
    return [dict(r) for r in driver.execute_query(text, params, database_=database).records]


def norm(v):
    """Comparable form of finding details: numbers as floats rounded to 2 places, maps with str keys, ""
    as None (the model stores no empty strings: a missing value is an absent property)."""
    if isinstance(v, str):
        return v or None
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return None if isinstance(v, float) and math.isnan(v) else round(float(v), 2)
    if isinstance(v, dict):
        return tuple(sorted((str(k), norm(x)) for k, x in v.items()))
    if isinstance(v, (list, tuple)):
        return tuple(norm(x) for x in v)
    return repr(v)


def _frozen(v):
    """A property value with its type kept (1 and 1.0 differ, as they do in Neo4j), hashable."""
    if isinstance(v, list):
        return ("list", tuple(_frozen(x) for x in v))
    return (type(v).__name__, v)


def _props(p: dict) -> tuple:
    return tuple(sorted((k, _frozen(v)) for k, v in p.items()))


def canonical_dump(driver, database, dataset) -> tuple[list, list]:
    """Everything of `dataset` as stored: (sorted nodes (labels, props), sorted relationships (type, from
    id, to id, props)), props with their types. A relationship counts if it or either end node is in the
    dataset, so one that leaks across datasets shows up."""
    nodes = driver.execute_query("MATCH (n) WHERE n.dataset = $ds RETURN labels(n) AS l, properties(n) AS p",
                                 ds=dataset, database_=database).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE a.dataset = $ds OR b.dataset = $ds OR r.dataset = $ds "
        "RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p", ds=dataset, database_=database).records
    return (sorted((tuple(sorted(r["l"])), _props(r["p"])) for r in nodes),
            sorted((r["t"], r["a"], r["b"], _props(r["p"])) for r in rels))


def expected_dump(cascade: Dataset | nx.DiGraph, dataset) -> tuple[list, list]:
    """canonical_dump() of the cascade pushed as `dataset`, as its graph says (graph_rows: the model read off
    the graph), whatever the exporters read."""
    rows = graph_rows(as_graph(cascade))
    nodes = [(tuple(sorted((POHON, label))), _props({**r["props"], "dataset": dataset})) for label, items in rows.nodes.items()
             for r in items]
    rels = [(t, r["src"], r["dst"], _props(r["props"])) for (t, _, _), items in rows.rels.items() for r in items]
    return sorted(nodes), sorted(rels)


def server_module():
    """scripts/neo4j-server as a module (its jar fetching, java, config and start/stop)."""
    import importlib.machinery
    import importlib.util
    path = REPO / "scripts" / "neo4j-server"
    loader = importlib.machinery.SourceFileLoader("pohon_neo4j_server", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def cypher_shell(conn: dict, database: str, script: Path, timeout: float = 3600):
    """Run `script` with the real cypher-shell (org.neo4j:cypher-shell from Maven Central, fetched by
    scripts/neo4j-server); returns the CompletedProcess. The password goes through the environment."""
    import os
    import subprocess
    argv = server_module().cypher_shell_argv("-a", conn["NEO4J_URI"], "-u", conn["NEO4J_USER"], "-d", database,
                                             "--format", "plain", "--fail-fast", "-f", str(script))
    env = {**os.environ, "NEO4J_PASSWORD": conn["NEO4J_PASSWORD"]}
    return subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
