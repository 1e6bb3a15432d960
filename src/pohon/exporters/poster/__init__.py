"""`pohon poster`: the cascade as a printable org-chart tree of boxes (SVG or PDF), paged by subtree.

tree.py builds the tree (and each box's budget) from the graph, layout.py places the boxes page by page and
turns them into drawing operations, svg.py and pdf.py draw those operations. `poster_graph` builds only the
part of the graph a --unit or --sp poster shows, so a unit's poster costs what it draws, not the cascade.
"""
from __future__ import annotations

import networkx as nx

from pohon.exporters.poster.layout import PAPERS, Poster, compose
from pohon.exporters.poster.tree import DEPTHS, LEVEL, build_tree

FORMATS = ("svg", "pdf")


def poster_graph(ds, *, unit: str | None = None, sp: str | None = None) -> nx.DiGraph:
    """The graph of what the poster of this view draws: the unit's (or the SP's) part, else the whole."""
    from pohon.graph import build_graph
    from pohon.nodes import is_agency
    from pohon.selection import Selection

    agency = [row["kode"] for row in ds.tables["units"].iter_rows(named=True) if is_agency(row)]
    if unit in agency:
        unit = None  # the agency's own row: its poster is the whole agency
    g = build_graph(ds, Selection(unit=unit, sp=sp) if unit or sp else None)
    g.graph["agency"] = agency[0] if agency else ""  # the root box's code, whether the selection holds its row
    return g


def make_poster(graph: nx.DiGraph, findings, *, unit: str | None = None, sp: str | None = None,
                depth: str = "unit", paper: str = "A3", lang: str = "id") -> Poster:
    """The poster's pages (boxes placed, drawing operations filled in) for this view of the cascade."""
    root = build_tree(graph, unit=unit, sp=sp, depth=depth, lang=lang)
    top_cut = LEVEL["Unit"] if unit else LEVEL["SP"]
    return compose(root, findings, paper=paper, lang=lang, years=list(graph.graph.get("years", [])),
                   dataset=graph.graph.get("dataset", ""), top_cut=top_cut)


def render_poster(graph: nx.DiGraph, findings, fmt: str, **options) -> str | bytes:
    """The poster as SVG text or PDF bytes."""
    poster = make_poster(graph, findings, **options)
    title = f"{graph.graph.get('dataset', '')} — pohon kinerja"
    if fmt == "pdf":
        from pohon.exporters.poster.pdf import render_pdf

        return render_pdf(poster, title)
    from pohon.exporters.poster.svg import render_svg

    return render_svg(poster, title)


__all__ = ["DEPTHS", "FORMATS", "PAPERS", "make_poster", "poster_graph", "render_poster"]
