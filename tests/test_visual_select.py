"""select_view reads only what a view shows, and selects exactly what the whole-graph selection did.

The reference below is the selection as it was before views were selected locally (every node's units and
SPs worked out over the whole graph, a diff's ghosts added to a copy of the new graph); select_view must
give the same nodes, edges, order and memberships on every graph, however odd.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import pytest

from pohon.diff import diff_datasets
from pohon.errors import UnknownNodeError
from pohon.exporters.html import render_html
from pohon.exporters.html.diff import DiffView
from tests.sample_graph import sample_graph
from pohon.exporters.html.select import View, VisualOptionError, natural_key, select_view
from pohon.exporters.html.style import DEPTH_KINDS, LEVEL
from pohon.graph import load_graph
from tests.fixtures import CLEAN
from tests.test_diff import REVISION

ROOT = Path(__file__).resolve().parents[1]
DOWN_RELS = {"CASCADES_TO", "HAS_IK", "CARRIED_BY", "HAS_SK", "HAS_IKK", "HAS_KOMPONEN"}


def kind_of(g: nx.DiGraph, n: str) -> str:
    return g.nodes[n].get("kind", "")


def type_order(g: nx.DiGraph) -> dict:
    """Unit types as units.csv lists them (by line), the agency's (kelompok TOTAL) first."""
    first = {}
    for _, a in g.nodes(data=True):
        if a.get("kind") == "Unit":
            line = a.get("baris") if isinstance(a.get("baris"), int) else float("inf")
            key = (a.get("kelompok") != "TOTAL", line, a.get("tipe") or "")
            first[key[2]] = min(first.get(key[2], key), key)
    return {t: i for i, t in enumerate(sorted(first, key=first.__getitem__))}


def sort_key(g: nx.DiGraph, n: str) -> tuple:
    a = g.nodes[n]
    if a.get("kind") == "SS":
        below = [str(g.nodes[c].get("kode") or "") for c in g.successors(n) if g.nodes[c].get("kind") == "SP"]
        return (0, 0, min((natural_key(b) for b in below), default=()), natural_key(n))
    return (LEVEL.get(a.get("kind"), 99), type_order(g).get(a.get("tipe")) if a.get("kind") == "Unit" else 99, natural_key(a.get("kode") or ""), natural_key(n))


def display_edges(g: nx.DiGraph) -> list[tuple[str, str, str]]:
    """Every edge of the contract that a view may draw, as (upper, lower, kind)."""
    out = []
    for u, v, rel in g.edges(data="rel"):
        ku, kv = kind_of(g, u), kind_of(g, v)
        if ku not in LEVEL or kv not in LEVEL or rel not in DOWN_RELS:
            continue
        if ku == "IKK" and kv == "IK":
            out.append((v, u, "cascade"))
        elif LEVEL[ku] < LEVEL[kv] or (ku == "SS" and kv == "SP"):
            out.append((u, v, "tree"))
    return out


def memberships(g: nx.DiGraph, edges) -> tuple[dict[str, set], dict[str, set]]:
    """For every drawable node: the unit kodes and SP kodes it belongs to (filters use these)."""
    units: dict[str, set] = defaultdict(set)
    sps: dict[str, set] = defaultdict(set)
    down = defaultdict(list)
    up = defaultdict(list)
    for a, b, kind in edges:
        down[a].append((b, kind))
        up[b].append((a, kind))
    nodes = [n for n in g.nodes if kind_of(g, n) in LEVEL]
    by_kind = defaultdict(list)
    for n in nodes:
        by_kind[kind_of(g, n)].append(n)
    code = lambda n: str(g.nodes[n].get("kode") or n.split(":")[-1])  # noqa: E731
    for n in by_kind["Unit"]:
        units[n].add(code(n))
    for n in by_kind["SP"]:
        sps[n].add(code(n))
    for n in by_kind["IK"]:  # the IK's SP, its carrying units
        sp = g.nodes[n].get("sp")
        if sp:
            sps[n].add(sp)
        sps[n].update(code(p) for p, _ in up[n] if kind_of(g, p) == "SP")
        units[n].update(code(c) for c, _ in down[n] if kind_of(g, c) == "Unit")
    for n in by_kind["SK"]:
        unit = g.nodes[n].get("unit")
        if unit:
            units[n].add(unit)
        units[n].update(code(p) for p, _ in up[n] if kind_of(g, p) == "Unit")
        if g.nodes[n].get("sp"):
            sps[n].add(g.nodes[n]["sp"])
    for n in by_kind["IKK"]:
        parents = [p for p, _ in up[n]]
        unit = g.nodes[n].get("unit")
        if unit:
            units[n].add(unit)
        for p in parents:
            units[n].update(units.get(p, ()) if kind_of(g, p) == "SK" else ())
        iks = [p for p, k in up[n] if k == "cascade"]
        for ik in iks:  # the IK it cascades to: the IK, and so its SP, belong to this unit too
            sps[n].update(sps[ik])
            units[ik].update(units[n])
        if not iks:
            for p in parents:
                if kind_of(g, p) == "SK":
                    sps[n].update(sps[p])
    for n in by_kind["SK"]:
        for c, _ in down[n]:
            sps[n].update(sps[c])
    for n in by_kind["Unit"]:  # carried IKs and the IKs its IKKs support
        for p, _ in up[n]:
            sps[n].update(sps[p])
        for sk, _ in down[n]:
            sps[n].update(sps[sk])
    for n in by_kind["Komponen"]:
        for p, _ in up[n]:
            units[n].update(units[p])
            sps[n].update(sps[p])
        if g.nodes[n].get("unit"):
            units[n].add(g.nodes[n]["unit"])
    for kind in ("SP", "Tujuan", "SS"):
        for n in sorted(by_kind[kind]):
            for c, _ in down[n]:
                units[n].update(units[c])
                if kind != "SP":
                    sps[n].update(sps[c])
    return units, sps


