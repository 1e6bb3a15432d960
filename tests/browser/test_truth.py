"""After every interaction the committed pages still draw what the data and the legend say: each node's
size, border width and border colour are those it opened with (issue 10, item 1)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.test_pages import HIDDEN_IDS, ROOT, browser, open_page  # noqa: F401  (browser is a fixture)
from tests.test_visual import page_data

pytestmark = pytest.mark.browser

# What vis-network actually draws a node with (its merged options), for every node of the page.
DRAWN = """(() => { const out = {}; const b = pohon.network.body.nodes;
  pohon.nodes.getIds().forEach(id => { const o = b[id].options;
    out[id] = [o.size, o.borderWidth, o.color.border, o.color.background, !!(o.shadow && o.shadow.enabled)]; });
  return out; })()"""


def change(select_id: str, value: str) -> str:
    return (f"(() => {{ const s = document.getElementById({json.dumps(select_id)}); s.value = {json.dumps(value)};"
            " s.dispatchEvent(new Event('change')); })()")


def interactions(page, data) -> list[tuple[str, str]]:
    """A workshop's sequence: select, clear, search, filter unit, filter SP, select inside the filter, focus and
    leave it, unfold, fold, reset."""
    marked = next(n["id"] for n in data["nodes"] if "color" in n)
    unit = data["unitList"][len(data["unitList"]) // 2]
    sp = data["spList"][0]
    folder = next(iter(data["parent"].values()))
    return [
        ("select", f"pohon.select({json.dumps(marked)}, false)"),
        ("clear", "pohon.clear()"),
        ("search", "(() => { const s = document.getElementById('search'); s.value = 'SP3';"
                   " s.dispatchEvent(new Event('input')); })()"),
        ("filter unit", change("f-unit", unit)),
        ("filter sp", change("f-sp", sp)),
        ("filter unit off", change("f-unit", "")),
        ("select in filter", f"pohon.select({json.dumps(data['nodes'][0]['id'])}, true)"),
        ("focus", f"pohon.focusOn({json.dumps(marked)})"),
        ("leave focus", "pohon.leaveFocus()"),
        ("unfold", f"pohon.toggleFold({json.dumps(folder)})"),
        ("fold", f"pohon.toggleFold({json.dumps(folder)})"),
        ("reset", "document.getElementById('reset').click()"),
    ]


@pytest.mark.parametrize("name", ["bskji.html", "tipe-BBSPJI.html"])
def test_every_node_keeps_its_size_and_border_after_every_interaction(browser, name):  # noqa: F811
    path = ROOT / "visual" / name
    data = page_data(path.read_text(encoding="utf-8"))
    page = open_page(browser, path)
    try:
        first = page.eval(DRAWN)
        folded_away = page.eval(HIDDEN_IDS)
        # the page opened with what the data says: budget sizes and finding borders
        for n in data["nodes"]:
            if "size" in n:
                assert first[n["id"]][0] == n["size"], n["id"]
            if "borderWidth" in n:
                assert first[n["id"]][1:3] == [n["borderWidth"], n["color"]["border"]], n["id"]
        sizes = {v[0] for k, v in first.items() if k.startswith(("Unit:", "Komponen:"))}
        assert len(sizes) > 5, "budget sizes missing from the start"
        for step, js in interactions(page, data):
            page.eval(js)
            browser.pump(0.05)
            now = page.eval(DRAWN)
            wrong = [(k, first[k], now[k]) for k in first if now[k] != first[k]]
            assert not wrong, f"after {step}: {len(wrong)} nodes drawn differently, e.g. {wrong[:3]}"
        assert page.eval(HIDDEN_IDS) == folded_away
        assert page.eval("pohon.nodes.get().every(n => n.opacity === undefined || n.opacity === 1)")
        assert page.errors() == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["bskji.html", "tipe-BBSPJI.html"])
def test_legend_describes_what_is_drawn(browser, name):  # noqa: F811
    """Every finding ring drawn has its legend entry (colour and width), and every legend entry is drawn."""
    page = open_page(browser, ROOT / "visual" / name)
    try:
        legend = page.eval("""Array.from(document.querySelectorAll('#legend li[data-sev]')).map(li => {
            const s = getComputedStyle(li.querySelector('.sw'));
            return [li.dataset.sev, parseFloat(s.borderTopWidth), s.borderTopColor]; })""")
        rings = page.eval("""(() => { const seen = {}; const b = pohon.network.body.nodes;
            pohon.nodes.getIds().forEach(id => { const o = b[id].options;
              if (o.borderWidth > 2) { seen[o.borderWidth + ' ' + o.color.border] = true; } });
            return Object.keys(seen); })()""")

        def rgb(hex_colour: str) -> str:
            h = hex_colour.lstrip("#")
            return f"rgb({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)})"

        drawn = {(float(r.split()[0]), rgb(r.split()[1])) for r in rings}
        assert drawn, "no finding ring drawn"
        assert {(w, c) for _, w, c in legend} == drawn
        kinds = set(page.eval("Array.from(document.querySelectorAll('#legend li[data-kind]')).map(li => li.dataset.kind)"))
        assert kinds == set(page.eval("pohon.nodes.get().map(n => n.group)"))
        sized = set(page.eval("Array.from(document.querySelectorAll('#legend li[data-size]')).map(li => li.dataset.size)"))
        assert sized == kinds & {"Unit", "Komponen"}
        # every budget-sized node is drawn inside the range the size key shows (smallest .. largest)
        from pohon.exporters.html.style import SIZE_RANGE

        for kind, (lo, hi) in SIZE_RANGE.items():
            sizes = page.eval(f"""pohon.nodes.getIds().filter(i => i.startsWith('{kind}:'))
                .map(i => pohon.network.body.nodes[i].options.size)""")
            assert all(lo <= x <= hi for x in sizes), kind
        dashed = page.eval("pohon.edges.get().some(e => Array.isArray(e.dashes))")
        assert page.eval("!!document.querySelector('#legend li[data-edge=cascade]')") == dashed
        assert dashed == (name != "bskji.html")  # unit depth draws no IKK, so no IKK → IK line
        assert page.errors() == []
    finally:
        page.close()
