"""Small read-only helpers over the cascade graph, for what walks it (trace, budget, report, kke, poster);
the rules read the tables (pohon.checks.tables)."""
from __future__ import annotations

import re

import networkx as nx


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


def normalise(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def rupiah(x: float, lang: str) -> str:
    """An amount in Rp juta for people, in the output's language (pohon.fmt): `1.234,50` / `1,234.50`."""
    from pohon import fmt

    return fmt.number(x, lang)
