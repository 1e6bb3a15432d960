"""How fast a `pohon visual` page opens and unfolds in headless Chromium (not a test; targets from issue 10).

    python benchmarks/visual_open.py [--runs N]

1. A 5,000-node page (tests/sample_graph.py at komponen depth, the synthetic cascade that follows
   docs/ARCHITECTURE.md) opens and settles in <= 1.5 s: time from navigation start to `window.__pohonReady`
   (the network's first drawing after the page has chosen its fold level, laid out and fitted the view).
2. Unfolding a node with 1,000 children takes <= 0.3 s: a unit page whose one IKK holds 1,000 komponen; time
   from `pohon.toggleFold(ikk)` to the next drawing (layout, labels, the vis-network update and redraw).
Baseline, in the same run: vis-network alone drawing the same nodes at fixed positions (no pohon code), which
is the floor pohon's page adds its work to.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from pohon.exporters.html import render_html  # noqa: E402
from pohon.exporters.html.page import VIS_VERSION, _vis_dir  # noqa: E402
from tests.browser.cdp import Chromium  # noqa: E402
from tests.sample_graph import sample_graph  # noqa: E402
from tests.test_visual import page_data  # noqa: E402

UNFOLD = """new Promise(done => { const ikk = %s; if (!pohon.folded.has(ikk)) { pohon.toggleFold(ikk); }
  pohon.network.once('afterDrawing', () => {
    const t = performance.now(); pohon.toggleFold(ikk);
    pohon.network.once('afterDrawing', () => done([performance.now() - t, pohon.shown.size])); });
  pohon.network.redraw(); })"""


def baseline_page(data: dict) -> str:
    """vis-network alone: the same nodes, on a grid, no pohon code."""
    vis = (_vis_dir() / "vis-network.min.js").read_text(encoding="utf-8")
    nodes = [{"id": n["id"], "label": n["label"], "x": (i % 100) * 60, "y": (i // 100) * 60, "shape": "dot"}
             for i, n in enumerate(data["nodes"])]
    return ("<!DOCTYPE html><html><body style='margin:0'><div id=net style='width:1580px;height:1000px'></div>"
            f"<script>{vis}</script><script>var n = new vis.Network(document.getElementById('net'),"
            f"{{nodes: new vis.DataSet({json.dumps(nodes)}), edges: new vis.DataSet([])}},"
            "{physics: false, layout: {improvedLayout: false}});"
            "n.once('afterDrawing', () => { window.__pohonReadyAt = performance.now(); window.__pohonReady = true; });"
            "</script></body></html>")


def open_times(browser, path: Path, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        page = browser.new_page(1920, 1080)
        page.goto(path.as_uri())
        page.wait_for("window.__pohonReady === true", 60)
        out.append(page.eval("window.__pohonReadyAt") / 1000)
        errors = page.errors()
        page.close()
        if errors:
            raise SystemExit(f"errors on {path.name}: {errors}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    big = sample_graph(bbspji=11, bspji=13, sk_per_unit=3, ikk_per_sk=4, komponen_per_ikk=13)
    t0 = time.perf_counter()
    html = render_html(big, [], depth="komponen")
    render_s = time.perf_counter() - t0
    data = page_data(html)
    wide = sample_graph(bbspji=1, bspji=0, sk_per_unit=1, ikk_per_sk=1, komponen_per_ikk=1000)
    wide_html = render_html(wide, [], unit="BBSPJI-01", depth="komponen")
    ikk = "IKK:BBSPJI-01:SK.1.1"
    print(f"vis-network {VIS_VERSION}; page: {len(data['nodes'])} nodes, {len(html) / 1e6:.1f} MB, "
          f"render in Python {render_s:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: Path(tmp) / f"{name}.html" for name in ("page", "baseline", "wide")}
        paths["page"].write_text(html, encoding="utf-8")
        paths["baseline"].write_text(baseline_page(data), encoding="utf-8")
        paths["wide"].write_text(wide_html, encoding="utf-8")
        browser = Chromium()
        try:
            page_s = open_times(browser, paths["page"], args.runs)
            base_s = open_times(browser, paths["baseline"], args.runs)
            unfold = []
            for _ in range(args.runs):
                page = browser.new_page(1920, 1080)
                page.goto(paths["wide"].as_uri())
                page.wait_for("window.__pohonReady === true", 60)
                ms, shown = page.eval(UNFOLD % json.dumps(ikk))
                unfold.append(ms / 1000)
                page.close()
        finally:
            browser.close()
    med = statistics.median
    ok_open, ok_unfold = med(page_s) <= 1.5, med(unfold) <= 0.3
    print(f"open and settle, {len(data['nodes'])} nodes: median {med(page_s):.2f} s (runs "
          f"{', '.join(f'{s:.2f}' for s in page_s)}); baseline vis-network alone: median {med(base_s):.2f} s; "
          f"target <= 1.5 s: {'OK' if ok_open else 'TOO SLOW'}")
    print(f"unfold a node with 1,000 children ({shown} nodes shown after): median {med(unfold) * 1000:.0f} ms "
          f"(runs {', '.join(f'{s * 1000:.0f}' for s in unfold)}); target <= 300 ms: "
          f"{'OK' if ok_unfold else 'TOO SLOW'}")
    return 0 if ok_open and ok_unfold else 1


if __name__ == "__main__":
    sys.exit(main())
