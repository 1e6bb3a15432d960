"""Push a cascade (its Dataset) into a Neo4j database, atomically per dataset.

Several datasets share one database; every node carries `dataset` (docs/neo4j-model.md). A push never touches
the live dataset until its very last transaction (the statements are built in model.py and written
out, in this order, as cypher/load.cypher):

1. schema (cypher/schema.cypher: (dataset, id) unique on :Pohon, look-up indexes);
2. leftovers of earlier interrupted pushes of this dataset (`NAME@staging-*`) are deleted;
3. the rows (pohon.exporters.neo4j.rows: read off the tables, one batch of dicts at a time; no graph is
   built) are written in batches under a fresh staging name `NAME@staging-<uuid>`; each batch is an
   UNWIND ... CREATE inside `session.execute_write`; when the driver retries a batch (a commit whose
   acknowledgement was lost may have been stored) the retry first counts what is stored: a retried batch
   changes nothing;
4. one final write transaction checks the staged counts, renames the live `NAME` version to a retired
   staging name and the staged nodes to `NAME`; after it commits the retired version is
   deleted in batches (if that is interrupted, the next push removes it like any staging leftover).
   Renaming instead of DETACH DELETE keeps the switch cheap: a transaction that has deleted many nodes
   makes every later write in it slow (measured ~25x on 46k items).

After a push the dataset holds exactly the cascade: nodes and relationships the new version lacks (a
deleted IKK, an IKK's old CASCADES_TO edge) are gone with the retired version. There is no additive mode: a union
of two versions is not a cascade anyone planned.

If anything fails before step 4 commits, the live version is as it was (step 4 is one transaction), the
staged rows are deleted as far as the server allows, and `PushFailed` says so; rows a crash leaves behind
are invisible under the staging name and removed by the next push of that dataset (or `drop_staging`).
Two concurrent pushes of one dataset: the later one deletes the other's staging, whose final count check
then fails and rolls back; the live version is never mixed.
"""
from __future__ import annotations

import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from neo4j import Driver, ManagedTransaction
from neo4j import exceptions as nx4j

from pohon.dataset import Dataset
from pohon.errors import PohonError
from pohon.exporters.neo4j.model import (
    AWAIT_INDEXES, LABELS_QUERY, STAGING_MARK, check_dataset_name, drop_batch, drop_order, node_batch_present,
    node_count, node_create, rel_batch_present, rel_count, rel_create, row_items, schema_statements,
    staging_leftovers, staging_rename,
)
from pohon.exporters.neo4j.rows import Rows, batches, dataset_rows

Progress = Callable[[int, int], None]  # (done, total) after every committed batch; raising aborts the push


class Neo4jError(PohonError):
    """Base of the Neo4j exporter's errors."""


class Neo4jConnectionError(Neo4jError):
    """The server cannot be used: refused connection, wrong credentials, unknown database."""


class PushFailed(Neo4jError):
    """The push stopped before its final switch; the live version of the dataset is unchanged."""

    def __init__(self, message: str, dataset: str, staging: str, staging_removed: bool):
        self.dataset, self.staging, self.staging_removed = dataset, staging, staging_removed
        super().__init__(message)


@dataclass
class PushResult:
    dataset: str
    database: str
    nodes: dict[str, int]  # per label: what the dataset holds after the push
    relationships: dict[str, int]  # per relationship type: idem
    written_nodes: int  # rows written from the tables
    written_relationships: int
    previous_nodes: int = 0  # size of the version this push replaced (0: dataset was new)
    previous_relationships: int = 0
    seconds: float = 0.0
    staging_cleaned: list[str] = field(default_factory=list)  # leftovers of interrupted pushes removed
    retired_left: str = ""  # the replaced version's name if deleting it after the switch failed (next push does)

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> str:
    """`uri` if the driver can push over it (a Bolt scheme), else Neo4jConnectionError naming the schemes
    that work. The driver itself would take http:// as its preview HTTP API, which cannot push."""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        shown = uri if "@" not in uri else uri.split("://", 1)[0] + "://***@" + uri.rsplit("@", 1)[1]
        raise Neo4jConnectionError(
            f"URI {shown!r} bukan URI Bolt / is not a Bolt URI; skema yang bisa / schemes that work: "
            + ", ".join(BOLT_SCHEMES))
    return uri


