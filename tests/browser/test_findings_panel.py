"""The findings panel lists every finding `pohon check` reports on the page's data, filters by severity,
rule and unit, selects a drawn node on click, and steps with n / p (issue 10, item 3)."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.browser.test_pages import ROOT, browser, open_page  # noqa: F401  (browser is a fixture)
from tests.test_visual import page_data

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def findings():
    from pohon.checks import run_checks
    from pohon.graph import load_graph

    return run_checks(load_graph(ROOT / "data"))


def key(page, k: str) -> None:
    page.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": k, "text": k})
    page.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": k})


def rows(page) -> list[dict]:
    return page.eval("""Array.from(document.querySelectorAll('#f-list .fhit')).map(b => ({
        i: +b.dataset.i, outside: b.classList.contains('outside'), current: b.classList.contains('current'),
        text: b.textContent }))""")


@pytest.mark.parametrize("name", ["bskji.html", "tipe-BBSPJI.html"])
def test_panel_lists_every_finding_of_the_data(browser, findings, name):  # noqa: F811
    path = ROOT / "visual" / name
    d = page_data(path.read_text(encoding="utf-8"))
    drawn = {n["id"] for n in d["nodes"]}
    page = open_page(browser, path)
    try:
        listed = rows(page)
        assert len(listed) == len(findings) == len(d["findings"])
        assert Counter((f[0], f[1], f[4]) for f in d["findings"]) == \
            Counter((f.severity, f.rule, f.node) for f in findings)
        assert sum(r["outside"] for r in listed) == sum(f.node not in drawn for f in findings) > 0
        # grouped worst first
        rank = {"error": 0, "warning": 1, "info": 2}
        sevs = [rank[d["findings"][r["i"]][0]] for r in listed]
        assert sevs == sorted(sevs)
        for sev, n in Counter(f.severity for f in findings).items():
            page.eval(f"(() => {{ const s = document.getElementById('f-sev'); s.value = '{sev}';"
                      " s.dispatchEvent(new Event('change')); })()")
            assert len(rows(page)) == n
            assert page.eval("document.getElementById('f-count').textContent") == f"{n} dari {len(findings)}"
        page.eval("(() => { const s = document.getElementById('f-sev'); s.value = '';"
                  " s.dispatchEvent(new Event('change')); })()")
        # within a severity, what this page draws comes first
        for sev in rank:
            flags = [r["outside"] for r in listed if d["findings"][r["i"]][0] == sev]
            assert flags == sorted(flags)
        page.eval("document.getElementById('f-drawn').click()")
        assert len(rows(page)) == sum(f.node in drawn for f in findings)
        assert not any(r["outside"] for r in rows(page))
        page.eval("document.getElementById('f-drawn').click()")
        assert len(rows(page)) == len(findings)
        rule, n = Counter(f.rule for f in findings).most_common(1)[0]
        page.eval(f"(() => {{ const s = document.getElementById('f-rule'); s.value = {json.dumps(rule)};"
                  " s.dispatchEvent(new Event('change')); })()")
        got = rows(page)
        assert len(got) == n and all(d["findings"][r["i"]][1] == rule for r in got)
        from pohon.checks import all_rules
        assert all(all_rules()[rule].title("id") in r["text"] for r in got)
        page.eval("(() => { const s = document.getElementById('f-rule'); s.value = '';"
                  " s.dispatchEvent(new Event('change')); })()")
        # by unit: a unit's own findings and those on its SK, IKK and komponen
        from pohon.exporters.html.findings import unit_of
        per_unit = Counter(unit_of(f.node) for f in findings if unit_of(f.node))
        assert per_unit["BBSPJI-KB"] > 0
        for unit in ("BBSPJI-KB", max(per_unit, key=per_unit.get)):
            page.eval(f"(() => {{ const s = document.getElementById('f-unit-find'); s.value = {json.dumps(unit)};"
                      " s.dispatchEvent(new Event('change')); })()")
            got = rows(page)
            assert len(got) == per_unit[unit]
            assert {d["findings"][r["i"]][4] for r in got} == {f.node for f in findings if unit_of(f.node) == unit}
        page.eval("(() => { const s = document.getElementById('f-unit-find'); s.value = '';"
                  " s.dispatchEvent(new Event('change')); })()")
        assert len(rows(page)) == len(findings)
        assert page.errors() == []
    finally:
        page.close()


def test_click_selects_and_n_p_step_through(browser, findings):  # noqa: F811
    path = ROOT / "visual" / "tipe-BBSPJI.html"
    d = page_data(path.read_text(encoding="utf-8"))
    page = open_page(browser, path)
    try:
        listed = rows(page)
        first_drawn = next(k for k, r in enumerate(listed) if not r["outside"])
        page.eval(f"document.querySelectorAll('#f-list .fhit')[{first_drawn}].click()")
        node = d["findings"][listed[first_drawn]["i"]][4]
        assert page.eval("pohon.selected") == node
        assert page.eval("pohon.network.getSelectedNodes()") == [node]
        key(page, "n")
        now = rows(page)
        assert [k for k, r in enumerate(now) if r["current"]] == [first_drawn + 1]
        nxt = d["findings"][now[first_drawn + 1]["i"]]
        if nxt[6]:
            assert page.eval("pohon.selected") == nxt[4]
        key(page, "p")
        key(page, "p")
        assert [k for k, r in enumerate(rows(page)) if r["current"]] == [(first_drawn - 1) % len(listed)]
        # an outside finding is listed and marked but selects nothing that is not on the page
        outside = next(k for k, r in enumerate(listed) if r["outside"])
        page.eval("pohon.clear()")
        page.eval(f"document.querySelectorAll('#f-list .fhit')[{outside}].click()")
        assert page.eval("pohon.selected") is None
        assert "di luar tampilan ini" in rows(page)[outside]["text"]
        # "Atur ulang" starts the panel over too
        page.eval("(() => { const s = document.getElementById('f-sev'); s.value = 'info';"
                  " s.dispatchEvent(new Event('change')); document.getElementById('f-drawn').click(); })()")
        page.eval("document.getElementById('reset').click()")
        after = rows(page)
        assert len(after) == len(listed) and not any(r["current"] for r in after)
        assert page.eval("document.getElementById('f-sev').value") == "" and \
            page.eval("document.getElementById('f-drawn').checked") is False
        assert page.errors() == []
    finally:
        page.close()


def test_a_page_without_drawn_findings_says_so(browser, tmp_path):  # noqa: F811
    from pohon.checks import Finding
    from pohon.exporters.html import render_html
    from tests.sample_graph import sample_graph

    path = tmp_path / "p.html"  # the only finding sits on a Tabel 10 group, which no page draws
    path.write_text(render_html(sample_graph(), [Finding("budget-mismatch", "error", "Kelompok:UPT", "k", "k")]),
                    encoding="utf-8")
    page = open_page(browser, path)
    try:
        assert len(rows(page)) == 1 and rows(page)[0]["outside"]
        page.eval("document.getElementById('f-drawn').click()")
        assert rows(page) == []
        assert page.eval("document.getElementById('f-count').textContent") == "0 dari 1"
        assert page.eval("document.querySelector('#f-list .muted').textContent") == "Tidak ada temuan di sini."
        assert page.errors() == []
    finally:
        page.close()


def test_a_finding_off_the_page_selects_the_unit_above_it(browser, findings):  # noqa: F811
    """bskji.html draws units, not their komponen: a komponen finding selects its unit."""
    path = ROOT / "visual" / "bskji.html"
    d = page_data(path.read_text(encoding="utf-8"))
    page = open_page(browser, path)
    try:
        listed = rows(page)
        k = next(k for k, r in enumerate(listed) if d["findings"][r["i"]][4].startswith("Komponen:"))
        f = d["findings"][listed[k]["i"]]
        unit = "Unit:" + f[4].split(":")[1]
        assert f[6] == 0 and f[7] == unit
        assert f"di bawah unit {unit[5:]}" in listed[k]["text"]
        page.eval(f"document.querySelectorAll('#f-list .fhit')[{k}].click()")
        assert page.eval("pohon.selected") == unit
        # a Tabel 10 group has no unit above it on any page: nothing is selected
        page.eval("pohon.clear()")
        g = next(k for k, r in enumerate(listed) if d["findings"][r["i"]][4].startswith("Kelompok:"))
        page.eval(f"document.querySelectorAll('#f-list .fhit')[{g}].click()")
        assert page.eval("pohon.selected") is None
        assert page.errors() == []
    finally:
        page.close()