def reference_view(g: nx.DiGraph, *, depth: str = "unit", unit: str | None = None, tipe: str | None = None,
                sp: str | None = None) -> View:
    if depth not in DEPTH_KINDS:
        raise VisualOptionError("depth", depth, f"depth must be one of {', '.join(DEPTH_KINDS)}")
    kinds = DEPTH_KINDS[depth]
    all_edges = display_edges(g)
    units, sps = memberships(g, all_edges)
    unit_codes = {str(a.get("kode")): a.get("tipe") for _, a in g.nodes(data=True) if a.get("kind") == "Unit"}
    wanted_units = None
    if unit is not None:
        if unit not in unit_codes:
            raise UnknownNodeError(f"Unit:{unit}")
        wanted_units = {unit}
    if tipe is not None:
        of_type = {k for k, t in unit_codes.items() if t == tipe}
        if not of_type:
            raise VisualOptionError("tipe", tipe, f"no unit has tipe {tipe}")
        wanted_units = of_type if wanted_units is None else wanted_units & of_type
    if sp is not None and f"SP:{sp}" not in g:
        raise UnknownNodeError(f"SP:{sp}")

    def keep(n: str) -> bool:
        if kind_of(g, n) not in kinds:
            return False
        if wanted_units is not None and not (units[n] & wanted_units):
            return False
        return sp is None or sp in sps[n]

    keys = {n: sort_key(g, n) for n in g.nodes if keep(n)}
    nodes = sorted(keys, key=keys.__getitem__)
    shown = set(nodes)
    edges = sorted(((a, b, k) for a, b, k in all_edges if a in shown and b in shown),
                   key=lambda e: (keys[e[0]], keys[e[1]], e[2]))
    parent = {}
    for a, b, k in edges:  # the layout tree: SS>SP>IK and Unit>SK>IKK>Komponen
        ka, kb = kind_of(g, a), kind_of(g, b)
        if k == "tree" and (ka, kb) in {("SS", "SP"), ("SP", "IK"), ("Unit", "SK"), ("SK", "IKK"),
                                        ("IKK", "Komponen")}:
            parent.setdefault(b, a)
    return View(nodes, edges, {n: sorted(units[n], key=natural_key) for n in nodes},
                {n: sorted(sps[n], key=natural_key) for n in nodes}, parent)


def reference_overlay(new: nx.DiGraph, old: nx.DiGraph, diff) -> nx.DiGraph:
    g = new.copy()
    removed = sorted(n for n, s in diff.status.items() if s == "removed" and n in old)
    ghost = {o: o if o not in new else f"{o}~old" for o in removed}
    to_new = {o: n for n, o in diff.matched.items()}
    for o in removed:
        g.add_node(ghost[o], **{**old.nodes[o], "ghost": True})
    for o in removed:
        for u, v, attrs in sorted(list(old.in_edges(o, data=True)) + list(old.out_edges(o, data=True)),
                                  key=lambda e: (e[0], e[1])):
            a, b = ghost.get(u) or to_new.get(u), ghost.get(v) or to_new.get(v)
            if a and b and not g.has_edge(a, b):
                g.add_edge(a, b, **{**attrs, "ghost": True})
    return g


