"""The money (Σ komponen anggaran, Rp juta) under each SS, SP, IK or unit, counting every komponen once.

Allocation rule: each komponen's anggaran is counted once, where it sits: under its own IKK, so under the
one IK that IKK cascades to (ikk.csv `ik`), that IK's SP and that SP's SS, and under its own unit. A `*`
komponen ("its budget sits on another indicator") brings no money of its own, so the indicators it also
serves get nothing from it; if it carries a figure anyway, that figure is counted once where it sits (and
`starred-with-budget` reports it). Money under an IKK that cascades to no IK (or an IK without SP, an SP
without SS) is a separate line, so the roll-up always sums to the total of all komponen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import networkx as nx

from pohon.checks.view import in_rel, money, nodes, out_rel, unit_pagu
from pohon.nodes import is_agency
from pohon.errors import PohonError
from pohon.words import say

BY = ("ss", "sp", "ik", "unit")
KIND = {"ss": "SS", "sp": "SP", "ik": "IK", "unit": "Unit"}
# Money that reaches no SS, each a line of its own (its words: pohon.words 'budget-unallocated').
UNALLOCATED = ("not-cascaded", "ik-without-sp", "sp-without-ss")


class UnknownYearError(PohonError):
    """A year asked for is not a year of the cascade."""

    def __init__(self, year: int, years: list[int]):
        self.year, self.years = year, years
        super().__init__(f"year {year} not in {years}")


@dataclass
class Line:
    id: str | None  # node id, None for an unallocated line
    kode: str
    nama: str
    anggaran: dict[int, float] = field(default_factory=dict)
    pagu: dict[int, float | None] | None = None  # units only: the pagu printed in their header

    @property
    def total(self) -> float:
        return round(sum(self.anggaran.values()), 2)

    def as_dict(self) -> dict:
        d = {"id": self.id, "kode": self.kode, "nama": self.nama,
             "anggaran": {str(y): v for y, v in self.anggaran.items()}, "jumlah": self.total}
        if self.pagu is not None:
            d["pagu"] = {str(y): v for y, v in self.pagu.items()}
        return d


@dataclass
class Rollup:
    by: str
    dataset: str
    years: list[int]
    rows: list[Line]
    unallocated: list[Line]
    komponen_total: dict[int, float]  # Σ anggaran of every komponen: what the rows must add up to
    pagu_units: dict[int, float]       # Σ pagu of the (non-agency) units, for comparison
    starred: int                       # how many `*` komponen there are

    @property
    def total(self) -> dict[int, float]:
        lines = self.rows + self.unallocated
        return {y: round(sum(line.anggaran[y] for line in lines), 2) for y in self.years}

    def rule(self, lang: str = "id") -> str:
        return say("budget-rule", "rule", lang)

    def as_dict(self, lang: str = "id") -> dict:
        return {"dataset": self.dataset, "by": self.by, "years": self.years, "rule": self.rule(lang),
                "rows": [r.as_dict() for r in self.rows],
                "unallocated": [r.as_dict() for r in self.unallocated],
                "total": {str(y): v for y, v in self.total.items()},
                "komponen_total": {str(y): v for y, v in self.komponen_total.items()},
                "pagu_units": {str(y): v for y, v in self.pagu_units.items()}, "starred_komponen": self.starred}


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> list:
    return [int(p) if p.isdigit() else p.lower() for p in _DIGITS.split(text)]


def owner(g: nx.DiGraph, komponen: str, by: str) -> str:
    """The node id (or an UNALLOCATED key) that komponen's money counts under."""
    if by == "unit":
        return f"Unit:{g.nodes[komponen]['unit']}"
    ikk = in_rel(g, komponen, "HAS_KOMPONEN")
    ik = out_rel(g, ikk[0], "CASCADES_TO") if ikk else []
    if not ik:
        return "not-cascaded"
    if by == "ik":
        return ik[0]
    sp = [p for p in in_rel(g, ik[0], "HAS_IK") if g.nodes[p]["kind"] == "SP"]
    if not sp:
        return "ik-without-sp"
    if by == "sp":
        return sp[0]
    ss = in_rel(g, sp[0], "CASCADES_TO")
    return ss[0] if ss else "sp-without-ss"


def rollup(g: nx.DiGraph, by: str, year: int | None = None, lang: str = "id") -> Rollup:
    """The roll-up of every komponen's anggaran by `by` (ss, sp, ik, unit), for one year or all."""
    if by not in BY:
        raise ValueError(by)
    all_years = list(g.graph.get("years", []))
    if year is not None and year not in all_years:
        raise UnknownYearError(year, all_years)
    ys = [year] if year is not None else all_years
    sums: dict[str, dict[int, float]] = {}
    total = {y: 0.0 for y in ys}
    starred = 0
    for k in nodes(g, "Komponen"):
        a = g.nodes[k]
        starred += bool(a.get("bintang"))
        bucket = sums.setdefault(owner(g, k, by), {y: 0.0 for y in ys})
        for y in ys:
            v = money(a.get(f"anggaran_{y}"))
            bucket[y] += v
            total[y] += v
    rows = []
    for nid in nodes(g, KIND[by]):
        a = g.nodes[nid]
        if by == "unit" and is_agency(a) and nid not in sums:
            continue
        line = Line(nid, a.get("kode", ""), a.get("nama", ""), _rounded(sums.get(nid), ys))
        if by == "unit":
            line.pagu = {y: a.get(f"pagu_{y}") for y in ys}
        rows.append(line)
    rows.sort(key=lambda r: (natural_key(_sort_code(g, r.id, by)), r.nama))
    unallocated = [Line(None, "", say("budget-unallocated", key, lang), _rounded(sums[key], ys))
                   for key in UNALLOCATED if key in sums]
    pagu = unit_pagu(g, ys)
    return Rollup(by, g.graph.get("dataset", ""), ys, rows, unallocated, _rounded(total, ys), pagu, starred)


def _sort_code(g: nx.DiGraph, nid: str, by: str) -> str:
    if by == "ss":  # SS have no number: order them by the first SP that adopts them
        sps = sorted((g.nodes[s]["kode"] for s in out_rel(g, nid, "CASCADES_TO")), key=natural_key)
        return sps[0] if sps else g.nodes[nid]["nama"]
    return g.nodes[nid].get("kode", "")


def _rounded(values: dict[int, float] | None, ys: list[int]) -> dict[int, float]:
    return {y: round((values or {}).get(y, 0.0), 2) for y in ys}
