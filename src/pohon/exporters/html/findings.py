"""Every finding of the dataset for the page's findings panel, and the roll-up marks on units.

A page draws part of the cascade, but the room must see every finding `pohon check` reports on the data:
`panel_rows` lists them all (worst first), each with its rule's title, a readable place (kind, code, unit)
and whether its node is drawn on this page (then a click selects it). `below_units` counts the findings on
the SK, IKK and komponen of each unit, so a unit can carry a mark for what sits under it.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from pohon import fmt
from pohon.exporters.html import style as st
from pohon.nodes import BadNodeId, code_of, parse_id, without_kind

SEVERITIES = ("error", "warning", "info")
BELOW = ("SK", "IKK", "Komponen")  # kinds whose findings roll up to their unit


def rule_title(rule_id: str, lang: str) -> str:
    """The rule's name for people (`Anggaran tidak cocok`); its id when it is not a registered rule."""
    from pohon.checks import all_rules

    r = all_rules().get(rule_id)
    return (r.title(lang) if r else "") or rule_id


def place(graph, node: str, lang: str) -> str:
    """Where a finding sits, for people: `Komponen B · BBSPJI-AGRO SK.2.1` / `Kelompok SET`."""
    a = graph.get(node) if node in graph else None
    if a is None:
        return without_kind(node)
    kind = a.get("kind", "")
    words = st.text(lang)["kinds"].get(kind, kind)
    code = str(a.get("kode") or code_of(node))
    if kind == "Komponen":
        return f"{words} {code} · {a.get('unit', '')} {a.get('ikk', '')}".rstrip()
    if kind in ("SK", "IKK"):
        return f"{words} {code} · {a.get('unit', '')}".rstrip(" ·")
    if kind == "SS":
        return f"{words}: {a.get('nama', '')}"
    return f"{words} {code}"


def panel_rows(graph, findings, shown: set, lang: str) -> list[list]:
    """[severity, rule, title, message, node, place, drawn, drawn unit above it, unit kode] for every finding:
    worst first, and within a
    severity those drawn on this page before those that are not. A click on one off the page selects
    the drawn unit above it, if any."""
    titles: dict[str, str] = {}
    rows = []
    rank = st.SEVERITY_RANK
    order = sorted(findings, key=lambda f: (-rank.get(f.severity, 0), f.node not in shown, f.rule, f.node,
                                            f.message(lang)))
    for f in order:
        if f.rule not in titles:
            titles[f.rule] = rule_title(f.rule, lang)
        drawn = f.node in shown
        rows.append([f.severity, f.rule, titles[f.rule], f.message(lang), f.node, place(graph, f.node, lang),
                     1 if drawn else 0, "" if drawn else drawn_unit(graph, f.node, shown), unit_of(f.node)])
    return rows


UNIT_KINDS = ("Unit", *BELOW)  # kinds whose id starts with their unit's kode


def unit_of(node: str) -> str:
    """The unit kode a finding belongs to (a unit, or its SK, IKK or komponen), read from the node id alone
    (a unit page's graph does not hold other units' nodes); '' for the upper nodes and Tabel 10 groups."""
    try:
        kind, parts = parse_id(node)
    except BadNodeId:
        return ""
    return parts[0] if kind in UNIT_KINDS else ""


def unit_options(rows: list[list], lang: str) -> list[list]:
    """[unit kode, count] for the panel's unit filter, in code order."""
    from pohon.budget import natural_key

    count = Counter(r[8] for r in rows if r[8])
    said: dict[int, str] = {}  # most units have one or two findings: each count is written once
    for n in count.values():
        if n not in said:
            said[n] = fmt.plain(n, lang)
    return [[u, said[n]] for u, n in sorted(count.items(), key=lambda x: natural_key(x[0]))]


def drawn_unit(graph, node: str, shown: set) -> str:
    """The drawn Unit a finding off the page sits under (its SK, IKK or komponen), else ''."""
    a = graph.get(node) if node in graph else None
    unit = f"Unit:{a['unit']}" if a and a.get("kind") in BELOW and a.get("unit") else ""
    return unit if unit in shown else ""


def below_units(graph, findings) -> dict[str, Counter]:
    """Unit kode -> findings per severity on the SK, IKK and komponen under it."""
    out: dict[str, Counter] = defaultdict(Counter)
    for f in findings:
        a = graph.get(f.node) if f.node in graph else None
        if a and a.get("kind") in BELOW and a.get("unit"):
            out[str(a["unit"])][f.severity] += 1
    return out


def rollup_text(counts: Counter, lang: str) -> str:
    """`2 galat, 5 peringatan` for a unit's details."""
    t = st.text(lang)["severity"]
    return ", ".join(f"{fmt.plain(counts[s], lang)} {t[s]}" for s in SEVERITIES if counts[s])


def rule_options(rows: list[list], lang: str) -> list[list]:
    """[rule, title, count] for the panel's rule filter, by title."""
    count = Counter(r[1] for r in rows)
    title = {r[1]: r[2] for r in rows}
    return [[rule, title[rule], fmt.plain(n, lang)] for rule, n in sorted(count.items(), key=lambda x: (title[x[0]], x[0]))]