def options(g: nx.DiGraph, units=None, sps=None, tipes=None, every: int = 1):
    units = units or sorted({str(a.get("kode")) for _, a in g.nodes(data=True) if a.get("kind") == "Unit"})[::every]
    sps = sps or sorted({str(a.get("kode")) for _, a in g.nodes(data=True) if a.get("kind") == "SP"})
    tipes = tipes or sorted({a.get("tipe") for _, a in g.nodes(data=True) if a.get("kind") == "Unit"} - {None})
    for depth in DEPTH_KINDS:
        yield dict(depth=depth)
        yield from (dict(depth=depth, unit=u) for u in units)
        yield from (dict(depth=depth, sp=s) for s in sps)
        yield from (dict(depth=depth, tipe=t) for t in tipes)
        yield from (dict(depth=depth, unit=u, sp=s) for u in units[:3] for s in sps[:3])
        yield from (dict(depth=depth, tipe=t, sp=s) for t in tipes[:3] for s in sps[:2])
        yield from (dict(depth=depth, tipe=t, unit=u) for t in tipes[:2] for u in units[:3])


def same_selection(source, reference_graph, **opts) -> int:
    """select_view(source) == reference_view(reference_graph); memberships compared as sets (codes that
    natural_key cannot tell apart, U1/U01, come in set order)."""
    try:
        want = reference_view(reference_graph, **opts)
    except (UnknownNodeError, VisualOptionError) as e:
        with pytest.raises(type(e), match=re.escape(str(e))):
            select_view(source, **opts)
        return 0
    got = select_view(source, **opts)
    assert (got.nodes, got.edges, got.parent) == (want.nodes, want.edges, want.parent), opts
    assert {n: set(v) for n, v in got.units.items()} == {n: set(v) for n, v in want.units.items()}, opts
    assert {n: set(v) for n, v in got.sps.items()} == {n: set(v) for n, v in want.sps.items()}, opts
    return len(got.nodes)


def odd_graph(seed: int) -> nx.DiGraph:
    """Contract-shaped but odd: missing and extra edges, nodes whose `unit`/`sp` disagree with their edges,
    codes and ids that natural_key cannot tell apart (SK.1.01 / SK.1.1), random insertion order."""
    rnd = random.Random(seed)
    pools = {"SS": ["a", "b"], "Tujuan": ["T1", "T2"], "SP": ["SP1", "SP4", "SP2", "SP3"],
             "IK": ["T1/SP1/a", "T1/SP4/b", "T2/SP2/a", "x"], "Unit": ["U1", "U01", "U2", "X", "Y"],
             "SK": ["U1:SK.1", "U2:SK.1", "X:SK.2", "U01:SK.1"],
             "IKK": ["U1:SK.1.1", "U1:SK.1.2", "U2:SK.1.1", "X:SK.2.1", "Y:SK.1.01", "Y:SK.1.1"],
             "Komponen": ["U1:SK.1.1:A", "U1:SK.1.1:B", "U2:SK.1.1:A", "X:SK.2.1:A", "Y:SK.1.1:a", "U1:SK.01.1:A"],
             "Kelompok": ["UPT"]}
    g = nx.DiGraph(dataset=f"odd {seed}", years=[2021, 2022])
    for k, codes in pools.items():
        for c in codes:
            if rnd.random() < 0.85:
                a = dict(kind=k, kode=c.split(":")[-1] if rnd.random() < 0.9 else "")
                if k == "Komponen" or k in ("SK", "IKK") and rnd.random() < 0.9:
                    a["unit"] = rnd.choice([c.split(":")[0]] * 4 + ["U1", "Y", ""])
                if k in ("IK", "SK") and rnd.random() < 0.8:
                    a["sp"] = rnd.choice(["SP1", "SP4", "SP2", "SP3"])
                if k == "Unit":
                    a["tipe"] = rnd.choice(["BSPJI", "SET", "BSKJI", "BSPJI"])
                for y in (2021, 2022):
                    a[f"anggaran_{y}"] = rnd.choice([1, 2.5, None, 0, True])
                    a[f"pagu_{y}"] = rnd.choice([10, 20.5, None])
                g.add_node(f"{k}:{c}", **a)
    by_kind = defaultdict(list)
    for n, k in g.nodes(data="kind"):
        by_kind[k].append(n)
    for a, b, rel in [("SS", "SP", "CASCADES_TO"), ("Tujuan", "IK", "HAS_IK"), ("SP", "IK", "HAS_IK"),
                      ("IK", "Unit", "CARRIED_BY"), ("Unit", "SK", "HAS_SK"), ("SK", "IKK", "HAS_IKK"),
                      ("IKK", "Komponen", "HAS_KOMPONEN"), ("IKK", "IK", "CASCADES_TO")]:
        g.add_edges_from(((u, v) for u in by_kind[a] for v in by_kind[b] if rnd.random() < 0.35), rel=rel)
    ids = list(g.nodes)
    for _ in range(rnd.randint(0, 8)):  # anything goes: upward, sideways, other relations
        g.add_edge(rnd.choice(ids), rnd.choice(ids), rel=rnd.choice(sorted(DOWN_RELS) + ["PART_OF"]))
    rnd.shuffle(ids)
    edges = list(g.edges(data=True))
    rnd.shuffle(edges)
    out = nx.DiGraph(**g.graph)
    out.add_nodes_from((n, g.nodes[n]) for n in ids)
    out.add_edges_from(edges)
    return out


