"""The unit-type group node on the agency page (issue 10, item 4): folded at open, a click unfolds it to its
units and folds it again; choosing a unit inside unfolds it."""
from __future__ import annotations

import pytest

from tests.browser.test_pages import ROOT, browser, node_dom_point, open_page  # noqa: F401

pytestmark = pytest.mark.browser
HIDDEN = "pohon.nodes.get({ filter: n => n.id.startsWith('Unit:BSPJI-') }).map(n => !!n.hidden)"


def test_group_folds_and_unfolds(browser):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / "bskji.html")
    try:
        page.eval("pohon.foldTo(3)")  # down to the unit types: the agency page opens above them
        hidden = page.eval(HIDDEN)
        assert len(hidden) == 13 and all(hidden)
        assert page.eval("pohon.nodes.get('Tipe:BSPJI').label").startswith("BSPJI · 13 unit")
        page.click(*node_dom_point(page, "Tipe:BSPJI"))
        browser.pump(0.2)
        assert not any(page.eval(HIDDEN))
        assert page.eval("pohon.selected") == "Tipe:BSPJI"
        page.click(*node_dom_point(page, "Tipe:BSPJI"))
        browser.pump(0.2)
        assert all(page.eval(HIDDEN))
        page.eval("pohon.select('Unit:BSPJI-ACEH', true)")
        assert not any(page.eval(HIDDEN))
        assert page.errors() == []
    finally:
        page.close()
