"""Benchmark (not a test): every cypher/<rule-id>.cypher on the 100k-komponen synthetic cascade, beside the
Python rule on the same data.

    scripts/neo4j-server run -- python benchmarks/neo4j_checks.py [--komponen 100000] [--repeat 3]

Writes (or reuses, in --work) the cascade `pohon synth --agencies 10 --komponen 100000` writes, pushes it
with `pohon neo4j push` (timed), then runs each rule's .cypher file --repeat times (after one untimed run
that warms the plan cache) and prints the median beside the Python rule's time (run_checks with that rule
on the loaded Dataset) and both finding counts. Target: each check <= 2 s.
"""
from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from neo4j import GraphDatabase  # noqa: E402

from pohon.checks import all_rules, run_checks  # noqa: E402
from pohon.exporters.neo4j.push import push  # noqa: E402
from pohon.graph import build_graph  # noqa: E402
from pohon.load import load_dataset  # noqa: E402
from pohon.synth import synthesize  # noqa: E402

CYPHER = REPO / "cypher"
LEXICON = REPO / "src" / "pohon" / "checks" / "lexicon" / "output_words.csv"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--komponen", type=int, default=100_000)
    ap.add_argument("--agencies", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-neo4j-checks"))
    ap.add_argument("--push", action="store_true", help="push again even if dataset bench-checks exists")
    args = ap.parse_args()
    folder = args.work / f"synth-{args.komponen}"
    if not (folder / "komponen.csv").exists():
        synthesize(folder, agencies=args.agencies, seed=0, komponen_target=args.komponen)
    ds = load_dataset(folder)
    g = build_graph(ds)
    years = list(g.graph["years"])
    with open(LEXICON, encoding="utf-8") as f:
        lexicon = [{k: row[k] for k in ("pattern", "field", "kind")} for row in csv.DictReader(f)]
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    print(f"synthetic cascade: {g.number_of_nodes()} graph nodes, {g.number_of_edges()} edges "
          f"({sum(1 for _, a in g.nodes(data=True) if a['kind'] == 'Komponen')} komponen)")
    with GraphDatabase.driver(os.environ["NEO4J_URI"],
                              auth=(os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])) as driver:
        if not driver.execute_query("MATCH (n:Komponen {dataset: 'bench-checks'}) RETURN count(n) AS c",
                                    database_=database).records[0]["c"] or args.push:
            t = time.monotonic()
            result = push(g, driver, database, "bench-checks")
            print(f"push: {time.monotonic() - t:.1f}s ({result.total_nodes} nodes, "
                  f"{result.total_relationships} relationships)")
        print(f"{'rule':<28} {'Cypher s':>9} {'Python s':>9} {'findings C/P':>14}", flush=True)
        worst = 0.0
        for rule in all_rules():
            query = (CYPHER / f"{rule}.cypher").read_text().strip().rstrip(";")
            params = {"dataset": "bench-checks", "years": years, "lexicon": lexicon}
            n = len(driver.execute_query(query, params, database_=database).records)  # warm-up
            times = []
            for _ in range(args.repeat):
                t = time.monotonic()
                driver.execute_query(query, params, database_=database)
                times.append(time.monotonic() - t)
            t = time.monotonic()
            py = len(run_checks(ds, [rule]))
            py_s = time.monotonic() - t
            c = statistics.median(times)
            worst = max(worst, c)
            print(f"{rule:<28} {c:9.2f} {py_s:9.2f} {f'{n}/{py}':>14}", flush=True)
    print(f"slowest check: {worst:.2f}s (target <= 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
