"""National-scale benchmark: whole-process `pohon check` at 10k / 100k / 1M komponen against the csv floor.

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--agencies 10] [--seed 0]
                               [--work /tmp/pohon-scale] [--repeat 3] [--views-only]

For every size it writes a synthetic cascade (`pohon synth`, cached in --work), then runs, each as a fresh
process, --repeat times (the median is printed, with the peak RSS from os.wait4):

* floor: `python3 -c …` reading every CSV file of the folder with Python's csv.reader, nothing else;
* check: `python3 -m pohon check DIR --format json` (its findings are compared with expected_findings.json);

and, on the largest size, `pohon trace` of one komponen and `pohon visual --unit` of the unit with the most
komponen, each once on a fresh cache (it validates the folder and keeps it checked, pohon.load.checked, the
view also its findings) and then --repeat times on that cache. Also `pohon check data/` (the BSKJI cascade)
against `python3 -c pass`. Prints a Markdown table. --views-only: only the trace and visual of the largest size.
Never part of the test suite; figures go to the README "Skala / Scale" as printed.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

FLOOR = """
import csv, sys
from pathlib import Path
n = 0
for p in sorted(Path(sys.argv[1]).glob('*.csv')):
    with open(p, encoding='utf-8', newline='') as fh:
        for _ in csv.reader(fh):
            n += 1
