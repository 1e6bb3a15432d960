"""`pohon poster`: the cascade as a printable org-chart tree of boxes (SVG or PDF), paged by subtree.

tree.py builds the tree (and each box's budget) from the graph, layout.py places the boxes page by page and
turns them into drawing operations, svg.py and pdf.py draw those operations.
"""
from __future__ import annotations

import networkx as nx

from pohon.exporters.poster.layout import PAPERS, Poster, compose
from pohon.exporters.poster.tree import DEPTHS, LEVEL, build_tree

FORMATS = ("svg", "pdf")


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


__all__ = ["DEPTHS", "FORMATS", "PAPERS", "make_poster", "render_poster"]
