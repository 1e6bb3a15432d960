"""visual/ (issue 10, item 12): one page per unit at komponen depth, drawn from the unit's selection of the
dataset; visual/index.html lists every page; each page stands alone; a unit page weighs at most 1 MB."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pohon.checks import run_checks
from pohon.exporters.html import render_html, unit_page
from pohon.graph import build_graph
from pohon.load import load_dataset
from tests.test_visual import EXTERNAL, page_data

ROOT = Path(__file__).resolve().parents[1]
VISUAL = ROOT / "visual"


def units_csv() -> list[dict]:
    with open(ROOT / "data" / "units.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def ds():
    return load_dataset(ROOT / "data")


def test_one_committed_page_per_unit_at_most_1mb():
    units = [r["kode"] for r in units_csv() if r["kelompok"] != "TOTAL"]
    pages = sorted(p.name for p in VISUAL.glob("unit-*.html"))
    assert pages == sorted(f"unit-{u}.html" for u in units)
    sizes = {p: (VISUAL / p).stat().st_size for p in pages}
    assert max(sizes.values()) <= 1_000_000, max(sizes.items(), key=lambda x: x[1])


@pytest.mark.parametrize("unit", ["BBSPJI-AGRO", "P4SI"])
def test_a_unit_page_is_its_selection(ds, unit):
    """What a unit page shows: the unit, its SK/IKK/komponen, its chain up to the SS; upper nodes' units are this
    unit; sizes are relative to the unit's own largest komponen (not the cascade's)."""
    html, _ = unit_page(ds, unit, [])
    data = page_data(html)
    kind = {n["id"]: n["group"] for n in data["nodes"]}
    info = dict(zip(kind, data["info"]))
    assert [n for n in kind if kind[n] == "Unit"] == [f"Unit:{unit}"]
    assert all(r["u"] in ([], [unit]) for r in info.values())
    assert data["unitList"] == [unit]
    # the chain up to the SS: every drawn IK has its SP drawn, every SP its SS
    up = {}
    for e in data["edges"]:
        up.setdefault(e["to"], set()).add(e["from"])
    for n, k in kind.items():
        if k == "IK":
            assert any(kind.get(p) == "SP" for p in up.get(n, ())), n
        if k == "SP":
            assert any(kind.get(p) == "SS" for p in up.get(n, ())), n
    # the unit's own budget scale: the largest of its komponen, summed over the years, from komponen.csv
    with open(ROOT / "data" / "komponen.csv", encoding="utf-8") as f:
        mine = [sum(float(r[c] or 0) for c in r if c.startswith("anggaran_")) for r in csv.DictReader(f)
                if r["unit"] == unit]
    legend = re.search(r'<li data-size="Komponen">.*?terbesar Rp ([\d.,]+) juta', html).group(1)
    assert float(legend.replace(".", "").replace(",", ".")) == pytest.approx(max(mine), abs=0.01)
    # the page drawn from the unit's selection is the page of that selection's graph, whatever else is loaded
    from pohon.selection import Selection
    assert html == render_html(build_graph(ds, Selection(unit=unit)), [], unit=unit, depth="komponen")


def test_index_lists_every_page_with_counts_and_findings(ds):
    html = (VISUAL / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)">', html)
    assert sorted(hrefs) == sorted(p.name for p in VISUAL.glob("*.html") if p.name != "index.html")
    assert "<script" not in html
    total = len(run_checks(ds))
    shown = re.search(r'class="lead">(.*?)</p>', html).group(1)
    got = sum(int(n.replace(".", "")) for n in re.findall(r'>([\d.]+) (?:galat|peringatan|info)<', shown))
    assert got == total
    row = re.search(r'<a href="unit-P4SI.html">.*?</tr>', html, re.S).group(0)
    assert "Komponen" in row and "unit kerja" in row


def test_every_committed_page_stands_alone():
    for p in VISUAL.glob("*.html"):
        html = p.read_text(encoding="utf-8")
        for pattern in EXTERNAL:
            assert not pattern.search(html), (p.name, pattern.pattern)
        assert "default-src 'none'" in html
