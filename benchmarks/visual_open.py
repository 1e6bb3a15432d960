"""How long a 5,000-node `pohon visual` page takes to open in headless Chromium (target: <= 3 s).

Not a test: run `python benchmarks/visual_open.py [--runs N]`. Builds a synthetic cascade that follows
docs/ARCHITECTURE.md (tests/sample_graph.py), renders it at komponen depth, opens it from file:// and
reports the time from navigation start to `window.__pohonReady` (set on the network's first `afterDrawing`:
positions are fixed and physics is off, so the first drawing is the settled one).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from pohon.exporters.html import render_html  # noqa: E402
from tests.sample_graph import sample_graph  # noqa: E402
from tests.browser.cdp import Chromium  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--komponen", type=int, default=13, help="komponen per IKK (13 gives ~5,000 nodes)")
    args = ap.parse_args()
    graph = sample_graph(bbspji=11, bspji=13, sk_per_unit=3, ikk_per_sk=4, komponen_per_ikk=args.komponen)
    t0 = time.perf_counter()
    html = render_html(graph, [], depth="komponen")
    render_s = time.perf_counter() - t0
    nodes = html.count('"group":')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.html"
        path.write_text(html, encoding="utf-8")
        print(f"nodes drawn: {nodes}, page size: {len(html) / 1e6:.1f} MB, render in Python: {render_s:.2f} s")
        browser = Chromium()
        try:
            ready = []
            for i in range(args.runs):
                page = browser.new_page(1920, 1080)
                page.goto(path.as_uri())
                page.wait_for("window.__pohonReady === true", 60)
                ms = page.eval("window.__pohonReadyAt")
                dom = page.eval("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
                errors = page.errors()
                page.close()
                ready.append(ms / 1000)
                print(f"run {i + 1}: ready {ms / 1000:.2f} s after navigation start (DOMContentLoaded {dom / 1000:.2f} s)"
                      + (f"; errors: {errors}" if errors else ""))
        finally:
            browser.close()
    best, median = min(ready), statistics.median(ready)
    print(f"open-and-settle: median {median:.2f} s, best {best:.2f} s (target <= 3 s): "
          + ("OK" if median <= 3 else "TOO SLOW"))
    return 0 if median <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
