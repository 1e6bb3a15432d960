"""How long `pohon poster` of the largest unit of the 100k-komponen synthetic cascade takes (target: <= 2 s).

Not a test: `python benchmarks/poster.py [--size 100000] [--repeat 3] [--work /tmp/pohon-scale]`. Whole
processes, median of N, side by side with `pohon check` on the same cascade (the load and checks every
command pays first) and `pohon trace` of the same unit; SVG and PDF.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from scale import largest_unit_and_a_komponen, pohon, run, synth  # noqa: E402


def timed(argv: list[str], repeat: int) -> tuple[float, float, int]:
    r = run(pohon(*argv), repeat)
    return r["wall"], r["cpu"], r["exit"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/pohon-scale"))
    opts = ap.parse_args()
    folder = synth(opts.work, opts.size, 10, 0)
    unit, n, _ = largest_unit_and_a_komponen(folder)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("pohon check (baseline: load + checks)", timed(["check", str(folder), "--fail-on", "never"], opts.repeat)),
                (f"pohon trace {unit}", timed(["trace", unit, str(folder)], opts.repeat))]
        for fmt in ("svg", "pdf"):
            rows.append((f"pohon poster --unit {unit} --depth komponen -o x.{fmt}",
                         timed(["poster", str(folder), "--unit", unit, "--depth", "komponen", "-o",
                                f"{tmp}/x.{fmt}"], opts.repeat)))
    print(f"{opts.size:,} komponen synthetic cascade; largest unit {unit} ({n} komponen); median of {opts.repeat}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"  {'':<62} {'wall':>8} {'CPU':>8}")
    for label, (wall, cpu, code) in rows:
        print(f"  {label:<62} {wall:6.2f} s {cpu:6.2f} s  (exit {code})")


if __name__ == "__main__":
    main()