@pytest.mark.parametrize("make, every", [(sample_graph, 1), (lambda: sample_graph(bbspji=11, bspji=13), 3),
                                         (lambda: load_graph(ROOT / "data"), 5)], ids=["sample", "sample-big", "data"])
def test_same_selection_as_the_whole_graph_one(make, every):
    g = make()
    assert sum(same_selection(g, g, **opts) for opts in options(g, every=every)) > 0


def test_same_selection_with_ghosts(tmp_path):
    from tests.test_visual_diff import with_removals

    old, new = load_graph(CLEAN), load_graph(with_removals(tmp_path / "new"))
    for a, b in ((old, new), (new, old), (load_graph(CLEAN), load_graph(REVISION))):
        d = diff_datasets(a, b)
        dv = DiffView(b, a, d)
        assert dv.source.base is b  # the new graph is read, not copied
        ref = reference_overlay(b, a, d)
        assert list(ref) == [n for n, _ in dv.source.items()]
        for opts in options(ref):
            same_selection(dv.source, ref, **opts)


@pytest.mark.parametrize("seed", range(40))
def test_same_selection_on_odd_graphs(seed):
    g = odd_graph(seed)
    for opts in options(g, units=["U1", "U01", "X", "Y"], sps=["SP1", "SP2", "SP4"], tipes=["BSPJI", "SET", "BSKJI"]):
        same_selection(g, g, **opts)
    old = odd_graph(seed + 1000)
    d = diff_datasets(old, g)
    ref = reference_overlay(g, old, d)
    for opts in options(ref, units=["U1", "X"], sps=["SP1", "SP2"], tipes=["BSPJI"]):
        same_selection(DiffView(g, old, d).source, ref, **opts)


class Reads(Mapping):
    """A graph view (nodes, succ, pred) that records which nodes are looked up; `in` and iterating, as
    `g.nodes(data=True)` does, are not recorded."""

    def __init__(self, view, seen: set):
        self.view, self.seen = view, seen

    def __getitem__(self, n):
        self.seen.add(n)
        return self.view[n]

    def __contains__(self, n):
        return n in self.view

    def __iter__(self):
        return iter(self.view)

    def __len__(self):
        return len(self.view)

    def __call__(self, *args, **kwargs):
        return self.view(*args, **kwargs)


class RecordingGraph(nx.DiGraph):
    """A DiGraph whose public views record the nodes a reader looks up (in `seen`)."""

    seen: set = set()

    nodes = property(lambda self: Reads(nx.DiGraph.nodes.__get__(self), self.seen))
    succ = property(lambda self: Reads(nx.DiGraph.succ.__get__(self), self.seen))
    pred = property(lambda self: Reads(nx.DiGraph.pred.__get__(self), self.seen))


def agencies(k: int, graph_class=nx.DiGraph) -> nx.DiGraph:
    """k copies of the sample cascade, the i-th with every id and code suffixed `-i` (unrelated agencies)."""
    g = graph_class(**sample_graph().graph)
    for i in range(k):
        one = sample_graph()
        sfx = "" if i == 0 else f"-{i}"
        for _, a in one.nodes(data=True):
            for key in ("kode", "unit", "sp"):
                if a.get(key):
                    a[key] = f"{a[key]}{sfx}"
        g.update(nx.relabel_nodes(one, {n: n + sfx for n in one}))
    return g


@pytest.mark.parametrize("opts", [dict(unit="P4SI", depth="komponen"), dict(unit="BSPJI-01", depth="ikk"),
                                  dict(sp="SP3", depth="komponen"), dict(tipe="BSPJI", unit="BSPJI-02", depth="ik")])
def test_a_filtered_view_reads_only_its_part_of_the_graph(opts):
    """Beyond its one pass over the nodes, a page for a unit / SP reads the same nodes whether the graph
    holds one agency or five: its cost follows what it shows, not the graph."""
    read = []
    for k in (1, 5):
        g = agencies(k, RecordingGraph)
        seen: set = set()
        g.seen = seen
        html = render_html(g, [], **opts)
        read.append(seen)
        assert html == render_html(agencies(1), [], **opts)
    assert read[0] == read[1]
    assert not any(n.endswith("-1") for n in read[1])
