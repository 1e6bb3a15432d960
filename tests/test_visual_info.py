"""Tooltips answer "who carries it" (issue 10, item 4): IK -> its units and the budget under it; IKK -> unit,
SK, IK; komponen -> unit, IKK."""
from __future__ import annotations

from pohon import fmt
from pohon.exporters.html import style as st
from pohon.exporters.html import render_html
from tests.sample_graph import sample_graph
from tests.test_visual import page_data

YEARS = [2021, 2022, 2023, 2024]


def infos(g, **kw):
    d = page_data(render_html(g, [], depth="komponen", **kw))
    return {n["id"]: dict(r["t"]) for n, r in zip(d["nodes"], d["info"])}


def test_ik_names_its_units_and_the_budget_under_it():
    g = sample_graph()
    rows = infos(g)
    for ik in [n for n, a in g.nodes(data=True) if a["kind"] == "IK"]:
        units = sorted(g.nodes[u]["kode"] for u in g.successors(ik) if g.nodes[u]["kind"] == "Unit")
        ikks = [i for i in g.predecessors(ik) if g.nodes[i]["kind"] == "IKK"]
        money = [st.budget(g.nodes[c], YEARS) for i in ikks for c in g.successors(i)]
        money = [m for m in money if m is not None]
        r = rows[ik]
        carried = r["Diemban unit (Lampiran IV)"]
        assert carried.startswith(f"{len(units)} unit: ") if units else carried == "tidak ada"
        assert all(u in carried for u in units[:8])
        assert r["Anggaran komponen di bawahnya (Rp juta)"] == (fmt.number(sum(money)) if money else "–")
        if ikks:
            assert r["Didukung"].startswith(f"{len(ikks)} IKK · ")
    assert any(r.get("Anggaran komponen di bawahnya (Rp juta)", "–") != "–" for r in rows.values())


def test_ikk_and_komponen_name_their_unit_sk_ik_and_ikk():
    g = sample_graph()
    rows = infos(g)
    ikk = "IKK:P4SI:SK.1.2"
    a = g.nodes[ikk]
    r = rows[ikk]
    assert r["Unit kerja"] == f"P4SI · {g.nodes['Unit:P4SI']['nama']}"
    assert r["Sasaran Kegiatan"] == f"SK.1 · {g.nodes['SK:P4SI:SK.1']['nama']}"
    assert r["Mendukung IK"] == f"{a['ik']} · {g.nodes['IK:' + a['ik']]['nama']}"
    k = rows["Komponen:P4SI:SK.1.2:A"]
    assert k["Unit kerja"].startswith("P4SI · ") and k["IKK"] == f"SK.1.2 · {a['nama']}"
    assert rows["SK:P4SI:SK.1"]["Unit kerja"].startswith("P4SI · ")
    en = infos(g, lang="en")
    assert en[ikk]["Unit"].startswith("P4SI · ") and "Carried by units (Lampiran IV)" in en["IK:T1/SP3/a"]


def test_size_legend_names_the_budget_drawn_largest():
    import re

    g = sample_graph()
    html = render_html(g, [], depth="komponen")
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    for kind, word in (("Unit", "pagu"), ("Komponen", "anggaran")):
        budgets = {n: st.budget(g.nodes[n], YEARS) for n in nodes
                   if n in g and g.nodes[n]["kind"] == kind and g.nodes[n].get("tipe") != "BSKJI"}
        top = max(b for b in budgets.values() if b)
        m = re.search(rf'<li data-size="{kind}">(?:<span[^>]*></span>)+([^<]*)</li>', html)
        assert m, kind
        assert f"sebanding {word} 2021–2024; terbesar {fmt.juta(top)}" in m.group(1)
        hi = st.SIZE_RANGE[kind][1]
        assert all(nodes[n]["size"] == hi for n, b in budgets.items() if b == top)
        assert all(nodes[n]["size"] < hi for n, b in budgets.items() if b and b < top)
    assert "BSKJI, jumlah seluruh badan" not in html  # the sample's BSKJI pagu is not the largest
    # the agency's own unit, when its pagu is past the largest, is drawn at the largest: the legend says so
    for y in YEARS:
        g.nodes["Unit:BSKJI"][f"pagu_{y}"] = 10 ** 6
    html = render_html(g, [], depth="unit")
    assert {n["id"]: n for n in page_data(html)["nodes"]}["Unit:BSKJI"]["size"] == st.SIZE_RANGE["Unit"][1]
    assert "(BSKJI, jumlah seluruh badan, digambar sebesar yang terbesar)" in html
    assert "BSKJI, jumlah seluruh badan" not in render_html(g, [], depth="komponen", tipe="BSPJI")
