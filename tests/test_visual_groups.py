"""No hairball (issue 10, item 4): a Lampiran IV mark for a unit type is one line, IK → the type's group node.

The marks are counted here from data/cascading.csv with the csv module, independently of pohon."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from pohon.exporters.html import render_html
from pohon.graph import load_graph
from tests.sample_graph import sample_graph
from tests.test_visual import page_data

ROOT = Path(__file__).resolve().parents[1]


def marks(data: Path) -> set[tuple[str, str]]:
    """(IK code, unit type) for every mark in cascading.csv whose type has a unit in units.csv."""
    with open(data / "units.csv", encoding="utf-8") as f:
        types = {r["tipe"] for r in csv.DictReader(f)}
    with open(data / "cascading.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {(f"{r['tujuan']}/{r['sp']}/{r['kode']}", t) for r in rows for t in types if r.get(t, "").strip()}


def test_agency_page_draws_one_line_per_mark():
    g = load_graph(ROOT / "data")
    data = page_data(render_html(g, [], depth="unit"))
    kind = {n["id"]: n["group"] for n in data["nodes"]}
    band = [(e["from"], e["to"]) for e in data["edges"] if kind[e["from"]] == "IK" and kind[e["to"]] in ("Unit", "Tipe")]
    want = marks(ROOT / "data")
    assert len(band) <= len(want)
    tipe = {n: g.nodes[n]["tipe"] if n in g else n.split(":", 1)[1] for n in kind if kind[n] in ("Unit", "Tipe")}
    assert sorted((ik[3:], tipe[u]) for ik, u in band) == sorted(want)  # each mark exactly once
    groups = {n["id"]: n["label"] for n in data["nodes"] if n["group"] == "Tipe"}
    n_units = Counter(a["tipe"] for _, a in g.nodes(data=True) if a.get("kind") == "Unit")
    assert groups == {f"Tipe:{t}": f"{t} · {n_units[t]} unit" for t in ("BBSPJI", "BSPJI")}
    # the group unfolds to exactly its units
    under = {c for c, p in data["parent"].items() if p == "Tipe:BSPJI"}
    assert under == {n for n, a in g.nodes(data=True) if a.get("kind") == "Unit" and a.get("tipe") == "BSPJI"}


def test_a_type_of_one_unit_and_a_single_unit_view_get_no_group():
    g = sample_graph(bbspji=1, bspji=3)
    data = page_data(render_html(g, [], depth="komponen", unit="BSPJI-02"))
    assert not any(n["group"] == "Tipe" for n in data["nodes"])
    data = page_data(render_html(g, [], depth="unit"))
    assert {n["id"] for n in data["nodes"] if n["group"] == "Tipe"} == {"Tipe:BSPJI"}
    # a type page keeps its group, open
    data = page_data(render_html(g, [], depth="komponen", tipe="BSPJI"))
    assert [n["id"] for n in data["nodes"] if n["group"] == "Tipe"] == ["Tipe:BSPJI"]
