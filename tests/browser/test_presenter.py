"""Readable from the back of the room (issue 10, item 5): at 1920x1080, once fitted, every label drawn on the
agency page and on every unit page is at least 22 px on screen (font size x canvas scale); names are drawn
wrapped under the codes, a toggle shows codes only, and the text-size control scales the canvas text only."""
from __future__ import annotations

import pytest

from tests.browser.test_pages import ROOT, browser, open_page  # noqa: F401

pytestmark = pytest.mark.browser

# the smallest label on screen: vis-network's font size of each drawn node times the canvas scale
SMALLEST = """(() => { const b = pohon.network.body.nodes, s = pohon.network.getScale();
  const px = pohon.nodes.get().filter(n => !n.hidden && n.label).map(n => b[n.id].options.font.size * s);
  return [Math.min.apply(null, px), px.length]; })()"""


def readable(browser, path):  # noqa: F811
    page = open_page(browser, path)
    try:
        smallest, drawn = page.eval(SMALLEST)
        assert page.errors() == []
        return smallest, drawn
    finally:
        page.close()


def test_agency_page_reads_at_22px(browser):  # noqa: F811
    smallest, drawn = readable(browser, ROOT / "visual" / "bskji.html")
    assert drawn >= 9 and smallest >= 22, (smallest, drawn)


def test_every_unit_page_reads_at_22px(browser):  # noqa: F811
    pages = sorted((ROOT / "visual").glob("unit-*.html"))
    assert len(pages) == 29
    worst = []
    for path in pages:
        smallest, drawn = readable(browser, path)
        worst.append((smallest, path.name, drawn))
    assert min(worst)[0] >= 22, sorted(worst)[:3]
    assert all(d >= 2 for _, _, d in worst)  # the unit and what hangs from it, not an empty screen


def test_names_toggle_and_text_size(browser):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / "tipe-SET.html")
    try:
        label = "pohon.nodes.get('Unit:SET').label"
        assert page.eval("pohon.shown.has('Unit:SET')")
        assert "\n" in page.eval(label)  # the code, then the name wrapped under it
        page.eval("document.getElementById('names').click()")
        assert page.eval(label).split("\n")[0].startswith("SET") and "SEKRETARIAT" not in page.eval(label)
        page.eval("document.getElementById('names').click()")
        assert "SEKRETARIAT" in page.eval(label)  # as units.csv writes it
        font = "pohon.network.body.nodes['Unit:SET'].options.font.size"
        chrome = "getComputedStyle(document.querySelector('header h1')).fontSize"
        before, head = page.eval(font), page.eval(chrome)
        page.eval("document.getElementById('text-up').click()")
        assert page.eval(font) > before and page.eval(chrome) == head  # the canvas text, not the chrome
        page.eval("document.getElementById('text-down').click()")
        assert page.eval(font) == before
        assert page.errors() == []
    finally:
        page.close()


# the drawn boxes (shape and label) of the visible nodes, as vis-network measures them
BOXES = """(() => pohon.nodes.get().filter(n => !n.hidden).map(n => {
  const b = pohon.network.getBoundingBox(n.id); return [b.left, b.top, b.right, b.bottom, n.id]; }))()"""


@pytest.mark.parametrize("name,unfold", [("bskji.html", False), ("bskji.html", True), ("tipe-BSPJI.html", False),
                                         ("tipe-P4SI.html", True)])
def test_labels_do_not_overlap(browser, name, unfold):  # noqa: F811
    page = open_page(browser, ROOT / "visual" / name)
    try:
        if unfold:
            page.eval("document.getElementById('unfold-all').click()")
        boxes = sorted(page.eval(BOXES))
        assert len(boxes) > 5
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[2]:
                    break
                assert not (b[1] < a[3] - 1 and a[1] < b[3] - 1), f"{a[4]} overlaps {b[4]}"
    finally:
        page.close()
