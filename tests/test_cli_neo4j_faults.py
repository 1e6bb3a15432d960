"""`pohon neo4j push` against servers that cannot be used, no Neo4j needed: one line, exit 2, in time.

A closed local port (refused), a port that accepts and never answers (a hung server: the --timeout /
$NEO4J_TIMEOUT budget), a port that answers HTTP, and URIs that are not Bolt at all."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

from pohon.exporters.neo4j.push import BOLT_SCHEMES
from tests.fixtures import CLEAN

SRC = Path(__file__).resolve().parents[1] / "src"


class Result(NamedTuple):
    exit_code: int
    output: str


@contextmanager
def fake_server(mode: str):
    """A local port: "closed" (nothing listens), "silent" (accepts, never answers), "http" (answers HTTP)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    if mode == "closed":
        s.close()
        yield port
        return
    s.listen(16)
    conns, stop = [], threading.Event()

    def serve():
        s.settimeout(0.2)
        while not stop.is_set():
            try:
                c, _ = s.accept()
            except OSError:
                continue
            conns.append(c)
            if mode == "http":
                c.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        yield port
    finally:
        stop.set()
        t.join()
        for c in conns:
            c.close()
        s.close()


def run_cli(args, env=None) -> tuple[Result, float]:
    """The CLI in its own process, as on a terminal: what the driver logs (through logging's last resort,
    which pytest's log capture would swallow in-process) shows up in the output here."""
    full = {k: v for k, v in os.environ.items() if k != "NEO4J_TIMEOUT"}
    full.update({"PYTHONPATH": str(SRC), "NEO4J_PASSWORD": "secret-pw", **(env or {})})
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-c", "from pohon.cli import main; main()", *args], env=full,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    return Result(p.returncode, p.stdout + p.stderr), time.monotonic() - t0


def push(args, env=None):
    return run_cli(["neo4j", "push", str(CLEAN), "--dataset", "x", *args], env)


def one_line(r) -> str:
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert r.exit_code == 2, r.output
    assert len(lines) == 1 and "Traceback" not in r.output and "secret-pw" not in r.output, r.output
    return lines[0]


@pytest.mark.parametrize("how", ["option", "env"])
def test_hung_server_is_given_up_after_the_timeout(how):
    with fake_server("silent") as port:
        args, env = ([f"--uri=bolt://127.0.0.1:{port}"], {})
        if how == "option":
            args.append("--timeout=2")
        else:
            env["NEO4J_TIMEOUT"] = "2"
        r, took = push(args, env)
    line = one_line(r)
    assert "cannot connect" in line and "2 s" in line, line
    assert 1.5 < took < 9, took  # waited for the answer, then gave up (not the driver's 60 s)


def test_hung_server_default_timeout_is_10_s():
    with fake_server("silent") as port:
        r, took = push([f"--uri=bolt://127.0.0.1:{port}"])
    assert "10 s" in one_line(r)
    assert took < 15, took  # 10 s from the command's start, plus starting Python


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_closed_port_is_one_line_at_once(scheme):
    with fake_server("closed") as port:
        r, took = push([f"--uri={scheme}://127.0.0.1:{port}"])
    line = one_line(r)
    assert "cannot connect" in line and f"127.0.0.1:{port}" in line
    assert took < 10, took


def test_http_port_behind_a_bolt_uri_says_so():
    with fake_server("http") as port:
        r, took = push([f"--uri=bolt://127.0.0.1:{port}"])
    assert "HTTP, not Bolt" in one_line(r)
    assert took < 10, took


@pytest.mark.parametrize("uri", ["http://localhost:7474", "https://u:pw-in-uri@db.example:7473",
                                 "localhost:7687", "ftp://x"])
def test_non_bolt_uri_is_refused_naming_the_schemes_that_work(uri):
    r, took = push([f"--uri={uri}"])
    line = one_line(r)
    assert "not a Bolt URI" in line and ", ".join(BOLT_SCHEMES) in line, line
    assert "pw-in-uri" not in line
    assert BOLT_SCHEMES == ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
    assert took < 10


def test_bad_timeout_is_a_usage_error():
    r, _ = push(["--uri=bolt://127.0.0.1:1", "--timeout=0"])
    assert r.exit_code == 2 and "Traceback" not in r.output
