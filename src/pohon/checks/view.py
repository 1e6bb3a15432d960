"""Small read-only helpers over the cascade graph, for what walks it (trace, budget, report, kke, poster);
the rules read the tables (pohon.checks.tables)."""
from __future__ import annotations

import re

import networkx as nx

from pohon.nodes import is_agency


def nodes(g: nx.DiGraph, kind: str) -> list[str]:
    """The graph's nodes of one kind, sorted."""
    return sorted(n for n, d in g.nodes(data=True) if d["kind"] == kind)


def out_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    return sorted(t for t, d in g.succ[n].items() if d["rel"] == rel)


def in_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    return sorted(s for s, d in g.pred[n].items() if d["rel"] == rel)


def money(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


_ANGGARAN_KEYS: dict[tuple, list[str]] = {}


def anggaran_total(attrs: dict, years_: list[int]) -> float:
    keys = _ANGGARAN_KEYS.get(tuple(years_))
    if keys is None:
        keys = _ANGGARAN_KEYS.setdefault(tuple(years_), [f"anggaran_{y}" for y in years_])
    # = sum(money(attrs.get(f"anggaran_{y}")) for y in years_), without the per-call f-strings and calls
    return sum([float(v) if isinstance(v, (int, float)) else 0.0 for v in map(attrs.get, keys)])


def yearly_sums(g: nx.DiGraph, ids, field: str, years) -> dict[int, float]:
    """Σ `<field>_<year>` (anggaran, pagu) over the nodes `ids`, per year, in Rp juta rounded to the sen; a
    missing amount counts 0. The one way pohon adds money up for a table or a tree."""
    attrs = [g.nodes[n] for n in ids]
    return {y: round(sum(money(a.get(f"{field}_{y}")) for a in attrs), 2) for y in years}


def unit_pagu(g: nx.DiGraph, years) -> dict[int, float]:
    """Σ pagu of the units kerja per year: the agency's own row is their sum, not one of them."""
    return yearly_sums(g, [u for u in nodes(g, "Unit") if not is_agency(g.nodes[u])], "pagu", years)


def normalise(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def rupiah(x: float, lang: str) -> str:
    """An amount in Rp juta for people, in the output's language (pohon.fmt): `1.234,50` / `1,234.50`."""
    from pohon import fmt

    return fmt.number(x, lang)