def _reason(exc: BaseException, timeout: float | None) -> str:
    """A short cause for a ServiceUnavailable, from the driver's text and the exception chain."""
    text = " ".join(str(exc).split())
    chain, e = [], exc
    while e is not None and len(chain) < 10:
        chain.append(e)
        e = e.__cause__ or e.__context__
    if any(isinstance(c, ConnectionRefusedError) for c in chain) or "refused" in text.lower():
        return "koneksi ditolak / connection refused (is the server running, is the port right?)"
    if "looks like HTTP" in text:
        return "server menjawab HTTP, bukan Bolt / the server speaks HTTP, not Bolt (use the Bolt port, often 7687)"
    if any(isinstance(c, (TimeoutError, OSError)) and "timed out" in str(c) for c in chain) or \
            "deadline" in text.lower() or "timed out" in text.lower():
        if timeout:
            return f"tidak menjawab dalam {timeout:g} s / no Bolt answer within {timeout:g} s"
        return "tidak menjawab tepat waktu / no Bolt answer in time"
    if "routing information" in text:
        return ("info routing tidak didapat / no routing information (server down, not answering, or not a "
                "cluster member)")
    if "handshake" in text.lower():
        return "jabat tangan Bolt gagal / Bolt handshake failed (not a Neo4j server?)"
    return text[:200] or "unavailable"


def connection_error(exc: Exception, uri: str = "", database: str = "",
                     timeout: float | None = None) -> Neo4jConnectionError | None:
    """The one-line reason for a driver error that means "this server/database cannot be used", else None."""
    where = f" at {uri}" if uri else ""
    if isinstance(exc, nx4j.AuthError):
        return Neo4jConnectionError(f"Neo4j{where} refused the credentials (wrong user or password)")
    if isinstance(exc, (nx4j.ServiceUnavailable, nx4j.SessionExpired)):
        return Neo4jConnectionError(f"cannot connect to Neo4j{where}: {_reason(exc, timeout)}")
    code = getattr(exc, "code", "") or ""
    if code.endswith("DatabaseNotFound") or "database does not exist" in str(exc).lower():
        return Neo4jConnectionError(f"database {database!r} does not exist on Neo4j{where}")
    if isinstance(exc, nx4j.ConfigurationError):
        return Neo4jConnectionError(f"cannot use Neo4j{where}: {exc}")
    return None


