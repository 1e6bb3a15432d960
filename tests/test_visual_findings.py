"""Every finding of the dataset goes into the page, and units carry the findings under them (issue 10, item 3)."""
from __future__ import annotations

from collections import Counter

from pohon.checks import Finding
from pohon.exporters.html import render_html
from tests.sample_graph import sample_graph
from tests.test_visual import page_data


def test_every_finding_is_in_the_page_even_off_the_view():
    g = sample_graph()
    fs = [Finding("budget-mismatch", "error", "Kelompok:UPT", "k", "k"),
          Finding("unfunded-indicator", "info", "IKK:P4SI:SK.1.1", "i", "i"),
          Finding("target-direction", "warning", "IK:T1/SP3/a", "w", "w")]
    d = page_data(render_html(g, fs, depth="unit"))
    rows = d["findings"]
    assert [r[0] for r in rows] == ["error", "warning", "info"]  # worst first
    assert {r[4]: r[6] for r in rows} == {"Kelompok:UPT": 0, "IKK:P4SI:SK.1.1": 0, "IK:T1/SP3/a": 1}
    assert rows[0][2] == "Anggaran tidak cocok" and rows[0][5] == "Kelompok UPT"
    assert rows[2][5] == "Indikator Kinerja Kegiatan SK.1.1 · P4SI"
    assert {r[4]: r[7] for r in rows} == {"Kelompok:UPT": "", "IKK:P4SI:SK.1.1": "Unit:P4SI", "IK:T1/SP3/a": ""}


def test_a_unit_carries_the_findings_below_it():
    g = sample_graph()
    below = [n for n, a in g.nodes(data=True) if a.get("unit") == "P4SI" and a["kind"] in ("SK", "IKK", "Komponen")]
    fs = [Finding("unfunded-indicator", "info", n, "i", "i") for n in below[:3]]
    fs += [Finding("starred-with-budget", "warning", below[3], "w", "w"),
           Finding("unit-without-indicator", "warning", "Unit:P4SI", "u", "u")]  # its own: a ring, not the mark
    html = render_html(g, fs, depth="unit")
    d = page_data(html)
    nodes = {n["id"]: n for n in d["nodes"]}
    info = dict(zip(nodes, d["info"]))
    assert nodes["Unit:P4SI"]["label"] == "P4SI ⚠4"
    assert ["Temuan di bawahnya", "1 peringatan, 3 info"] in info["Unit:P4SI"]["t"]
    assert nodes["Unit:SET"]["label"] == "SET"
    assert "data-below" in html
    assert "data-below" not in render_html(g, [], depth="unit")
    en = page_data(render_html(g, fs, depth="unit", lang="en"))
    assert ["Findings below", "1 warning, 3 info"] in dict(zip(nodes, en["info"]))["Unit:P4SI"]["t"]
    assert Counter(r[0] for r in d["findings"]) == {"info": 3, "warning": 2}
