"""Loading a cascade from one .xlsx workbook vs from its CSV files (target: workbook ≤ 3× CSV).

Not a test: `python benchmarks/workbook.py [--size 100000] [--repeat 5]`. The workbook is written once by
`pohon export xlsx`'s writer from the synthetic cascade (cached in --work, per version of the writer); each load is a fresh process timing
`load_dataset` after imports, the CSV and the workbook loads taking turns (the machine may be shared: a
change of load then hits both alike). Prints the medians of wall time and of CPU time (all threads of the
process), and the load average before and after.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from scale import run, synth  # noqa: E402

CHILD = """
import json, sys, time
from pohon.load import load_dataset
t, c = time.perf_counter(), time.process_time()
ds = load_dataset(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - c,
                  "komponen": ds.tables["komponen"].height}))
"""


def load_times(paths: list[Path], repeat: int) -> list[dict]:
    """Per path: the medians of `load_dataset`'s wall and CPU seconds in fresh processes (after imports),
    the paths taking turns; and the komponen count."""
    runs: list[list[dict]] = [[] for _ in paths]
    for _ in range(repeat):
        for path, out in zip(paths, runs):
            out.append(json.loads(run([sys.executable, "-c", CHILD, str(path)], 1)["stdout"]))
    return [{"seconds": statistics.median(r["seconds"] for r in out), "cpu": statistics.median(r["cpu"] for r in out),
             "komponen": out[-1]["komponen"]} for out in runs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-scale"))
    opts = ap.parse_args()
    folder = synth(opts.work, opts.size, 10, 0)
    writer = ROOT / "src" / "pohon" / "exporters" / "workbook.py"
    book = opts.work / f"{folder.name}-{hashlib.sha256(writer.read_bytes()).hexdigest()[:8]}.xlsx"
    if not book.exists():  # written by this checkout's exporter (a workbook of an older one is not reused)
        from pohon.exporters.workbook import to_xlsx
        from pohon.load import load_dataset

        ds = load_dataset(folder)
        t = time.perf_counter()
        book.write_bytes(to_xlsx(ds))
        print(f"wrote {book.name} with `pohon export xlsx`'s writer in {time.perf_counter() - t:.1f} s")
    before = os.getloadavg()
    csv_t, book_t = load_times([folder, book], opts.repeat)
    after = os.getloadavg()
    assert csv_t["komponen"] == book_t["komponen"]
    print(f"{csv_t['komponen']:,} komponen; median of {opts.repeat} fresh processes each, taking turns, "
          "load_dataset after imports")
    print(f"  CSV folder ({sum(p.stat().st_size for p in folder.glob('*.csv')) / 1e6:.0f} MB)   "
          f"{csv_t['seconds']:6.2f} s   CPU {csv_t['cpu']:5.2f} s")
    print(f"  workbook   ({book.stat().st_size / 1e6:.0f} MB)   {book_t['seconds']:6.2f} s   CPU {book_t['cpu']:5.2f} s"
          f"   = {book_t['seconds'] / csv_t['seconds']:.1f}× the CSV load (CPU {book_t['cpu'] / csv_t['cpu']:.1f}×)")
    print(f"  load average (1/5/15 min) before {' '.join(f'{x:.2f}' for x in before)}, "
          f"after {' '.join(f'{x:.2f}' for x in after)}; {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
