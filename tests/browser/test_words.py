"""What the room reads in the details panel: Indonesian numbers and rule titles (issue 10, item 2)."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.test_pages import ROOT, browser, open_page  # noqa: F401  (browser is a fixture)
from tests.test_visual import page_data

pytestmark = pytest.mark.browser


def test_details_panel_shows_indonesian_numbers_and_rule_titles(browser):  # noqa: F811
    from pohon.checks import all_rules

    path = ROOT / "visual" / "tipe-BBSPJI.html"
    d = page_data(path.read_text(encoding="utf-8"))
    info = dict(zip((n["id"] for n in d["nodes"]), d["info"]))
    node = next(n for n, r in info.items() if r["k"] == "Komponen" and any(f[1] == "starred-with-budget" for f in r["f"]))
    page = open_page(browser, path)
    try:
        page.eval(f"pohon.select({json.dumps(node)}, true)")
        text = page.eval("document.getElementById('details').innerText")
        assert re.search(r"Anggaran \(Rp juta\) 2024\s+\d{1,3}(\.\d{3})*,\d{2}", text), text
        assert re.search(r"Jumlah 2021–2024\s+\d{1,3}(\.\d{3})*,\d{2}", text), text
        title = all_rules()["starred-with-budget"].title("id")
        assert f"peringatan · {title}:" in text
        assert re.search(r"Rp \d{1,3}(\.\d{3})*,\d{2} juta", text), text
        # the rule id is only the small secondary code
        codes = page.eval("Array.from(document.querySelectorAll('#details code.rule')).map(c => c.textContent)")
        assert "starred-with-budget" in codes
        bold = page.eval("Array.from(document.querySelectorAll('#details .findings b')).map(b => b.textContent)")
        assert all("starred-with-budget" not in b for b in bold)
        assert page.errors() == []
    finally:
        page.close()
