"""Benchmark (not a test): `pohon neo4j push` throughput vs LOAD CSV of the same data on the same server,
and what the push costs in Python beside the graph-based rows it replaced.

    scripts/neo4j-server run -- python benchmarks/neo4j_push.py [--komponen 100000] [--data DIR]

Writes (or reuses, in --work) the cascade `pohon synth --agencies 10 --komponen N` writes (or takes --data),
warms the server up with a push and a LOAD CSV of a tenth of it (untimed), pushes it with
pohon.exporters.neo4j.push (staged + final switch), then writes node/relationship CSVs into the server's
import dir and loads them with LOAD CSV ... CALL { } IN TRANSACTIONS into another dataset, and prints both
rates (nodes+relationships per second) and the ratio. Then, without the server, in a fresh process each:
the rows the push writes read off the tables (pohon.exporters.neo4j.rows, today) against the same rows read
off the whole networkx graph (build_graph + tests/neo4j/graph_rows.py, the push before issue 15): wall time
and peak RSS, load included, side by side.
Needs NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD and POHON_NEO4J_CONN (for the import dir), as the script sets.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from neo4j import GraphDatabase  # noqa: E402

from pohon.exporters.cypher_script import cypher_script  # noqa: E402
from pohon.exporters.neo4j.push import dataset_counts, drop_dataset, push  # noqa: E402
from pohon.exporters.neo4j.rows import Rows, dataset_rows  # noqa: E402
from pohon.load import load_dataset  # noqa: E402
from pohon.synth import synthesize  # noqa: E402


def cascade(work: Path, komponen: int, agencies: int) -> Path:
    folder = work / f"synth-{komponen}-a{agencies}"
    if not (folder / "komponen.csv").exists():
        synthesize(folder, agencies=agencies, seed=0, komponen_target=komponen)
    return folder


def write_csvs(rows: Rows, import_dir: Path) -> tuple[list[tuple[str, str, list[str]]], list]:
    """The model's rows (as the push writes them) as one CSV per label and per (type, from, to)."""
    node_files, rel_files = [], []
    for label, part in rows.nodes.items():
        keys = sorted({"id", *part.columns()})
        name = f"bench_nodes_{label}.csv"
        with open(import_dir / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(keys)
            for r in part.items():
                w.writerow([";".join(map(str, v)) if isinstance(v, list) else v for v in
                            (r["props"].get(k) for k in keys)])
        node_files.append((label, name, keys))
    for (t, a, b), part in rows.rels.items():
        keys = sorted(part.columns())
        name = f"bench_rels_{t}_{a}_{b}.csv"
        with open(import_dir / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["src", "dst", *keys])
            for r in part.flat():
                w.writerow([r["src"], r["dst"], *(r["props"].get(k) for k in keys)])
        rel_files.append((t, a, b, name, keys))
    return node_files, rel_files


FLOATS = ("nilai",)
INTS = ("baris", "tahun")


def _expr(k: str) -> str:
    expr = f"row.`{k}`"
    if k.startswith(FLOATS):
        return f"toFloat({expr})"
    if k in INTS:
        return f"toInteger({expr})"
    if k == "bintang":
        return f"{expr} = 'True'"
    if k in ("unitTypes", "penanggungJawab"):
        return f"split({expr}, ';')"
    return expr


def load_csv(driver, database, node_files, rel_files, ds: str) -> None:
    """LOAD CSV of the same rows into a fresh dataset, CREATE as the push does, 5000 rows a transaction."""
    with driver.session(database=database) as s:
        for label, name, keys in node_files:
            sets = ", ".join(f"n.`{k}` = {_expr(k)}" for k in keys if k != "id")
            s.run(f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row CALL (row) {{ "
                  f"CREATE (n:Pohon:`{label}` {{dataset: $ds, id: row.id}}) SET {sets} }} "
                  "IN TRANSACTIONS OF 5000 ROWS", ds=ds).consume()
        for t, a, b, name, keys in rel_files:
            sets = (" SET " + ", ".join(f"r.`{k}` = {_expr(k)}" for k in keys)) if keys else ""
            s.run(f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row CALL (row) {{ "
                  f"MATCH (x:Pohon:`{a}` {{dataset: $ds, id: row.src}}) "
                  f"MATCH (y:Pohon:`{b}` {{dataset: $ds, id: row.dst}}) "
                  f"CREATE (x)-[r:`{t}`]->(y){sets} }} IN TRANSACTIONS OF 5000 ROWS", ds=ds).consume()


def run_cypher_shell(ds, name: str, database: str, work: Path) -> float:
    """`pohon export cypher` of `ds` run by the real cypher-shell (scripts/neo4j-server cypher-shell)."""
    script = work / "bench.cypher"
    script.write_text(cypher_script(ds, name), encoding="utf-8")
    cmd = [sys.executable, str(REPO / "scripts" / "neo4j-server"), "cypher-shell", "-a", os.environ["NEO4J_URI"],
           "-u", os.environ["NEO4J_USER"], "-d", database, "--format", "plain", "--fail-fast", "-f", str(script)]
    t = time.monotonic()
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    took = time.monotonic() - t
    if proc.returncode:
        raise SystemExit(f"cypher-shell failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return took


# The rows a push writes, made and read whole (every batch's dicts) in a fresh process: its wall time and
# peak RSS. `graph`: the way before issue 15 (the whole networkx graph, then rows read off it).
ROWS_CHILD = """
import resource, sys, time
sys.path[:0] = [{src!r}, {repo!r}]
t = time.monotonic()
from pohon.load import load_dataset
ds = load_dataset({folder!r})
if {graph!r}:
    from pohon.graph import build_graph
    from tests.neo4j.graph_rows import graph_rows
    from pohon.exporters.neo4j.rows import batches
    rows = graph_rows(build_graph(ds))
    n = sum(len(b) for items in [*rows.nodes.values(), *rows.rels.values()] for b in batches(iter(items), 5000))
else:
    from pohon.exporters.neo4j.rows import batches, dataset_rows
    rows = dataset_rows(ds)
    n = sum(len(b) for _, part in rows.parts() for b in batches(part.items(), 5000))
print(n, time.monotonic() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def rows_cost(folder: Path, graph: bool) -> tuple[float, float]:
    code = ROWS_CHILD.format(src=str(REPO / "src"), repo=str(REPO), folder=str(folder), graph=graph)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[1]), float(out[2])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--komponen", type=int, default=100_000)
    ap.add_argument("--agencies", type=int, default=10)
    ap.add_argument("--data", type=Path, help="push this cascade instead of a synthetic one")
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-neo4j-push"))
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--cypher-shell", action="store_true",
                    help="also run `pohon export cypher`'s script through the real cypher-shell")
    args = ap.parse_args()
    conn = {}
    for line in Path(os.environ["POHON_NEO4J_CONN"]).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            conn[k] = v
    import_dir = Path(conn["NEO4J_IMPORT_DIR"])
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    args.work.mkdir(parents=True, exist_ok=True)
    folder = args.data or cascade(args.work, args.komponen, args.agencies)
    t = time.monotonic()
    ds = load_dataset(folder)
    rows = dataset_rows(ds)
    n, m = sum(rows.node_counts().values()), sum(rows.rel_counts().values())
    print(f"{folder}: {ds.tables['komponen'].height} komponen -> model: {n} nodes, {m} relationships "
          f"(loaded and counted in {time.monotonic() - t:.1f}s)")
    datasets = ("bench-push", "bench-loadcsv", "bench-warmup", "bench-warmup-csv", "bench-shell")
    with GraphDatabase.driver(os.environ["NEO4J_URI"],
                              auth=(os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])) as driver:
        for name in datasets:
            drop_dataset(driver, database, name)
        # Warm-up, not timed: the server's JIT and query caches start cold; without this the first method
        # measured (the push) pays for it and the second (LOAD CSV) does not (measured: the first push's
        # writes 11.2 s, the same writes again 3.3 s, at 60k items).
        t = time.monotonic()
        small = load_dataset(cascade(args.work, max(1000, args.komponen // 10), 1))
        push(small, driver, database, "bench-warmup", batch_size=args.batch_size)
        push(small, driver, database, "bench-warmup", batch_size=args.batch_size)
        files = write_csvs(dataset_rows(small), import_dir)
        load_csv(driver, database, *files, "bench-warmup-csv")
        for name in ("bench-warmup", "bench-warmup-csv"):
            drop_dataset(driver, database, name)
        print(f"warm-up (push twice + LOAD CSV of a tenth, untimed): {time.monotonic() - t:.1f}s")
        t = time.monotonic()
        result = push(ds, driver, database, "bench-push", batch_size=args.batch_size)
        push_s = time.monotonic() - t
        assert result.total_nodes == n and result.total_relationships == m
        t = time.monotonic()
        node_files, rel_files = write_csvs(rows, import_dir)
        csv_s = time.monotonic() - t
        t = time.monotonic()
        load_csv(driver, database, node_files, rel_files, "bench-loadcsv")
        load_s = time.monotonic() - t
        got = dataset_counts(driver, database, "bench-loadcsv")
        assert sum(got[0].values()) == n and sum(got[1].values()) == m, got
        drop_dataset(driver, database, "bench-loadcsv")
        t = time.monotonic()
        push(ds, driver, database, "bench-push", batch_size=args.batch_size)
        repush_s = time.monotonic() - t
        items = n + m
        print(f"push (staged, then one switch transaction): {push_s:7.1f}s  {items / push_s:9.0f} items/s")
        print(f"re-push over the existing version:          {repush_s:7.1f}s  {items / repush_s:9.0f} items/s")
        print(f"LOAD CSV (CREATE, IN TRANSACTIONS OF 5000): {load_s:7.1f}s  {items / load_s:9.0f} items/s"
              f"  (+{csv_s:.1f}s writing the CSVs)")
        print(f"ratio push/LOAD CSV throughput: {load_s / push_s:.2f}")
        if args.cypher_shell:
            with tempfile.TemporaryDirectory() as work:
                shell_s = run_cypher_shell(ds, "bench-shell", database, Path(work))
            got = dataset_counts(driver, database, "bench-shell")
            assert sum(got[0].values()) == n and sum(got[1].values()) == m, got
            drop_dataset(driver, database, "bench-shell")
            print(f"cypher-shell -f (pohon export cypher):      {shell_s:7.1f}s  {items / shell_s:9.0f} items/s"
                  f"  ({shell_s / push_s:.2f}x the push; target <= 2x)")
    graph_s, graph_mb = rows_cost(folder, graph=True)
    table_s, table_mb = rows_cost(folder, graph=False)
    print("the push's rows in Python (load, make, every batch's dicts; a fresh process each, no server):")
    print(f"  from the tables (today):           {table_s:6.1f}s  peak RSS {table_mb:6.0f} MB")
    print(f"  from the whole graph (before):     {graph_s:6.1f}s  peak RSS {graph_mb:6.0f} MB"
          f"  ({graph_s / table_s:.1f}x the time, {graph_mb / table_mb:.1f}x the memory)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
