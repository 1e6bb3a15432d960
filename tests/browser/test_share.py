"""Out of the room (issue 10, item 9): the URL hash holds the view, "Simpan PNG" saves it at 2x, and the print
stylesheet puts the view on a landscape page without the controls."""
from __future__ import annotations

import base64
import re
import shutil
import subprocess

import pytest

from tests.browser.cdp import count_non_background, png_pixels
from tests.browser.test_pages import ROOT, browser, open_page  # noqa: F401

pytestmark = pytest.mark.browser
PAGE = ROOT / "visual" / "bskji.html"


def open_url(browser, url):  # noqa: F811
    page = browser.new_page(1920, 1080)
    page.goto(url)
    page.wait_for("window.__pohonReady === true", 20)
    return page


def test_hash_selects_and_selecting_writes_the_hash(browser):  # noqa: F811
    page = open_url(browser, PAGE.resolve().as_uri() + "#IK:T1/SP3/a")
    try:
        assert page.eval("pohon.selected") == "IK:T1/SP3/a"
        assert page.eval("pohon.shown.has('IK:T1/SP3/a')")  # unfolded to it
        page.eval("pohon.select('SP:SP4', false)")
        assert page.eval("location.hash").split("&")[0] == "#SP:SP4"  # (then the folds opened on the way: open=…)
        page.eval("pohon.clear()")
        assert page.eval("location.hash").startswith("#open=")  # nothing selected; what was unfolded stays
        assert page.errors() == []
    finally:
        page.close()


def test_the_url_brings_back_folds_filters_and_selection(browser):  # noqa: F811
    page = open_page(browser, PAGE)
    try:
        page.eval("(() => { const s = document.getElementById('f-sp'); s.value = 'SP3';"
                  " s.dispatchEvent(new Event('change')); })()")
        page.eval("pohon.foldTo(3)")
        page.eval("pohon.toggleFold('Tipe:BSPJI')")
        page.eval("pohon.select('Unit:BSPJI-ACEH', false)")
        url = page.eval("location.href")
        want = page.eval("[pohon.selected, pohon.filter, Array.from(pohon.shown).sort(), Array.from(pohon.folded).sort()]")
    finally:
        page.close()
    assert "sp=SP3" in url and "Unit:BSPJI-ACEH" in url
    again = open_url(browser, url)
    try:
        got = again.eval("[pohon.selected, pohon.filter, Array.from(pohon.shown).sort(), Array.from(pohon.folded).sort()]")
        assert got == want
        assert again.errors() == []
    finally:
        again.close()


def test_save_png_is_the_view_at_twice_its_resolution(browser):  # noqa: F811
    page = open_page(browser, PAGE)
    try:
        size = page.eval("[document.getElementById('net').clientWidth, document.getElementById('net').clientHeight]")
        page.eval("document.getElementById('save-png').click()")
        page.wait_for("!!pohon.lastPng", 10)
        png = base64.b64decode(page.eval("pohon.lastPng").split(",", 1)[1])
        width, height = png_pixels(png)[:2]
        assert (width, height) == (2 * size[0], 2 * size[1])
        assert count_non_background(png) > 5000, "the PNG is blank"
        # the page is as it was
        assert page.eval("[document.getElementById('net').clientWidth, document.getElementById('net').clientHeight]") == size
        assert page.errors() == []
    finally:
        page.close()


def test_print_hides_the_controls_and_gives_the_view_the_page(browser, tmp_path):  # noqa: F811
    page = open_page(browser, PAGE)
    try:
        page.send("Emulation.setEmulatedMedia", {"media": "print"})
        browser.pump(0.3)
        hidden = page.eval("['.controls', '#side', '#search', '#f-list'].map(q =>"
                           " getComputedStyle(document.querySelector(q)).display === 'none' ||"
                           " document.querySelector(q).offsetParent === null)")
        assert all(hidden), hidden
        w, h = page.eval("(() => { const r = document.getElementById('net').getBoundingClientRect();"
                         " return [r.width, r.height]; })()")
        assert abs(w - 277 * 96 / 25.4) < 2 and abs(h - 170 * 96 / 25.4) < 2  # A4 landscape less margins
        assert page.eval("(() => { const c = document.querySelector('#net canvas');"
                         " return [c.clientWidth, c.clientHeight]; })()") == [round(w), round(h)]
        pdf = base64.b64decode(page.send("Page.printToPDF", {"preferCSSPageSize": True,
                                                               "printBackground": True})["data"])
        page.send("Emulation.setEmulatedMedia", {"media": ""})
        assert page.errors() == []
    finally:
        page.close()
    (tmp_path / "p.pdf").write_bytes(pdf)
    assert shutil.which("pdftoppm") and shutil.which("pdfinfo")
    info = subprocess.run(["pdfinfo", str(tmp_path / "p.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    pw, ph = [float(x) for x in info.split("Page size:")[1].split("pts")[0].split("x")]
    assert pw > ph and abs(pw - 841.9) < 2  # A4 landscape
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(tmp_path / "p.pdf"), str(tmp_path / "p")],
                   check=True)
    assert count_non_background((tmp_path / "p.png").read_bytes()) > 2000, "the printed view is blank"
