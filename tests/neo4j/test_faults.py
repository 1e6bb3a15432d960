"""A server that dies in the middle of `pohon neo4j push`: one line, no driver log lines, in time, and the
live version of the dataset as it was. The server "dies" behind a TCP proxy that cuts every connection
and stops listening after a given number of bytes from the client."""
from __future__ import annotations

import socket
import threading
import time
from urllib.parse import urlparse

from pohon.graph import load_graph
from tests.fixtures import CLEAN
from tests.neo4j.helpers import REPO, canonical_dump, expected_dump
from tests.test_cli_neo4j_faults import run_cli

REVISION = REPO / "tests" / "fixtures" / "revision"


class Proxy:
    """127.0.0.1:<port> -> the real server; counts client bytes; after `cut_after` of them, dies."""

    def __init__(self, target: tuple[str, int], cut_after: int | None = None):
        self.target, self.cut_after, self.sent = target, cut_after, 0
        self.lock, self.socks, self.dead = threading.Lock(), [], threading.Event()
        self.died_at = None
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.dead.is_set():
            try:
                c, _ = self.listener.accept()
            except OSError:
                return
            u = socket.create_connection(self.target)
            with self.lock:
                self.socks += [c, u]
            threading.Thread(target=self._pump, args=(c, u, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(u, c, False), daemon=True).start()

    def _pump(self, src, dst, from_client):
        try:
            while data := src.recv(65536):
                if from_client:
                    with self.lock:
                        self.sent += len(data)
                        if self.cut_after is not None and self.sent > self.cut_after:
                            self.die()
                            return
                dst.sendall(data)
        except OSError:
            pass

    def die(self):
        if self.died_at is None:
            self.died_at = time.monotonic()
        self.dead.set()
        try:
            self.listener.close()
        except OSError:
            pass
        for s in self.socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def cli_push(folder, port, user, password, dataset):
    return run_cli(["neo4j", "push", str(folder), "--uri", f"bolt://127.0.0.1:{port}", "--user", user,
                    "--dataset", dataset, "--batch-size", "5", "--timeout", "3"], {"NEO4J_PASSWORD": password})


def test_server_dying_mid_push_is_one_line_without_driver_logs(neo4j_conn, driver, database, dsname):
    u = urlparse(neo4j_conn["NEO4J_URI"])
    user, pw = neo4j_conn["NEO4J_USER"], neo4j_conn["NEO4J_PASSWORD"]
    whole = Proxy((u.hostname, u.port))
    r, _ = cli_push(CLEAN, whole.port, user, pw, dsname)  # the first version, and the size of a push
    whole.die()
    assert r.exit_code == 0, r.output
    before = canonical_dump(driver, database, dsname)
    assert before == expected_dump(load_graph(CLEAN), dsname)

    cut = Proxy((u.hostname, u.port), cut_after=whole.sent // 2)
    r, took = cli_push(REVISION, cut.port, user, pw, dsname)
    after_death = time.monotonic() - cut.died_at
    cut.die()
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert r.exit_code == 1, r.output  # the push failed (not bad input)
    assert len(lines) == 1 and "Traceback" not in r.output and pw not in r.output, r.output
    assert "unchanged" in lines[0] and "cannot connect" in lines[0], lines[0]
    assert after_death < 10, (after_death, took)  # --timeout 3 bounds the driver's retries
    assert canonical_dump(driver, database, dsname) == before  # the live version as it was
