"""Focus, not hide (issue 10, item 3): double-click (or a search result) lays out one node's subtree with its
chain up to the SS, fitted, under a clickable breadcrumb; leaving focus brings the view back as it was."""
from __future__ import annotations

import json
import time

import pytest

from tests.browser.test_pages import ROOT, browser, node_dom_point, open_page  # noqa: F401

pytestmark = pytest.mark.browser
VIEW = "[pohon.network.getScale(), pohon.network.getViewPosition(), Array.from(pohon.shown).sort()]"
INSIDE = """(() => { const r = document.getElementById('net').getBoundingClientRect();
  return Array.from(pohon.shown).every(id => { const b = pohon.network.getBoundingBox(id);
    const a = pohon.network.canvasToDOM({x: b.left, y: b.top}), z = pohon.network.canvasToDOM({x: b.right, y: b.bottom});
    return a.x >= -1 && a.y >= -1 && z.x <= r.width + 1 && z.y <= r.height + 1; }); })()"""


def test_focus_lays_out_the_subtree_and_leaving_restores_the_view(browser):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / "unit-BBSPJI-AGRO.html")
    try:
        before = page.eval(VIEW)
        ik = "IK:T1/SP3/c"
        x, y = node_dom_point(page, ik)
        before = page.eval(VIEW)  # (node_dom_point may have unfolded the page to show the IK)
        t0 = time.time()  # a double click, as the mouse sends it, stamped 50 ms apart whatever the machine's load
        for i, (n, kind) in enumerate([(1, "mousePressed"), (1, "mouseReleased"), (2, "mousePressed"),
                                       (2, "mouseReleased")]):
            page.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": n,
                                                   "timestamp": t0 + 0.05 * i})
        page.wait_for(f"pohon.focus === {json.dumps(ik)}", 15)
        shown = set(page.eval("Array.from(pohon.shown)"))
        path = set(page.eval(f"Array.from(pohon.focusSet)"))
        assert shown == path and ik in shown
        kinds = {i.split(":")[0] for i in shown}
        assert {"SS", "SP", "IK", "IKK"} <= kinds  # the chain up, and the IKKs supporting it
        assert page.eval(INSIDE)  # fitted
        crumbs = page.eval("Array.from(document.querySelectorAll('#crumbs .crumb')).map(b => b.textContent)")
        assert crumbs[-2] == "T1/SP3/c" and "SP3" in crumbs and crumbs[-1].startswith("×")
        assert "focus=IK:T1/SP3/c" in page.eval("location.hash")
        # a crumb focuses its node
        page.eval("Array.from(document.querySelectorAll('#crumbs .crumb')).find(b => b.textContent === 'SP3').click()")
        assert page.eval("pohon.focus") == "SP:SP3" and page.eval("pohon.selected") == "SP:SP3"
        page.eval("document.querySelector('#crumbs .leave').click()")
        assert page.eval("pohon.focus") is None and page.eval("document.getElementById('crumbs').hidden")
        after = page.eval(VIEW)
        assert after[2] == before[2]
        assert abs(after[0] - before[0]) < 1e-6 and abs(after[1]["x"] - before[1]["x"]) < 1e-3
        assert page.errors() == []
    finally:
        page.close()
