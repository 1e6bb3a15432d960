"""Keyboard and navigation (issue 10, item 11) and search that helps (item 8): + / − / 0 / arrows, Esc clears
and refits, zoom/fit buttons, a minimap only when the view is larger than the screen; search lists without
moving the view until Enter, a chosen result or a complete code; arrows move through the results; "lihat semua"."""
from __future__ import annotations

import pytest

from tests.browser.test_pages import ROOT, browser, open_page  # noqa: F401

pytestmark = pytest.mark.browser
SCALE = "pohon.network.getScale()"
MINI = "!document.getElementById('minimap').hidden"


def key(page, k, code=None):
    for kind in ("keyDown", "keyUp"):
        page.send("Input.dispatchKeyEvent", {"type": kind, "key": k, "code": code or k,
                                             **({"text": k} if len(k) == 1 and kind == "keyDown" else {})})


def test_keys_buttons_and_minimap(browser):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / "tipe-BSPJI.html")
    try:
        page.eval("document.body.focus()")
        fitted = page.eval(SCALE)
        assert page.eval(MINI) is False  # the fitted view is on the screen: no minimap
        key(page, "+", "Equal")
        assert page.eval(SCALE) == pytest.approx(fitted * 1.25)
        assert page.eval(MINI) is True  # now larger than the screen
        x = page.eval("pohon.network.getViewPosition().x")
        key(page, "ArrowRight")
        assert page.eval("pohon.network.getViewPosition().x") > x
        key(page, "-", "Minus")
        assert page.eval(SCALE) == pytest.approx(fitted)
        page.eval("document.getElementById('zoom-in').click()")
        page.eval("document.getElementById('zoom-in').click()")
        assert page.eval(SCALE) == pytest.approx(fitted * 1.25 ** 2)
        key(page, "0", "Digit0")  # (vis-network fits to the boxes it has measured by now: within 3 %)
        refit = page.eval(SCALE)
        assert refit == pytest.approx(fitted, rel=0.03) and page.eval(MINI) is False
        page.eval("document.getElementById('zoom-out').click()")
        assert page.eval(SCALE) == pytest.approx(refit * 0.8)
        page.eval("document.getElementById('fit').click()")
        assert page.eval(SCALE) == pytest.approx(refit)
        page.eval("pohon.select('Unit:BSPJI-ACEH', true)")
        key(page, "Escape")
        assert page.eval("pohon.selected") is None and page.eval(SCALE) == pytest.approx(refit)
        assert page.errors() == []
    finally:
        page.close()


def test_search_lists_before_it_moves(browser):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / "bskji.html")
    try:
        view = "[pohon.network.getScale(), pohon.network.getViewPosition()]"
        before = page.eval(view)
        page.eval("document.getElementById('search').focus()")
        page.type_text("T1")  # a Tujuan's code, and the start of T1/SP1/a…: nothing jumps
        assert page.eval("pohon.selected") is None and page.eval(view) == before
        assert not page.eval("document.getElementById('results').hidden")
        page.eval("(() => { const s = document.getElementById('search'); s.value = '';"
                  " s.dispatchEvent(new Event('input')); })()")
        page.type_text("T1/SP3/a")  # a complete code selects
        assert page.eval("pohon.selected") == "IK:T1/SP3/a"
        page.eval("pohon.clear(); (() => { const s = document.getElementById('search'); s.value = '';"
                  " s.dispatchEvent(new Event('input')); s.focus(); })()")
        page.type_text("SP")
        hits = page.eval("Array.from(document.querySelectorAll('#results .hit')).map(b => b.dataset.id)")
        assert len(hits) == 12 and page.eval("pohon.selected") is None
        assert page.eval("document.querySelector('#results .hits-count').textContent").startswith("12 dari ")
        key(page, "ArrowDown")
        key(page, "ArrowDown")
        key(page, "ArrowUp")
        assert page.eval("document.querySelector('#results .hit.active').dataset.id") == hits[0]
        key(page, "ArrowDown")
        key(page, "Enter")
        assert page.eval("pohon.selected") == hits[1] and page.eval("pohon.focus") == hits[1]
        page.eval("pohon.leaveFocus(); pohon.clear(); document.getElementById('search').focus()")
        page.eval("(() => { const s = document.getElementById('search'); s.value = 'SP';"
                  " s.dispatchEvent(new Event('input')); })()")
        total = int(page.eval("document.querySelector('#results .hits-count').textContent").split()[-1])
        page.eval("document.querySelector('#results .see-all').click()")
        assert page.eval("document.querySelectorAll('#results .hit').length") == total > 12
        assert page.errors() == []
    finally:
        page.close()
