"""Hovering answers "who carries it", and search rows say what and whose each hit is (issue 10, item 4)."""
from __future__ import annotations

import json

import pytest

from tests.browser.test_pages import ROOT, browser, node_dom_point, open_page  # noqa: F401  (fixture)
from tests.test_visual import page_data

pytestmark = pytest.mark.browser


def hover(page, browser, node):  # noqa: F811
    page.eval(f"pohon.network.focus({json.dumps(node)}, {{scale: 1.5, animation: false}})")
    browser.pump(0.1)
    x, y = node_dom_point(page, node)
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x - 40, "y": y - 40})
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    page.wait_for("!document.getElementById('tip').hidden", 5)
    return page.eval("document.getElementById('tip').innerText")


def test_hover_tells_who_carries_it(browser):  # noqa: F811
    path = ROOT / "visual" / "tipe-BBSPJI.html"
    d = page_data(path.read_text(encoding="utf-8"))
    ids = [n["id"] for n in d["nodes"]]
    page = open_page(browser, path)
    try:
        ik = next(i for i in ids if i.startswith("IK:"))
        tip = hover(page, browser, ik)
        assert "Diemban unit (Lampiran IV)" in tip and "Anggaran komponen di bawahnya (Rp juta)" in tip
        ikk = next(i for i in ids if i.startswith("IKK:"))
        tip = hover(page, browser, ikk)
        unit = ikk.split(":")[1]
        assert f"Unit kerja\t{unit} · " in tip and "Sasaran Kegiatan\tSK." in tip and "Mendukung IK\t" in tip
        kom = next(i for i in ids if i.startswith("Komponen:"))
        tip = hover(page, browser, kom)
        assert f"Unit kerja\t{kom.split(':')[1]} · " in tip and f"IKK\t{kom.split(':')[2]} · " in tip
        assert page.errors() == []
    finally:
        page.close()


def test_search_rows_show_kind_unit_and_how_many(browser):  # noqa: F811
    path = ROOT / "visual" / "tipe-BBSPJI.html"
    page = open_page(browser, path)
    try:
        page.eval("(() => { const s = document.getElementById('search'); s.value = 'SK.2.1';"
                  " s.dispatchEvent(new Event('input')); })()")
        total = page.eval("pohon.find('SK.2.1').total")
        assert total > 12
        assert page.eval("document.querySelector('#results .hits-count').textContent") == f"12 dari {total}"
        wheres = page.eval("Array.from(document.querySelectorAll('#results .hit-where')).map(e => e.textContent)")
        assert len(wheres) == 12
        assert any(w.startswith("Indikator Kinerja Kegiatan · BBSPJI-") for w in wheres)
        page.eval("(() => { const s = document.getElementById('search'); s.value = 'BBSPJI-AGRO';"
                  " s.dispatchEvent(new Event('input')); })()")
        few = page.eval("pohon.find('BBSPJI-AGRO').total")
        count = page.eval("document.querySelector('#results .hits-count').textContent")
        assert count == (str(few) if few <= 12 else f"12 dari {few}")
        assert page.errors() == []
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_js_counts_group_like_pohon_fmt(browser, tmp_path, lang):  # noqa: F811
    from pohon import fmt
    from pohon.exporters.html import render_html
    from tests.sample_graph import sample_graph

    path = tmp_path / f"{lang}.html"
    path.write_text(render_html(sample_graph(), [], lang=lang), encoding="utf-8")
    page = open_page(browser, path)
    try:
        values = [0, 7, 12, 999, 1000, 12345, 999999, 1234567, 10 ** 9]
        got = page.eval(f"{json.dumps(values)}.map(pohon.count)")
        assert got == [fmt.plain(v, lang) for v in values]
    finally:
        page.close()