print(n)
"""


def run(argv: list[str], repeat: int, **env_vars: str) -> dict:
    """Median wall time, median CPU time (user + system: what a loaded machine inflates less) and the largest
    peak RSS (MB) of `repeat` fresh processes; the last stdout."""
    walls, cpus, rss, out, code = [], [], [], b"", 0
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), **env_vars)
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO, env=env)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t0)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss": max(rss), "stdout": out,
            "exit": code}


def pohon(*args: str) -> list[str]:
    return [sys.executable, "-m", "pohon", *map(str, args)]


def synth(work: Path, size: int, agencies: int, seed: int) -> Path:
    folder = work / f"k{size}-a{agencies}-s{seed}"
    if not (folder / "expected_findings.json").exists():
        from pohon.synth import synthesize

        synthesize(folder, agencies, seed=seed, komponen_target=size)
    return folder


def largest_unit_and_a_komponen(folder: Path) -> tuple[str, int, str]:
    """Streamed, not held: the children this process starts after it would otherwise report its memory as
    their peak RSS (wait4's ru_maxrss counts what a child had at the fork)."""
    per_unit: Counter = Counter()
    with open(folder / "komponen.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            per_unit[row["unit"]] += 1
    unit, n = max(per_unit.items(), key=lambda kv: (kv[1], kv[0]))
    middle = sum(per_unit.values()) // 2
    with open(folder / "komponen.csv", encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i == middle:
                return unit, n, f"{row['unit']}:{row['ikk']}:{row['komponen']}"
    raise ValueError(f"{folder}: no komponen")


def s(x: float) -> str:
    return f"{x:.2f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def views(folder: Path, repeat: int) -> dict:
    """`pohon trace` of a komponen and `pohon visual --unit` of the largest unit: each first on a fresh cache
    (which it fills), then `repeat` times on it."""
    unit, unit_komponen, komponen = largest_unit_and_a_komponen(folder)
    out = {"unit": unit, "unit_komponen": unit_komponen, "komponen": komponen}
    with tempfile.TemporaryDirectory() as cache:  # the first trace validates the folder and keeps it checked
        out["first_trace"] = run(pohon("trace", komponen, folder, "--format", "json"), 1, POHON_CACHE=cache)
        out["trace"] = run(pohon("trace", komponen, folder, "--format", "json"), repeat, POHON_CACHE=cache)
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as tmp:
        view = pohon("visual", folder, "--unit", unit, "--depth", "komponen", "-o", Path(tmp) / "unit.html", "--force")
        out["first_view"] = run(view, 1, POHON_CACHE=cache)  # validates, checks, keeps the tables and findings
        out["view"] = run(view, repeat, POHON_CACHE=cache)
    return out


def views_line(size: int, v: dict) -> str:
    def one(r: dict) -> str:
        return f"{s(r['wall'])} (CPU {s(r['cpu'])}, exit {r['exit']}), peak {r['rss']:,.0f} MB"

    return (f"- on {size:,}: `pohon trace {v['komponen']}` {one(v['trace'])}; the first trace, which validates the "
            f"whole folder and keeps it checked: {one(v['first_trace'])}. `pohon visual --unit {v['unit']}` "
            f"({v['unit_komponen']} komponen) {one(v['view'])}; the first, which validates and checks the whole "
            f"folder and keeps its tables and findings: {one(v['first_view'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--agencies", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-scale"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--views-only", action="store_true", help="only trace and visual --unit of the largest size")
    opts = ap.parse_args()
    started = time.perf_counter()

    if opts.views_only:
        size = int(opts.sizes.split(",")[-1])
        print(views_line(size, views(synth(opts.work, size, opts.agencies, opts.seed), opts.repeat)))
        return
    bskji = run(pohon("check", REPO / "data", "--format", "json"), max(opts.repeat, 5))
    python = run([sys.executable, "-c", "pass"], max(opts.repeat, 5))

    rows = []
    for size in map(int, opts.sizes.split(",")):
        folder = synth(opts.work, size, opts.agencies, opts.seed)
        floor = run([sys.executable, "-c", FLOOR, str(folder)], opts.repeat)
        check = run(pohon("check", folder, "--format", "json", "--fail-on", "never"), opts.repeat)
        assert check["exit"] == 0, f"pohon check exit {check['exit']} on {folder}"
        doc = json.loads(check["stdout"])
        found = Counter(f["rule"] for f in doc["findings"])
        expected = json.loads((folder / "expected_findings.json").read_text(encoding="utf-8"))
        rows.append({"size": size, "folder": folder, "floor": floor, "check": check,
                     "komponen": doc["summary"]["nodes"]["Komponen"],
                     "findings": len(doc["findings"]), "ok": dict(found) == expected,
                     "mb": sum(p.stat().st_size for p in folder.glob("*.csv")) / 1e6})
        print(f"# {size}: floor {s(floor['wall'])}, check {s(check['wall'])}, {check['rss']:.0f} MB",
              file=sys.stderr, flush=True)

    big = rows[-1]
    v = views(big["folder"], opts.repeat)

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    print(f"Machine: {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}, {datetime.date.today().isoformat()}; synthetic cascade: "
          f"{opts.agencies} agencies, seed {opts.seed}; whole processes, median of {opts.repeat}\n")
    print("| komponen | CSV MB | floor (csv.reader) | `pohon check` | × floor | growth | peak RSS "
          "| findings = injected |")
    print("|---:|---:|---:|---:|---:|---:|---:|:---:|")
    prev = None
    for r in rows:
        growth = "–" if prev is None else (f"{r['check']['wall'] / prev['check']['wall']:.1f}× for "
                                           f"{r['komponen'] / prev['komponen']:.1f}× komponen")
        print(f"| {r['komponen']:,} | {r['mb']:.0f} | {s(r['floor']['wall'])} | {s(r['check']['wall'])} "
              f"| {r['check']['wall'] / r['floor']['wall']:.2f}× | {growth} | {r['check']['rss']:,.0f} MB "
              f"| {'yes' if r['ok'] else 'NO'} ({r['findings']}) |")
        prev = r
    print()
    print(f"- `pohon check data/` (BSKJI): {s(bskji['wall'])}, peak {bskji['rss']:.0f} MB "
          f"(`python3 -c pass`: {s(python['wall'])})")
    print(views_line(big["size"], v))
    print(f"\nbenchmark wall time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
