"""The rows of a node's tooltip and details panel: what it is, who carries it, its numbers.

"Who carries it" comes first, because that is what the room asks: an IK names the units that carry it
(Lampiran IV), the IKKs that support it and the komponen budget under them; an IKK its unit, SK and IK; a
komponen its unit and IKK; an SK its unit. Numbers go through pohon.fmt (via .style).
"""
from __future__ import annotations

from pohon import fmt
from pohon.exporters.html import findings as hf
from pohon.exporters.html import style as st
from pohon.exporters.html.select import natural_key
from pohon.nodes import code_of, without_kind

MAX_NAMES = 8  # units named in a row; the rest are counted


def _named(graph, node: str) -> str:
    """`BBSPJI-AGRO · Balai Besar …` for a node id, or its code alone when it is not in the graph."""
    a = graph.get(node) if node in graph else None
    code = code_of(node)
    if a is None:
        return code
    name = str(a.get("nama") or "")
    code = str(a.get("kode") or code)
    return f"{code} · {name}" if name else code


def _codes(codes, lang: str) -> str:
    codes = sorted(set(codes), key=natural_key)
    t = st.text(lang)
    shown = ", ".join(codes[:MAX_NAMES])
    more = len(codes) - MAX_NAMES
    head = f"{fmt.plain(len(codes), lang)} {t['units_word']}: "
    return head + shown + (f" (+{fmt.plain(more, lang)} {t['more']})" if more > 0 else "")


def carriers(graph, n: str, years, lang: str) -> list[list[str]]:
    """The rows that say who carries node n."""
    a = graph.attrs(n)
    k = a["kind"]
    t = st.text(lang)
    rows = []
    if k == "IK":
        units = [str(graph.attrs(v).get("kode")) for v, e in graph.succ(n)
                 if graph.attrs(v).get("kind") == "Unit" and e.get("rel") == "CARRIED_BY"]
        rows.append([t["carried_by"], _codes(units, lang) if units else t["nobody"]])
        ikks = [u for u, e in graph.pred(n) if graph.attrs(u).get("kind") == "IKK" and e.get("rel") == "CASCADES_TO"]
        if ikks:
            from_units = {str(graph.attrs(i).get("unit")) for i in ikks}
            rows.append([t["supported_by"], f"{fmt.plain(len(ikks), lang)} IKK · " + _codes(from_units, lang)])
        keys = [f"{st.BUDGET_PREFIX['Komponen']}_{y}" for y in years]
        money = [m for i in ikks for c, _ in graph.succ(i) for a_c in (graph.attrs(c),)
                 if a_c.get("kind") == "Komponen" for m in (st.budget_total(a_c, keys),) if m is not None]
        rows.append([t["budget_under"], st.fmt_money(sum(money), lang) if money else "–"])
    elif k in ("SK", "IKK", "Komponen") and a.get("unit"):
        unit = str(a["unit"])
        rows.append([t["unit"], _named(graph, f"Unit:{unit}")])
        if k == "IKK" and a.get("sk"):
            rows.append([t["sk"], _named(graph, f"SK:{unit}:{a['sk']}")])
        if k == "IKK" and a.get("ik"):
            rows.append([t["ik"], _named(graph, f"IK:{a['ik']}")])
        if k == "Komponen" and a.get("ikk"):
            rows.append([t["ikk"], _named(graph, f"IKK:{unit}:{a['ikk']}")])
    return rows


def info(graph, n: str, findings, view, years, lang: str, below=None) -> dict:
    """The page's record of node n: kind, code, name, rows, its findings, and the units/SPs the filters use."""
    a = graph.attrs(n)
    t = st.text(lang)
    k = a["kind"]
    rows = []
    code = a.get("kode") or ""
    if code:
        rows.append([t["code"], str(code)])
    rows += carriers(graph, n, years, lang)
    if k == "Tipe":
        rows.append([t["kinds"]["Unit"], _codes(view.units.get(n, []), lang)])
    if k == "Unit" and a.get("tipe"):
        rows.append([t["tipe"], str(a["tipe"])])
    if k == "SP" and a.get("program"):
        rows.append([t["program"], str(a["program"])])
    if k == "SK" and a.get("sp"):
        rows.append([t["sp"], str(a["sp"])])
    if a.get("satuan"):
        rows.append([t["satuan"], str(a["satuan"])])
    if any(f"target_{y}" in a for y in years):
        rows += [[f"{t['target']} {y}", st.fmt_target(a.get(f"target_{y}"), lang)] for y in years]
    prefix = st.BUDGET_PREFIX.get(k)
    if prefix:
        label = t["pagu"] if prefix == "pagu" else t["budget"]
        rows += [[f"{label} {y}", st.fmt_money(a.get(f"{prefix}_{y}"), lang)] for y in years]
        total = st.budget(a, years)
        rows.append([f"{t['total']} {years[0]}–{years[-1]}", st.fmt_money(total, lang)])
    if k == "IKK" and a.get("ik") and not a.get("unit"):
        rows.append([t["ik"], str(a["ik"])])
    if k == "IK" and a.get("unit_types"):
        rows.append([t["unit_types"], ", ".join(str(x) for x in a["unit_types"])])
    if k == "Komponen" and a.get("bintang"):
        rows.append([t["bintang"], t["yes"]])
    if k == "Unit" and below and below.get(str(code)):
        rows.append([t["below"], hf.rollup_text(below[str(code)], lang)])
    if a.get("file"):
        rows.append([t["file"], str(a["file"])])
    if a.get("baris"):
        rows.append([t["line"], str(a["baris"])])
    return {"k": k, "c": str(code or without_kind(n) if k != "SS" else ""), "n": str(a.get("nama") or ""),
            "t": rows, "f": [[f.severity, f.rule, hf.rule_title(f.rule, lang), f.message(lang)] for f in findings],
            "u": view.units.get(n, []), "s": view.sps.get(n, [])}
