"""The committed visual/ pages in real headless Chromium (DevTools protocol): they draw, search, highlight,
filter, and never run text from the data. Marked `browser`; a missing /usr/bin/chromium is a failure."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.cdp import BrowserMissing, Chromium, count_non_background

from pohon.exporters.html import render_html

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PAGES = ["bskji.html", "tipe-SET.html", "tipe-P4SI.html", "tipe-P2SI.html", "tipe-POPTIKJI.html", "tipe-PIH.html",
         "tipe-BBSPJI.html", "tipe-BSPJI.html", "unit-BBSPJI-AGRO.html", "unit-P4SI.html"]


HIDDEN_IDS = "pohon.nodes.get().filter(n => n.hidden).map(n => n.id)"


@pytest.fixture(scope="module")
def browser():
    try:
        b = Chromium()
    except BrowserMissing as err:
        pytest.fail(str(err), pytrace=False)
    yield b
    b.close()


def open_page(browser, path: Path):
    assert path.is_file(), f"{path} missing: run scripts/make-visual"
    page = browser.new_page(1920, 1080)
    page.goto(path.resolve().as_uri())
    page.wait_for("window.__pohonReady === true", 20)
    return page


def node_dom_point(page, node_id: str) -> tuple[float, float]:
    """Viewport coordinates of a node's centre; a node folded away is first shown as a facilitator would,
    with "Buka semua" (unfold all)."""
    if not page.eval(f"pohon.shown.has({json.dumps(node_id)})"):
        page.eval("document.getElementById('unfold-all').click()")
    return tuple(page.eval(f"""(() => {{
        const p = pohon.network.canvasToDOM(pohon.network.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}]);
        const r = document.getElementById('net').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()"""))


@pytest.mark.parametrize("name", PAGES)
def test_page_draws_without_errors(browser, name):
    page = open_page(browser, ROOT / "visual" / name)
    try:
        browser.pump(0.2)
        assert page.errors() == []
        box = page.eval("(() => { const r = document.getElementById('net').getBoundingClientRect();"
                        " return [r.left, r.top, r.right, r.bottom].map(Math.round); })()")
        drawn = count_non_background(page.screenshot(), box=tuple(box))
        assert drawn > 1500, f"canvas looks blank ({drawn} sampled non-white pixels)"
        assert page.eval("pohon.nodes.length") > 10
    finally:
        page.close()


def test_search_selects_and_click_highlights_path(browser):
    page = open_page(browser, ROOT / "visual" / "bskji.html")
    try:
        page.eval("document.getElementById('search').focus()")
        page.type_text("T1/SP3/a")
        page.wait_for("pohon.network.getSelectedNodes()[0] === 'IK:T1/SP3/a'", 5)
        page.eval("pohon.clear()")
        assert page.eval("pohon.network.getSelectedNodes().length") == 0
        page.wait_for("true")
        x, y = node_dom_point(page, "IK:T1/SP3/a")
        page.click(x, y)
        page.wait_for("pohon.selected === 'IK:T1/SP3/a'", 5)
        lit = set(page.eval("pohon.highlighted"))
        ss = page.eval("pohon.edges.get().filter(e => e.to === 'SP:SP3').map(e => e.from)")
        assert {"IK:T1/SP3/a", "SP:SP3", "Tujuan:T1", *ss} <= lit
        assert page.eval("pohon.nodes.get('IK:T1/SP3/a').opacity") == 1
        assert page.eval("pohon.nodes.get('SP:SP1').opacity") < 0.5  # another SP is dimmed
        carriers = page.eval("pohon.edges.get().filter(e => e.from === 'IK:T1/SP3/a').map(e => e.to)")
        assert carriers and set(carriers) <= lit  # the units that carry it are lit
        page.click(8, 1070 - 8)  # empty space near the bottom-left corner of the canvas
        page.wait_for("pohon.selected === null", 5)
        assert page.eval("pohon.nodes.get().every(n => n.opacity === 1)")
        assert page.errors() == []
    finally:
        page.close()


def test_filters_hide_other_units(browser):
    page = open_page(browser, ROOT / "visual" / "bskji.html")
    try:
        folded_away = page.eval(HIDDEN_IDS)  # the units under the folded unit types
        page.eval("(() => { const s = document.getElementById('f-unit'); s.value = 'P4SI';"
                  " s.dispatchEvent(new Event('change')); })()")
        assert page.eval("pohon.nodes.get('Unit:P4SI').hidden") is False
        shown_units = page.eval("pohon.nodes.get().filter(n => n.group === 'Unit' && !n.hidden).map(n => n.id)")
        assert shown_units == ["Unit:P4SI"]
        page.eval("document.getElementById('reset').click()")
        assert page.eval(HIDDEN_IDS) == folded_away  # reset: the page as it opened
    finally:
        page.close()


def test_text_from_the_data_never_runs(browser, tmp_path):
    from tests.test_visual import XSS_IMG, xss_findings, xss_graph

    path = tmp_path / "xss.html"
    path.write_text(render_html(xss_graph(), xss_findings(), depth="komponen"), encoding="utf-8")
    page = open_page(browser, path)
    try:
        x, y = node_dom_point(page, "IK:T1/SP3/a")
        page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        page.wait_for("!document.getElementById('tip').hidden", 5)
        page.click(x, y)
        page.wait_for("pohon.selected === 'IK:T1/SP3/a'", 5)
        page.eval("pohon.select('Unit:P4SI', true)")
        browser.pump(0.3)
        assert page.eval("typeof window.__xss") == "undefined"
        assert page.dialogs() == []
        assert page.eval("document.querySelectorAll('img, main script, header script').length") == 0
        assert XSS_IMG in page.eval("document.getElementById('tip').textContent")
        assert "BSKJI" in page.eval("document.title") and "<b>" in page.eval("document.title")
        assert page.errors() == []
    finally:
        page.close()


def test_finding_borders_survive_a_click_on_the_plain_pages(browser):
    """Highlighting updates opacity and font only; vis-network then re-merged the group colours over the node's."""
    from tests.test_visual import page_data

    path = ROOT / "visual" / "bskji.html"
    marked = [n for n in page_data(path.read_text(encoding="utf-8"))["nodes"] if "color" in n]
    assert marked, "no node with a finding on bskji.html"
    node = json.dumps(marked[0]["id"])
    page = open_page(browser, path)
    try:
        page.eval(f"pohon.select({node}, false)")
        page.eval("pohon.clear()")
        assert page.eval(f"pohon.network.body.nodes[{node}].options.color.border") == marked[0]["color"]["border"]
    finally:
        page.close()
