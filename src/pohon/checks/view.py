"""Small read-only helpers over the cascade graph shared by the rules."""
from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

import networkx as nx

from pohon.nodes import is_agency  # noqa: F401  (re-exported for the rules)

TOLERANCE = 0.05  # Rp juta: the document rounds to two decimals


# While run_checks runs, the graph's nodes sorted per kind, computed once (rules only read the graph).
_KIND_INDEX: ContextVar[tuple[nx.DiGraph, dict[str, list[str]]] | None] = ContextVar("pohon_kind_index",
                                                                                      default=None)


@contextmanager
def kind_index(g: nx.DiGraph):
    """Within this block `nodes(g, kind)` reads a per-kind index built once instead of sorting every node."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        by_kind[d["kind"]].append(n)
    for members in by_kind.values():
        members.sort()
    token = _KIND_INDEX.set((g, by_kind))
    try:
        yield
    finally:
        _KIND_INDEX.reset(token)


def nodes(g: nx.DiGraph, kind: str):
    index = _KIND_INDEX.get()
    if index is not None and index[0] is g:
        return list(index[1].get(kind, ()))
    return sorted((n for n, d in g.nodes(data=True) if d["kind"] == kind))


def out_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    try:
        adj = g._succ[n]
    except KeyError:
        raise nx.NetworkXError(f"The node {n} is not in the digraph.") from None
    return sorted(t for t, d in adj.items() if d["rel"] == rel)


def in_rel(g: nx.DiGraph, n: str, rel: str) -> list[str]:
    try:
        adj = g._pred[n]
    except KeyError:
        raise nx.NetworkXError(f"The node {n} is not in the digraph.") from None
    return sorted(s for s, d in adj.items() if d["rel"] == rel)


def years(g: nx.DiGraph) -> list[int]:
    return list(g.graph.get("years", []))


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
