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


FOLDS = "[pohon.level, pohon.top, Array.from(pohon.folded).sort(), Array.from(pohon.opened).sort()]"
CRUMBS = "Array.from(document.querySelectorAll('#crumbs .crumb:not(.leave)')).map(b => b.textContent)"


def test_choosing_a_unit_in_the_filter_focuses_it_and_leaving_restores_the_view(browser):  # noqa: F811
    """The unit filter is the same focus as a double-click: the unit's chain up to the SS as a breadcrumb one
    can click, fitted; leaving focus brings back the view, zoom, folds and filters, and every node is still
    drawn with its own size and border (item 1)."""
    from tests.browser.test_truth import DRAWN, change

    page = open_page(browser, ROOT / "visual" / "tipe-BBSPJI.html")
    try:
        page.eval("pohon.toggleFold(Array.from(pohon.folded)[0])")  # a view of one's own: a fold opened
        page.eval("pohon.network.moveTo({scale: 0.8, position: {x: 40, y: -30}, animation: false})")
        first, before, folds = page.eval(DRAWN), page.eval(VIEW), page.eval(FOLDS)
        page.eval(change("f-unit", "BBSPJI-AGRO"))
        assert page.eval("pohon.focus") == "Unit:BBSPJI-AGRO"
        assert not page.eval("document.getElementById('crumbs').hidden")
        crumbs = page.eval(CRUMBS)
        assert crumbs[-1] == "BBSPJI-AGRO", crumbs
        chain = [i.split(":")[0] for i in page.eval(
            "Array.from(document.querySelectorAll('#crumbs .crumb:not(.leave)')).map(b => b.dataset.id)")]
        assert chain[:3] == ["SS", "SP", "IK"] and chain[-1] == "Unit", chain  # SS › SP › IK › (Tipe ›) Unit
        shown = set(page.eval("Array.from(pohon.shown)"))
        assert [i for i in shown if i.startswith("Unit:")] == ["Unit:BBSPJI-AGRO"]
        assert {i.split(":")[0] for i in shown} >= {"SS", "SP", "IK", "Unit", "IKK", "Komponen"}
        assert page.eval(INSIDE)  # fitted
        h = page.eval("location.hash")
        assert "focus=Unit:BBSPJI-AGRO" in h and "unit=BBSPJI-AGRO" in h
        # its SP crumb focuses the SP, still narrowed to the unit
        sp = page.eval("document.querySelector('#crumbs .crumb[data-id^=\"SP:\"]').dataset.id")
        page.eval("document.querySelector('#crumbs .crumb[data-id^=\"SP:\"]').click()")
        assert page.eval("[pohon.focus, pohon.selected, pohon.filter.unit]") == [sp, sp, "BBSPJI-AGRO"]
        assert page.eval(CRUMBS)[-1] == sp.split(":")[1]
        assert page.eval("Array.from(pohon.shown).filter(i => i.startsWith('Unit:'))") == ["Unit:BBSPJI-AGRO"]
        page.eval("document.querySelector('#crumbs .leave').click()")
        assert page.eval("pohon.focus") is None and page.eval("document.getElementById('crumbs').hidden")
        assert page.eval("[pohon.filter, document.getElementById('f-unit').value]") == [{"unit": "", "sp": ""}, ""]
        after = page.eval(VIEW)
        assert after[2] == before[2] and page.eval(FOLDS) == folds
        assert abs(after[0] - before[0]) < 1e-6
        assert abs(after[1]["x"] - before[1]["x"]) < 1e-3 and abs(after[1]["y"] - before[1]["y"]) < 1e-3
        page.eval("pohon.clear()")
        now = page.eval(DRAWN)
        assert [k for k in first if now[k] != first[k]] == []
        assert page.errors() == []
    finally:
        page.close()