def push(ds: Dataset, driver: Driver, database: str = "neo4j", dataset: str | None = None,
         batch_size: int = 5000, progress: Progress | None = None) -> PushResult:
    """Make dataset `dataset` (default: the cascade's name) in `database` exactly the cascade `ds` (a
    Dataset from pohon.load.load_dataset); see the module doc."""
    t0 = time.monotonic()
    name = check_dataset_name(dataset or ds.name or "")
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    rows = dataset_rows(ds)
    try:
        _ensure_schema(driver, database, sorted(rows.nodes))
        cleaned = drop_staging(driver, database, name)
    except nx4j.Neo4jError as e:
        raise connection_error(e, database=database) or Neo4jError(f"Neo4j: {_one_line(e)}") from e
    except nx4j.DriverError as e:
        raise connection_error(e, database=database) or Neo4jError(f"Neo4j driver: {_one_line(e)}") from e

    staging = f"{name}{STAGING_MARK}{uuid.uuid4().hex[:12]}"
    retired = f"{name}{STAGING_MARK}{uuid.uuid4().hex[:12]}"
    written_nodes = sum(rows.node_counts().values())
    written_rels = sum(rows.rel_counts().values())
    try:
        _write(driver, database, staging, rows, batch_size, progress)
        with driver.session(database=database) as session:
            prev_nodes, prev_rels = session.execute_write(
                _switch, name, staging, retired, rows.node_counts(), rows.rel_counts())
    except BaseException as e:
        lost = isinstance(e, (nx4j.ServiceUnavailable, nx4j.SessionExpired))
        # server gone: a cleanup would only wait out the retries again; the next push removes the rows
        removed = False if lost else _drop_quietly(driver, database, staging)
        if isinstance(e, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        reason = connection_error(e, database=database)
        msg = (f"push of dataset {name!r} failed before the switch ({reason or _one_line(e)}); the previous "
               f"version of {name!r} is unchanged; staged rows "
               + ("removed" if removed else f"left under {staging!r} (removed by the next push)"))
        raise PushFailed(msg, name, staging, removed) from e
    retired_left = "" if not (prev_nodes or prev_rels) or _drop_quietly(driver, database, retired) else retired
    return PushResult(
        dataset=name, database=database, nodes=rows.node_counts(), relationships=rows.rel_counts(),
        written_nodes=written_nodes, written_relationships=written_rels,
        previous_nodes=prev_nodes, previous_relationships=prev_rels,
        seconds=time.monotonic() - t0, staging_cleaned=cleaned, retired_left=retired_left)


def dataset_counts(driver: Driver, database: str, dataset: str) -> tuple[dict[str, int], dict[str, int]]:
    """(nodes per label, relationships per type) of one dataset as stored."""
    with driver.session(database=database) as session:
        return session.execute_read(_counts, dataset)


def drop_staging(driver: Driver, database: str, dataset: str) -> list[str]:
    """Delete the staged rows interrupted pushes of `dataset` left behind; returns their staging names."""
    prefix = dataset + STAGING_MARK
    with driver.session(database=database) as session:
        labels = session.execute_read(_labels)
        names = set()
        for label in labels:
            names |= {r["d"] for r in session.run(staging_leftovers(label), prefix=prefix)}
    for staging in sorted(names):
        _drop_dataset(driver, database, staging)
    return sorted(names)


# ---------------------------------------------------------------- internals
def _one_line(e: BaseException) -> str:
    text = getattr(e, "message", None) or str(e) or type(e).__name__
    return text.strip().splitlines()[0]


def _ensure_schema(driver: Driver, database: str, labels) -> None:
    with driver.session(database=database) as session:
        for stmt in schema_statements(labels):
            session.run(stmt.rstrip(";")).consume()
        session.run(AWAIT_INDEXES).consume()


def _labels(tx: ManagedTransaction) -> list[str]:
    """The database's labels but Pohon (every pohon node has it besides its own), in drop order."""
    return drop_order(r["label"] for r in tx.run(LABELS_QUERY))


def _counts(tx: ManagedTransaction, dataset: str) -> tuple[dict[str, int], dict[str, int]]:
    nodes, rels = {}, defaultdict(int)
    for label in _labels(tx):
        n = tx.run(node_count(label), ds=dataset).single()["c"]
        if n:
            nodes[label] = n
        for r in tx.run(rel_count(label), ds=dataset):
            rels[r["t"]] += r["c"]
    return dict(sorted(nodes.items())), dict(sorted(rels.items()))


def _write(driver: Driver, database: str, staging: str, rows: Rows, batch_size: int,
           progress: Progress | None) -> None:
    total = rows.total()
    done = 0
    work = [(node_create(label), node_batch_present(label), part) for label, part in rows.nodes.items()]
    work += [(rel_create(*k), rel_batch_present(*k), part) for k, part in rows.rels.items()]
    with driver.session(database=database) as session:
        for create, present, part in work:
            for batch in batches(part.items(), batch_size):
                _write_batch(session, create, present, staging, batch)
                done += sum(map(row_items, batch))
                if progress:
                    progress(done, total)


def _write_batch(session, create: str, present: str, staging: str, batch: list[dict]) -> None:
    """One batch in its own write transaction."""
    session.execute_write(_batch_work(create, present, staging, batch))


def _batch_work(create: str, present: str, staging: str, batch: list[dict]):
    """The transaction function of one batch. The driver runs it again when a transaction fails in a way
    it retries, which includes a commit whose acknowledgement was lost (it may have been stored): so from
    the second run on it first counts the batch's rows already in the staging: all of them, done; none,
    write them; some, fail (a batch is one transaction: that cannot come from a retry)."""
    runs = []
    want = sum(map(row_items, batch))

    def work(tx: ManagedTransaction) -> None:
        runs.append(1)
        if len(runs) > 1:
            have = tx.run(present, ds=staging, rows=batch).single()["c"]
            if have == want:
                return
            if have:
                raise Neo4jError(f"a retried batch is stored in part ({have} of {want} items)")
        c = tx.run(create, ds=staging, rows=batch).single()["c"]
        if c != want:  # a relationship whose end nodes are missing would vanish silently otherwise
            raise Neo4jError(f"batch wrote {c} of {want} items (missing end nodes?)")

    return work


def _switch(tx: ManagedTransaction, name: str, staging: str, retired: str, want_nodes: dict,
            want_rels: dict) -> tuple[int, int]:
    """The one transaction that makes the staged version live. Raises (and so rolls back) on any doubt.
    The live version is renamed to `retired` (deleted by the caller after the commit), not deleted here."""
    got_nodes, got_rels = _counts(tx, staging)
    if got_nodes != want_nodes or got_rels != want_rels:
        raise Neo4jError(f"staged counts differ from the rows written (staged {got_nodes} / {got_rels}, "
                         f"expected {want_nodes} / {want_rels}); another push of the same dataset?")
    prev_nodes, prev_rels = _counts(tx, name)
    for label in prev_nodes:
        tx.run(staging_rename(label), ds=name, name=retired).consume()
    for label in want_nodes:
        tx.run(staging_rename(label), ds=staging, name=name).consume()
    return sum(prev_nodes.values()), sum(prev_rels.values())


def _drop_dataset(driver: Driver, database: str, dataset: str, batch: int = 5000) -> None:
    """Delete every node (and so relationship) of `dataset`, in batches, outside any big transaction."""
    with driver.session(database=database) as session:
        for label in session.execute_read(_labels):
            q = drop_batch(label)
            while True:
                c = session.execute_write(lambda tx: tx.run(q, ds=dataset, batch=batch).single()["c"])
                if c == 0:
                    break


def _drop_quietly(driver: Driver, database: str, staging: str) -> bool:
    try:
        _drop_dataset(driver, database, staging)
        return True
    except Exception:
        return False


def drop_dataset(driver: Driver, database: str, dataset: str) -> None:
    """Delete one dataset (in batches; not atomic). Other datasets are untouched."""
    _drop_dataset(driver, database, check_dataset_name(dataset))
