"""National-scale benchmark: load + check at 10k, 100k and 1M komponen, against the csv-module floor.

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--agencies 10] [--work /tmp/pohon-scale]
                               [--no-html] [--no-neo4j] [--neo4j-units 500] [--neo4j-timeout 420]

For every size it writes a synthetic cascade (`pohon synth`, cached in --work), then in a fresh child
process each:

* floor: Python's csv.reader over every CSV file of the folder, nothing else;
* pohon: what `pohon check` does, load_graph (load_dataset + build_graph) + run_checks (the findings are
  compared with expected_findings.json), then the largest per-unit HTML view
  (`render_html(graph, findings, unit=..., depth="komponen")`, the unit with the most komponen).

Peak RSS of load + check is the child's ru_maxrss (getrusage) taken right after run_checks; the child's
whole peak including the HTML view (os.wait4's ru_maxrss) is given next to the view. Times (wall, and CPU
because the machine may be shared) are measured inside the children, after imports. Neo4j push throughput
next to LOAD CSV on the same throw-away server comes from the Neo4j engineer's benchmark,
`scripts/neo4j-server run -- python benchmarks/neo4j_push.py --units N`, when that script exists.
Prints a Markdown table. Never part of the test suite.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))


# ---------------------------------------------------------------- children (run in a fresh interpreter)

def child_floor(folder: str) -> dict:
    files = sorted(Path(folder).glob("*.csv"))
    t0, c0 = time.perf_counter(), time.process_time()
    rows = 0
    for path in files:
        with open(path, encoding="utf-8", newline="") as fh:
            for _ in csv.reader(fh):
                rows += 1
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "rows": rows}


def child_pohon(folder: str, html: bool) -> dict:
    from collections import Counter

    from pohon.checks import run_checks
    from pohon.graph import load_graph

    # what `pohon check` does: load_graph (load_dataset + build_graph), then run_checks
    t0, c0 = time.perf_counter(), time.process_time()
    g = load_graph(folder)
    t1, c1 = time.perf_counter(), time.process_time()
    findings = run_checks(g)
    t2, c2 = time.perf_counter(), time.process_time()
    rss_check = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    expected = json.loads((Path(folder) / "expected_findings.json").read_text(encoding="utf-8"))
    found = Counter(f.rule for f in findings)
    out = {"load": t1 - t0, "check": t2 - t1, "cpu": c2 - c0, "rss_check_kb": rss_check,
           "komponen": sum(1 for _, a in g.nodes(data=True) if a["kind"] == "Komponen"),
           "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
           "findings": len(findings), "findings_ok": dict(found) == expected}
    if html:
        try:
            from pohon.exporters.html import render_html
        except ImportError:
            out["html"] = None
        else:
            per_unit = Counter(a["unit"] for _, a in g.nodes(data=True) if a["kind"] == "Komponen")
            unit, n = max(per_unit.items(), key=lambda kv: (kv[1], kv[0]))
            t4 = time.perf_counter()
            page = render_html(g, findings, unit=unit, depth="komponen")
            out.update(html=time.perf_counter() - t4, html_unit=unit, html_komponen=n, html_bytes=len(page))
    return out


# ---------------------------------------------------------------- parent

def run_child(args: list[str]) -> tuple[dict, int]:
    """Run this script as a child; return its JSON answer and its peak RSS in KiB (ru_maxrss via wait4)."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, cwd=REPO)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    return json.loads(out), usage.ru_maxrss


def synth(work: Path, size: int, agencies: int, seed: int) -> Path:
    folder = work / f"k{size}-a{agencies}-s{seed}"
    if not (folder / "expected_findings.json").exists():
        from pohon.synth import synthesize

        synthesize(folder, agencies, seed=seed, komponen_target=size)
    return folder


