"""Tests against a real Neo4j server. Run them through the server script:

    scripts/neo4j-server run -- python -m pytest -m neo4j tests/neo4j

which starts a throw-away Neo4j 5.26 Community server and points POHON_NEO4J_CONN at its connection facts;
with a dev server (`scripts/neo4j-server start`) the facts are in .neo4j/conn.env. Without either the tests
FAIL (never skip): a green run must mean the Neo4j code was exercised.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOW = "run the Neo4j tests via `scripts/neo4j-server run -- python -m pytest -m neo4j tests/neo4j` " \
      "(or `scripts/neo4j-server start` first)"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.neo4j)


def read_conn(path: Path) -> dict[str, str]:
    facts = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            facts[k.strip()] = v.strip()
    return facts


@pytest.fixture(scope="session")
def neo4j_conn() -> dict[str, str]:
    path = Path(os.environ.get("POHON_NEO4J_CONN") or REPO / ".neo4j" / "conn.env")
    if not path.exists():
        pytest.fail(f"no Neo4j connection facts at {path}: {HOW}", pytrace=False)
    facts = read_conn(path)
    from neo4j import GraphDatabase
    try:
        with GraphDatabase.driver(facts["NEO4J_URI"], auth=(facts["NEO4J_USER"], facts["NEO4J_PASSWORD"])) as d:
            d.verify_connectivity()
    except Exception as e:
        pytest.fail(f"Neo4j from {path} does not answer ({type(e).__name__}: {e}); {HOW}", pytrace=False)
    return facts


@pytest.fixture(scope="session")
def driver(neo4j_conn):
    from neo4j import GraphDatabase
    with GraphDatabase.driver(neo4j_conn["NEO4J_URI"],
                              auth=(neo4j_conn["NEO4J_USER"], neo4j_conn["NEO4J_PASSWORD"])) as d:
        yield d


@pytest.fixture(scope="session")
def database(neo4j_conn) -> str:
    return neo4j_conn.get("NEO4J_DATABASE", "neo4j")


@pytest.fixture
def dsname(request) -> str:
    """A dataset name no other test uses (tests share the server)."""
    return f"t-{request.node.name[:40]}-{uuid.uuid4().hex[:8]}"
