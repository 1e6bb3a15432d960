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
