"""A `pohon visual --diff` page in real headless Chromium: it draws from file:// without errors, the added
unit carries its status in the page state, clicking it lists its changes, and highlighting a path keeps the
status colours."""
from __future__ import annotations

import json

import pytest

from pohon.exporters.html import render_html
from pohon.exporters.html.diff import GHOST_OPACITY, STYLE
from pohon.graph import load_graph
from tests.browser.cdp import count_non_background
from tests.browser.test_pages import browser, node_dom_point, open_page  # noqa: F401 (fixture)
from tests.fixtures import CLEAN
from tests.test_visual_diff import with_removals

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def diff_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("diff")
    path = tmp / "diff.html"
    new = with_removals(tmp / "new")
    path.write_text(render_html(load_graph(new), [], depth="komponen", old_graph=load_graph(CLEAN)),
                    encoding="utf-8")
    return path


def background(page, node_id: str) -> str:
    return page.eval(f"pohon.network.body.nodes[{json.dumps(node_id)}].options.color.background")


def test_diff_page_draws_and_shows_the_changes_of_a_clicked_node(browser, diff_page):  # noqa: F811
    page = open_page(browser, diff_page)
    try:
        browser.pump(0.2)
        assert page.errors() == []
        box = page.eval("(() => { const r = document.getElementById('net').getBoundingClientRect();"
                        " return [r.left, r.top, r.right, r.bottom].map(Math.round); })()")
        assert count_non_background(page.screenshot(), box=tuple(box)) > 1500, "canvas looks blank"
        assert page.eval("pohon.status['Unit:B3']") == "added"
        assert page.eval("pohon.nodes.get('Unit:B3') !== null")
        assert page.eval("pohon.status['IK:T2/SP2/a']") == "removed"
        assert page.eval("pohon.nodes.get('IK:T2/SP2/a').opacity") == GHOST_OPACITY
        x, y = node_dom_point(page, "Unit:B3")
        page.click(x, y)
        page.wait_for("pohon.selected === 'Unit:B3'", 5)
        panel = page.eval("document.getElementById('details').innerText")
        assert "ditambah" in panel and "Perubahan dari versi lama" in panel
        assert "ditambah: “Balai Contoh Tiga”" in panel and "anggaran di bawahnya 2021: 0,00 → 20,00 (+20,00)" in panel
        assert background(page, "Unit:B3") == STYLE["added"]["color"]  # highlighting keeps the status colour
        page.eval("pohon.clear()")
        assert page.eval("pohon.nodes.get('IK:T2/SP2/a').opacity") == GHOST_OPACITY  # the ghost stays faded
        assert background(page, "IK:T1/SP1/b") == STYLE["renamed"]["color"]
        assert page.errors() == []
    finally:
        page.close()
