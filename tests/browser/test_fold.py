"""A tree you fold (issue 10, item 2): the page opens folded; a folded node says what it hides, the findings
under it by severity and the komponen budget under it as `pohon budget` counts it; click or Enter unfolds;
"Lipat ke tingkat" and "Buka semua"."""
from __future__ import annotations

import json

import pytest

from pohon import fmt
from pohon.budget import rollup
from pohon.graph import load_graph
from tests.browser.test_pages import ROOT, browser, node_dom_point, open_page  # noqa: F401
from tests.test_visual import page_data

pytestmark = pytest.mark.browser


def test_folded_badges_say_what_is_under(browser):  # noqa: F811
    g = load_graph(ROOT / "data")
    path = ROOT / "visual" / "bskji.html"
    data = page_data(path.read_text(encoding="utf-8"))
    info = {n["id"]: r for n, r in zip(data["nodes"], data["info"])}
    kids = {}
    for c, p in data["parent"].items():
        kids.setdefault(p, []).append(c)
    page = open_page(browser, path)
    try:
        page.eval("pohon.foldTo(1, 0)")  # SS and SP shown, the IKs folded under their SP
        folded = page.eval("Array.from(pohon.folded)")
        assert folded and all(n.startswith("SP:") for n in folded)
        by_sp = {r.id: r.total for r in rollup(g, "sp").rows}
        for sp in folded:
            label = page.eval(f"pohon.nodes.get({json.dumps(sp)}).label")
            assert f"⊞ {len(kids[sp])} IK" in label
            if by_sp.get(sp):
                assert fmt.juta(by_sp[sp]) in label, (sp, label)
            sev = {}
            for ik in kids[sp]:
                for f in info[ik]["f"]:
                    sev[f[0]] = sev.get(f[0], 0) + 1
            for s, word in (("error", "galat"), ("warning", "peringatan"), ("info", "info")):
                if sev.get(s):
                    assert f"{sev[s]} {word}" in label, (sp, label)
        # Enter unfolds the selected node, click unfolds a folded one
        sp = folded[0]
        page.eval(f"pohon.select({json.dumps(sp)}, false)")
        page.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13})
        page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13})
        assert page.eval(f"pohon.folded.has({json.dumps(sp)})") is False
        assert all(page.eval(f"pohon.shown.has({json.dumps(ik)})") for ik in kids[sp])
        other = folded[1]
        page.click(*node_dom_point(page, other))
        assert page.eval(f"pohon.folded.has({json.dumps(other)})") is False
        page.eval("document.getElementById('unfold-all').click()")
        assert page.eval("pohon.folded.size") == 0 and page.eval("pohon.shown.size") == len(data["nodes"])
        assert page.errors() == []
    finally:
        page.close()