def neo4j(units: int, timeout: float) -> list[str] | None:
    """The Neo4j engineer's benchmark (push vs LOAD CSV, same throw-away server); its result lines."""
    script = REPO / "benchmarks" / "neo4j_push.py"
    if not script.exists():
        return None
    cmd = [str(REPO / "scripts" / "neo4j-server"), "run", "--", sys.executable, str(script), "--units", str(units)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.terminate()  # scripts/neo4j-server stops its throw-away server on SIGTERM
        stdout, stderr = proc.communicate()
        lines = [ln for ln in stdout.splitlines() if ln.startswith(("synthetic graph", "push", "LOAD CSV"))]
        return lines + [f"did not finish within {timeout:.0f} s: no push / LOAD CSV figures"]
    res = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    lines = [ln for ln in res.stdout.splitlines()
             if ln.startswith(("synthetic graph", "push", "re-push", "LOAD CSV", "ratio"))]
    if res.returncode != 0:
        return [f"FAILED (exit {res.returncode}): " + " ".join((res.stderr or res.stdout).strip().splitlines()[-2:])]
    return lines


def fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child-floor":
        print(json.dumps(child_floor(sys.argv[2])))
        return
    if len(sys.argv) > 2 and sys.argv[1] == "--child-pohon":
        print(json.dumps(child_pohon(sys.argv[2], html="--html" in sys.argv)))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--agencies", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-scale"))
    ap.add_argument("--no-html", action="store_true")
    ap.add_argument("--no-neo4j", action="store_true")
    ap.add_argument("--neo4j-units", type=int, default=500,
                    help="benchmarks/neo4j_push.py --units (500: ~20k nodes, ~26k relationships; its own default, "
                         "5100, ran over 15 minutes here)")
    ap.add_argument("--neo4j-timeout", type=float, default=420, help="seconds before the Neo4j part is stopped")
    opts = ap.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",")]
    started = time.perf_counter()
    rows = []
    for size in sizes:
        folder = synth(opts.work, size, opts.agencies, opts.seed)
        floor, floor_rss = run_child(["--child-floor", str(folder)])
        res, rss = run_child(["--child-pohon", str(folder)] + ([] if opts.no_html else ["--html"]))
        res.update(size=size, floor=floor["seconds"], floor_cpu=floor["cpu"], floor_rss_kb=floor_rss, rss_kb=rss,
                   mb=sum(p.stat().st_size for p in folder.glob("*.csv")) / 1e6)
        res["total"] = res["load"] + res["check"]
        rows.append(res)
        print(f"# {size}: {json.dumps(res)}", file=sys.stderr, flush=True)
    neo = None
    if not opts.no_neo4j:
        neo = neo4j(opts.neo4j_units, opts.neo4j_timeout)

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    print(f"Machine: {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}, {datetime.date.today().isoformat()}; "
          f"synthetic cascade: {opts.agencies} agencies, seed {opts.seed}\n")
    print("| komponen | CSV MB | nodes / edges | floor (csv.reader) | load_graph | run_checks | load+check "
          "| × floor (wall / CPU) | growth | peak RSS | findings = injected | largest unit view |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|")
    prev = None
    for r in rows:
        growth = "–"
        if prev:
            growth = (f"{r['total'] / prev['total']:.1f}× wall, {r['cpu'] / prev['cpu']:.1f}× CPU "
                      f"for {r['komponen'] / prev['komponen']:.1f}× komponen")
        view = "–"
        if r.get("html") is not None:
            view = (f"{fmt_s(r['html'])} ({r['html_unit']}, {r['html_komponen']} komponen; "
                    f"child peak {r['rss_kb'] / 1024:,.0f} MB)")
        elif "html" in r:
            view = "render_html missing"
        print(f"| {r['komponen']:,} | {r['mb']:.0f} | {r['nodes']:,} / {r['edges']:,} | {fmt_s(r['floor'])} "
              f"| {fmt_s(r['load'])} | {fmt_s(r['check'])} | {fmt_s(r['total'])} (CPU {fmt_s(r['cpu'])}) "
              f"| {r['total'] / r['floor']:.1f}× / {r['cpu'] / r['floor_cpu']:.1f}× | {growth} "
              f"| {r['rss_check_kb'] / 1024:,.0f} MB "
              f"| {'yes' if r['findings_ok'] else 'NO'} ({r['findings']}) | {view} |")
        prev = r
    print()
    if opts.no_neo4j:
        print("Neo4j: skipped (--no-neo4j)")
    elif neo is None:
        print("Neo4j: benchmarks/neo4j_push.py does not exist yet; push throughput not measured")
    elif "error" in neo:
        print(f"Neo4j: benchmarks/neo4j_push.py failed: {' '.join(neo['error'])}")
    else:
        print(f"Neo4j (scripts/neo4j-server run -- python benchmarks/neo4j_push.py --units {opts.neo4j_units}):\n")
        print("```")
        print("\n".join(neo))
        print("```")
    print(f"\nbenchmark wall time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
