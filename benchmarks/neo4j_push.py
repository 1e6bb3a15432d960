"""Benchmark (not a test): `pohon neo4j push` throughput vs LOAD CSV of the same data on the same server.

    scripts/neo4j-server run -- python benchmarks/neo4j_push.py [--units 5100]

Builds a synthetic cascade following docs/ARCHITECTURE.md (SS, Tujuan, SP, IK, Unit, SK, IKK, Komponen,
Kelompok with the contract's edges), warms the server up with a push and a LOAD CSV of a tenth of it (untimed),
pushes it with pohon.exporters.neo4j.push (staged + final switch), then
writes node/relationship CSVs into the server's import dir and loads them with LOAD CSV ... CALL { } IN
TRANSACTIONS into another dataset, and prints both rates (nodes+relationships per second) and the ratio.
Needs NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD and POHON_NEO4J_CONN (for the import dir), as the script sets.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from neo4j import GraphDatabase  # noqa: E402

from pohon.exporters.cypher_script import cypher_script  # noqa: E402
from pohon.exporters.neo4j import model  # noqa: E402
from pohon.exporters.neo4j.model import graph_rows  # noqa: E402
from pohon.exporters.neo4j.push import dataset_counts, drop_dataset, push  # noqa: E402

YEARS = (2021, 2022, 2023, 2024)


def synthetic(units: int, seed: int = 7) -> nx.DiGraph:
    rnd = random.Random(seed)
    g = nx.DiGraph(dataset="bench", years=list(YEARS))

    def add(nid, kind, kode, **a):
        g.add_node(nid, kind=kind, kode=kode, nama=f"{kind} {kode} nama panjang", baris=rnd.randint(1, 9999),
                   file=f"{kind.lower()}.csv", **a)

    add("Kelompok:TOTAL", "Kelompok", "TOTAL", **{f"pagu_{y}": 1e6 for y in YEARS})
    for k in ("UPT", "SET", "PUSAT"):
        add(f"Kelompok:{k}", "Kelompok", k, **{f"pagu_{y}": 1e5 for y in YEARS})
        g.add_edge(f"Kelompok:{k}", "Kelompok:TOTAL", rel="PART_OF")
    iks = []
    for t in range(1, 5):
        add(f"Tujuan:T{t}", "Tujuan", f"T{t}", satuan="%", **{f"target_{y}": 50.0 + y % 10 for y in YEARS})
    for s in range(1, 10):
        add(f"SS:ss{s}", "SS", "")
        add(f"SP:SP{s}", "SP", f"SP{s}", program="Program")
        g.add_edge(f"SS:ss{s}", f"SP:SP{s}", rel="CASCADES_TO")
        for c in "abcdefghij":
            t = 1 + s % 4
            ik = f"IK:T{t}/SP{s}/{c}"
            add(ik, "IK", f"T{t}/SP{s}/{c}", tujuan=f"T{t}", sp=f"SP{s}", perspektif="Customer", satuan="%",
                kategori="UKE-2", klasifikasi="Maksimasi", unit_terkait="Seluruh Balai", unit_types=["BSPJI"],
                penanggung_jawab=["BALAI: Seluruh Balai"], **{f"target_{y}": float(y - 2000) for y in YEARS})
            g.add_edge(f"SP:SP{s}", ik, rel="HAS_IK")
            g.add_edge(f"Tujuan:T{t}", ik, rel="HAS_IK")
            iks.append(ik)
    for u in range(units):
        uid = f"Unit:U{u}"
        add(uid, "Unit", f"U{u}", tipe="BSPJI", kelompok="UPT", **{f"pagu_{y}": 1000.0 for y in YEARS})
        g.add_edge(uid, "Kelompok:UPT", rel="COUNTED_IN")
        for ik in rnd.sample(iks, 3):
            g.add_edge(ik, uid, rel="CARRIED_BY")
        for s in range(1, 4):
            sk = f"SK:U{u}:SK.{s}"
            add(sk, "SK", f"SK.{s}", unit=f"U{u}", sp=f"SP{s}")
            g.add_edge(uid, sk, rel="HAS_SK")
            for i in range(1, 4):
                ikk = f"IKK:U{u}:SK.{s}.{i}"
                add(ikk, "IKK", f"SK.{s}.{i}", unit=f"U{u}", sk=f"SK.{s}", satuan="%", ik="", catatan="",
                    **{f"target_{y}": 1.0 for y in YEARS})
                g.add_edge(sk, ikk, rel="HAS_IKK")
                g.add_edge(ikk, rnd.choice(iks), rel="CASCADES_TO")
                for c in "ABC":
                    kid = f"Komponen:U{u}:SK.{s}.{i}:{c}"
                    add(kid, "Komponen", c, unit=f"U{u}", ikk=f"SK.{s}.{i}", bintang=False,
                        **{f"anggaran_{y}": round(rnd.uniform(1, 500), 2) for y in YEARS})
                    g.add_edge(ikk, kid, rel="HAS_KOMPONEN")
    return g


def write_csvs(g: nx.DiGraph, import_dir: Path) -> tuple[list[tuple[str, str, list[str]]], list]:
    """The model's rows (graph_rows, as the push writes them) as one CSV per label and per (type, from, to)."""
    rows = graph_rows(g)
    node_files, rel_files = [], []
    for label, items in rows.nodes.items():
        keys = sorted({k for r in items for k in r["props"]})
        name = f"bench_nodes_{label}.csv"
        with open(import_dir / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(keys)
            for r in items:
                w.writerow([";".join(map(str, v)) if isinstance(v, list) else v for v in
                            (r["props"].get(k) for k in keys)])
        node_files.append((label, name, keys))
    for (t, a, b), items in rows.rels.items():
        keys = sorted({k for r in items for k in r["props"]})
        name = f"bench_rels_{t}_{a}_{b}.csv"
        with open(import_dir / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["src", "dst", *keys])
            for r in items:
                w.writerow([r["src"], r["dst"], *(r["props"].get(k) for k in keys)])
        rel_files.append((t, a, b, name, keys))
    return node_files, rel_files


FLOATS = ("target", "pagu", "anggaran", "nilai")  # target2021 etc. only with --flat-years
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


def run_cypher_shell(g: nx.DiGraph, ds: str, database: str, work: Path) -> float:
    """`pohon export cypher` of `g` run by the real cypher-shell (scripts/neo4j-server cypher-shell)."""
    script = work / "bench.cypher"
    script.write_text(cypher_script(g, ds), encoding="utf-8")
    cmd = [sys.executable, str(REPO / "scripts" / "neo4j-server"), "cypher-shell", "-a", os.environ["NEO4J_URI"],
           "-u", os.environ["NEO4J_USER"], "-d", database, "--format", "plain", "--fail-fast", "-f", str(script)]
    t = time.monotonic()
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    took = time.monotonic() - t
    if proc.returncode:
        raise SystemExit(f"cypher-shell failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return took


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=5100, help="5100 units -> ~204k graph nodes, ~265k edges")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--flat-years", action="store_true",
                    help="also push with the per-year values as node properties (the old model), for their cost")
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
    t = time.monotonic()
    g = synthetic(args.units)
    rows = graph_rows(g)
    n, m = sum(rows.node_counts().values()), sum(rows.rel_counts().values())
    print(f"synthetic graph: {g.number_of_nodes()} graph nodes, {g.number_of_edges()} edges -> model: {n} nodes, "
          f"{m} relationships (built in {time.monotonic() - t:.1f}s)")
    datasets = ("bench-push", "bench-loadcsv", "bench-warmup", "bench-warmup-csv", "bench-flat", "bench-shell")
    with GraphDatabase.driver(os.environ["NEO4J_URI"],
                              auth=(os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])) as driver:
        for ds in datasets:
            drop_dataset(driver, database, ds)
        # Warm-up, not timed: the server's JIT and query caches start cold; without this the first method
        # measured (the push) pays for it and the second (LOAD CSV) does not (measured: the first push's
        # writes 11.2 s, the same writes again 3.3 s, at --units 500).
        t = time.monotonic()
        small = synthetic(max(1, args.units // 10), seed=1)
        push(small, driver, database, "bench-warmup", batch_size=args.batch_size)
        push(small, driver, database, "bench-warmup", batch_size=args.batch_size)
        files = write_csvs(small, import_dir)
        load_csv(driver, database, *files, "bench-warmup-csv")
        for ds in ("bench-warmup", "bench-warmup-csv"):
            drop_dataset(driver, database, ds)
        print(f"warm-up (push twice + LOAD CSV of --units {max(1, args.units // 10)}, untimed): "
              f"{time.monotonic() - t:.1f}s")
        t = time.monotonic()
        result = push(g, driver, database, "bench-push", batch_size=args.batch_size)
        push_s = time.monotonic() - t
        assert result.total_nodes == n and result.total_relationships == m
        t = time.monotonic()
        node_files, rel_files = write_csvs(g, import_dir)
        csv_s = time.monotonic() - t
        t = time.monotonic()
        load_csv(driver, database, node_files, rel_files, "bench-loadcsv")
        load_s = time.monotonic() - t
        got = dataset_counts(driver, database, "bench-loadcsv")
        assert sum(got[0].values()) == n and sum(got[1].values()) == m, got
        drop_dataset(driver, database, "bench-loadcsv")
        t = time.monotonic()
        push(g, driver, database, "bench-push", batch_size=args.batch_size)
        repush_s = time.monotonic() - t
        items = n + m
        print(f"push (staged, then one switch transaction): {push_s:7.1f}s  {items / push_s:9.0f} items/s")
        print(f"re-push over the existing version:          {repush_s:7.1f}s  {items / repush_s:9.0f} items/s")
        print(f"LOAD CSV (CREATE, IN TRANSACTIONS OF 5000): {load_s:7.1f}s  {items / load_s:9.0f} items/s"
              f"  (+{csv_s:.1f}s writing the CSVs)")
        print(f"ratio push/LOAD CSV throughput: {load_s / push_s:.2f}")
        if args.flat_years:
            yearly, model._YEARLY_KEY = model._YEARLY_KEY, re.compile(r"(?!)")  # no key is per-year
            try:
                flat = graph_rows(g)
                f_items = sum(flat.node_counts().values()) + sum(flat.rel_counts().values())
                t = time.monotonic()
                push(g, driver, database, "bench-flat", batch_size=args.batch_size)
                flat_s = time.monotonic() - t
            finally:
                model._YEARLY_KEY = yearly
            drop_dataset(driver, database, "bench-flat")
            print(f"push, per-year values as node properties:  {flat_s:7.1f}s  ({f_items} items; the model's "
                  f"TARGET/PAGU/ANGGARAN relationships cost {push_s - flat_s:+.1f}s, {items - f_items} items)")
        if args.cypher_shell:
            with tempfile.TemporaryDirectory() as work:
                shell_s = run_cypher_shell(g, "bench-shell", database, Path(work))
            got = dataset_counts(driver, database, "bench-shell")
            assert sum(got[0].values()) == n and sum(got[1].values()) == m, got
            drop_dataset(driver, database, "bench-shell")
            print(f"cypher-shell -f (pohon export cypher):      {shell_s:7.1f}s  {items / shell_s:9.0f} items/s"
                  f"  ({shell_s / push_s:.2f}x the push; target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
