from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import networkx as nx

from pohon.exporters.neo4j.model import camel, value

REPO = Path(__file__).resolve().parents[2]
CYPHER = REPO / "cypher"


def graph_counts(g: nx.DiGraph) -> tuple[dict, dict]:
    nodes = Counter(a["kind"] for _, a in g.nodes(data=True))
    rels = Counter(a["rel"] for _, _, a in g.edges(data=True))
    return dict(sorted(nodes.items())), dict(sorted(rels.items()))


def expected_props(attrs: dict, dataset: str, nid: str) -> dict:
    out = {camel(k): value(v) for k, v in attrs.items() if k != "kind" and value(v) is not None}
    out.update(dataset=dataset, id=nid)
    return out


def stored_nodes(driver, database, dataset) -> dict[str, tuple[list, dict]]:
    recs = driver.execute_query("MATCH (n {dataset: $ds}) RETURN labels(n) AS l, properties(n) AS p",
                                ds=dataset, database_=database).records
    return {r["p"]["id"]: (sorted(r["l"]), r["p"]) for r in recs}


def stored_rels(driver, database, dataset) -> dict[str, tuple[str, str, str, dict]]:
    recs = driver.execute_query(
        "MATCH (a {dataset: $ds})-[r {dataset: $ds}]->(b {dataset: $ds}) "
        "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p", ds=dataset, database_=database).records
    return {r["p"]["id"]: (r["a"], r["t"], r["b"], r["p"]) for r in recs}


def run_cypher_file(driver, database, name: str, **params) -> list[dict]:
    text = (CYPHER / name).read_text().strip().rstrip(";")
    return [dict(r) for r in driver.execute_query(text, params, database_=database).records]


def norm(v):
    """Comparable form of finding details: numbers as floats rounded to 2 places, maps with str keys."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
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


def expected_dump(graph, dataset) -> tuple[list, list]:
    """canonical_dump() of `graph` pushed as `dataset`, from the rows the exporters write (graph_rows)."""
    from pohon.exporters.neo4j.model import graph_rows
    rows = graph_rows(graph)
    nodes = [((label,), _props({**r["props"], "dataset": dataset})) for label, items in rows.nodes.items()
             for r in items]
    rels = [(t, r["src"], r["dst"], _props({**r["props"], "dataset": dataset})) for (t, _, _), items in
            rows.rels.items() for r in items]
    return sorted(nodes), sorted(rels)
