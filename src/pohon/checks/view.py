"""Small read-only helpers over the cascade graph shared by the rules."""
from __future__ import annotations

import re

import networkx as nx

TOLERANCE = 0.05  # Rp juta: the document rounds to two decimals


def nodes(g: nx.DiGraph, kind: str):
    return sorted((n for n, d in g.nodes(data=True) if d["kind"] == kind))


def out_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    return sorted(t for t in g.successors(n) if g.edges[n, t]["rel"] == rel)


def in_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    return sorted(s for s in g.predecessors(n) if g.edges[s, n]["rel"] == rel)


def years(g: nx.DiGraph) -> list[int]:
    return list(g.graph.get("years", []))


def money(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def anggaran_total(attrs: dict, years_: list[int]) -> float:
    return sum(money(attrs.get(f"anggaran_{y}")) for y in years_)


def normalise(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def is_agency(attrs: dict) -> bool:
    return attrs.get("kelompok", "").upper() == "TOTAL"


def rupiah(x: float) -> str:
    return f"{x:,.2f}"
