"""`pohon neo4j push`: write the cascade into a Neo4j database (read off the tables; no graph is built)."""
from __future__ import annotations

import os
import sys
import time

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, data_dir_argument, load_or_exit

EXIT_FAILED = 1


@main.group("neo4j")
def neo4j_group() -> None:
    """Neo4j: dorong pohon kinerja ke basis data graf / push the cascade into a graph database."""


@neo4j_group.command("push")
@data_dir_argument
@click.option("--uri", default=lambda: os.environ.get("NEO4J_URI", "bolt://localhost:7687"),
              show_default="$NEO4J_URI or bolt://localhost:7687", help="Bolt URI of the server.")
@click.option("--user", default=lambda: os.environ.get("NEO4J_USER", "neo4j"), show_default="$NEO4J_USER or neo4j")
@click.option("--database", default=lambda: os.environ.get("NEO4J_DATABASE", "neo4j"),
              show_default="$NEO4J_DATABASE or neo4j")
@click.option("--dataset", default=None, help="Dataset name (default: the data's own name).")
@click.option("--replace", is_flag=True, hidden=True,
              help="Accepted for old scripts; replacing is what every push does.")
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=lambda: os.environ.get("NEO4J_TIMEOUT", "10"),
              show_default="$NEO4J_TIMEOUT or 10",
              help="Batas tunggu / seconds to wait for the server (connect, Bolt handshake, retries of a batch).")
def push_cmd(data_dir, uri, user, database, dataset, replace, batch_size, timeout):  # noqa: ARG001 (replace: see its help)
    """Dorong DATA_DIR ke Neo4j sebagai satu dataset, secara atomik; dataset itu menjadi persis DATA_DIR.

    Push DATA_DIR (default: the bundled data/) into Neo4j as one dataset: afterwards the dataset holds
    exactly DATA_DIR's cascade (what the new data no longer has is removed); other datasets are untouched.
    The password is read from the
    environment variable NEO4J_PASSWORD only. The live version of the dataset changes in one final
    transaction; a failed push leaves it as it was. A server that does not answer is given up after
    --timeout seconds of the command starting (one line, exit 2). Exit 0 on success, 1 if the push failed, 2 on bad input
    or when the server/database cannot be used.
    """
    started = time.monotonic()  # --timeout counts from here: importing the driver can take seconds
    from neo4j import GraphDatabase

    from pohon.exporters.neo4j.model import GraphContractError
    from pohon.exporters.neo4j.push import (Neo4jConnectionError, Neo4jError, PushFailed, check_uri,
                                            connection_error, push)

    _quiet_driver()
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        _fail("NEO4J_PASSWORD is not set (the password is read from the environment only)", EXIT_BAD_INPUT)
    try:
        check_uri(uri)
    except Neo4jConnectionError as e:
        _fail(str(e), EXIT_BAD_INPUT)
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=timeout,
                                      connection_acquisition_timeout=timeout, max_transaction_retry_time=timeout)
    except Exception as e:  # malformed URI and the like
        _fail(f"cannot use Neo4j URI {uri!r}: {_line(e)}", EXIT_BAD_INPUT)
    try:
        with driver:
            budget = max(timeout - (time.monotonic() - started), 1.0)
            try:  # one query, no retries: connect, handshake, credentials, database - or one line
                with driver.session(database=database, connection_acquisition_timeout=budget) as s:
                    s.run("RETURN 1").consume()
            except Exception as e:
                err = connection_error(e, uri, database, timeout)
                _fail(str(err) if err else f"cannot use Neo4j at {uri}: {_line(e)}", EXIT_BAD_INPUT)
            ds = load_or_exit(data_dir)
            result = _push_with_bar(push, ds, driver, database, dataset, batch_size)
    except Neo4jConnectionError as e:
        _fail(str(e), EXIT_BAD_INPUT)
    except GraphContractError as e:
        _fail(str(e), EXIT_BAD_INPUT)
    except (PushFailed, Neo4jError) as e:
        _fail(str(e), EXIT_FAILED)
    verb = "replaced" if result.previous_nodes else "created"
    click.echo(f"dataset {result.dataset!r} {verb} in database {result.database!r} "
               f"({result.seconds:.1f}s): {result.total_nodes} nodes, {result.total_relationships} relationships")
    click.echo("nodes:")
    for label, n in result.nodes.items():
        click.echo(f"  {label:<14} {n:>8}")
    click.echo("relationships:")
    for t, n in result.relationships.items():
        click.echo(f"  {t:<14} {n:>8}")
    if result.previous_nodes:
        click.echo(f"previous version: {result.previous_nodes} nodes, {result.previous_relationships} relationships")
    if result.staging_cleaned:
        click.echo(f"removed leftovers of {len(result.staging_cleaned)} interrupted push(es)")
    sys.exit(EXIT_OK)


def _push_with_bar(push, ds, driver, database, dataset, batch_size):
    # click.progressbar draws only on a terminal (and prints just the label otherwise)
    if not sys.stderr.isatty():
        return push(ds, driver, database, dataset, batch_size=batch_size)
    with click.progressbar(length=1, label="pushing", file=sys.stderr) as bar:
        seen = [0]

        def progress(done, of):
            bar.length = of
            bar.update(done - seen[0])
            seen[0] = done

        return push(ds, driver, database, dataset, batch_size=batch_size, progress=progress)


def _quiet_driver() -> None:
    """The driver logs retries and dead connections (WARNING, on stderr through logging's last resort) and
    warns about preview features; the CLI says what went wrong in its own one line instead."""
    import logging
    import warnings
    log = logging.getLogger("neo4j")
    log.addHandler(logging.NullHandler())
    log.propagate = False
    warnings.filterwarnings("ignore", module=r"neo4j(\.|$)")


def _line(e: BaseException) -> str:
    text = getattr(e, "message", None) or str(e) or type(e).__name__
    return text.strip().splitlines()[0]


def _fail(message: str, code: int):
    click.echo(f"pohon neo4j: {message}", err=True)
    sys.exit(code)
