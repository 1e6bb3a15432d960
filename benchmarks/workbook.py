"""Loading a cascade from one .xlsx workbook vs from its CSV files (target: workbook ≤ 3× CSV).

Not a test: `python benchmarks/workbook.py [--size 100000] [--repeat 3]`. The workbook is written once by
`pohon export xlsx` from the synthetic cascade (cached in --work); each load is a fresh process timing
`load_dataset` after imports, median of N.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from scale import run, synth  # noqa: E402

CHILD = """
import json, sys, time
from pohon.load import load_dataset
t = time.perf_counter(); ds = load_dataset(sys.argv[1]); dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "komponen": ds.tables["komponen"].height}))
"""


def load_time(path: Path, repeat: int) -> tuple[float, int]:
    """Median of `load_dataset` timed inside fresh processes (after imports), and the komponen count."""
    times, n = [], 0
    for _ in range(repeat):
        r = json.loads(run([sys.executable, "-c", CHILD, str(path)], 1)["stdout"])
        times.append(r["seconds"])
        n = r["komponen"]
    return statistics.median(times), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-scale"))
    opts = ap.parse_args()
    folder = synth(opts.work, opts.size, 10, 0)
    book = opts.work / f"{folder.name}.xlsx"
    if not book.exists():
        from pohon.exporters.workbook import to_xlsx
        from pohon.load import load_dataset

        book.write_bytes(to_xlsx(load_dataset(folder)))
    csv_s, n = load_time(folder, opts.repeat)
    xlsx_s, m = load_time(book, opts.repeat)
    assert n == m
    print(f"{n:,} komponen; median of {opts.repeat} fresh processes, load_dataset after imports")
    print(f"  CSV folder ({sum(p.stat().st_size for p in folder.glob('*.csv')) / 1e6:.0f} MB)   {csv_s:6.2f} s")
    print(f"  workbook   ({book.stat().st_size / 1e6:.0f} MB)   {xlsx_s:6.2f} s   = {xlsx_s / csv_s:.1f}× the CSV load")


if __name__ == "__main__":
    main()
