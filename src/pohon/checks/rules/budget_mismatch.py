from __future__ import annotations

import networkx as nx

from pohon.checks import finding, rule
from pohon.checks.view import TOLERANCE, in_rel, is_agency, money, nodes, out_rel, rupiah, years


@rule("budget-mismatch", "error", title=("Anggaran tidak cocok", "Budget mismatch"))
def budget_mismatch(g: nx.DiGraph):
    """What it finds: per year, a unit whose komponen do not add up to its pagu; a Tabel 10 group whose
    units' pagu do not add up to the group's figure; groups that do not add up to the total; an agency
    total that differs from the sum of its units. Differences within Rp 0.05 juta are rounding.

    Why a reviewer cares: the Renstra's funding tables are quoted in the Perjanjian Kinerja and RKA; a
    total that its parts do not make is a figure nobody can defend.

    Example: Tabel 10 gives the UPT group Rp 560,216.22 juta for 2021, the 24 UPT headers add up to a
    different amount.
    """
    ys = years(g)
    for unit in nodes(g, "Unit"):
        a = g.nodes[unit]
        if is_agency(a):
            parts = [u for u in nodes(g, "Unit") if not is_agency(g.nodes[u])]
            yield from _compare(g, unit, "pagu", parts, "pagu", ys, "agency-vs-units",
                                "pagu badan ≠ jumlah pagu unit", "agency pagu ≠ sum of unit pagu")
            continue
        komponen = [k for sk in out_rel(g, unit, "HAS_SK") for ikk in out_rel(g, sk, "HAS_IKK")
                    for k in out_rel(g, ikk, "HAS_KOMPONEN")]
        yield from _compare(g, unit, "pagu", komponen, "anggaran", ys, "unit-vs-komponen",
                            "pagu unit ≠ jumlah anggaran komponen", "unit pagu ≠ sum of komponen anggaran")
    for group in nodes(g, "Kelompok"):
        units = in_rel(g, group, "COUNTED_IN")
        if units:
            yield from _compare(g, group, "pagu", units, "pagu", ys, "group-vs-units",
                                "pagu kelompok Tabel 10 ≠ jumlah pagu unit",
                                "Tabel 10 group ≠ sum of its units' pagu")
        parts = in_rel(g, group, "PART_OF")
        if parts:
            yield from _compare(g, group, "pagu", parts, "pagu", ys, "total-vs-groups",
                                "total Tabel 10 ≠ jumlah kelompok", "Tabel 10 total ≠ sum of its groups")


def _compare(g, node, attr, parts, part_attr, ys, problem, msg_id, msg_en):
    part_attrs = [g.nodes[p] for p in parts]  # looked up once for every year
    for y in ys:
        expected = g.nodes[node].get(f"{attr}_{y}")
        if expected is None and not parts:
            continue
        key = f"{part_attr}_{y}"
        total = sum(money(a.get(key)) for a in part_attrs)
        diff = round(total - money(expected), 2)
        if abs(diff) > TOLERANCE:
            yield finding(budget_mismatch, node,
                          f"{y}: {msg_id}: {rupiah(money(expected))} vs {rupiah(total)} (selisih {rupiah(diff)})",
                          f"{y}: {msg_en}: {rupiah(money(expected))} vs {rupiah(total)} (difference {rupiah(diff)})",
                          problem=problem, year=y, expected=expected, actual=round(total, 2), difference=diff,
                          parts=len(parts))
