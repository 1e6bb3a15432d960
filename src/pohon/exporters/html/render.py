"""Interactive, offline HTML graph of a cascade (vis-network draws it; one self-contained file).

`render_html(graph, findings, ...)` returns the page as a string; `render_all(graph, findings)` returns the
committed set of pages for visual/ (file name -> page). Output is deterministic: same graph, same bytes.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
from pohon import fmt
from pohon.exporters.html import style as st
from pohon.gcpause import paused
from pohon.exporters.html import findings as hf
from pohon.exporters.html import info as html_info
from pohon.exporters.html.badges import budget_below
from pohon.exporters.html.groups import add_groups
from pohon.exporters.html.index import index_page
from pohon.exporters.html.page import page
from pohon.exporters.html.select import (Source, VisualOptionError, View, as_source, natural_key, select_view,
                                         tipe_ranks)
from pohon.nodes import is_agency
from pohon.words import lang_of, say

__all__ = ["render_html", "render_page", "unit_page", "render_all", "page_names", "overview_name",
           "VisualOptionError"]

DEFAULT_YEARS = [2021, 2022, 2023, 2024]
BIG = 2000  # nodes; above this, hide edges while panning/zooming


def render_html(graph: nx.DiGraph, findings, **opts) -> str:
    """One self-contained HTML page of the cascade (the options are `render_page`'s)."""
    return render_page(graph, findings, **opts)[0]


def unit_page(ds, unit: str, findings, *, depth: str = "komponen", **opts) -> tuple[str, dict]:
    """A unit's page, drawn from the unit's selection of the dataset, so it costs what the unit holds, not the
    cascade. What it shows is what that selection holds: the unit, its SK, IKK and komponen, and its chain up to
    the SS (the IKs it carries or supports, their SP, Tujuan and SS); an upper node's units are this unit; the
    budget sizes are relative to the unit's own largest komponen. The findings panel lists `findings` (those of
    the whole dataset: its data are checked whole, so a unit page says what `pohon check` says)."""
    from pohon.graph import build_graph
    from pohon.selection import Selection

    return render_page(build_graph(ds, Selection(unit=unit)), findings, unit=unit, depth=depth, **opts)


@paused  # a page makes ~1e5 short-lived objects: the cyclic GC would re-walk the whole graph for them
def render_page(graph: nx.DiGraph, findings, *, unit: str | None = None, sp: str | None = None,
                depth: str = "unit", lang: str = "id", title: str | None = None,
                tipe: str | None = None, old_graph: nx.DiGraph | None = None, diff=None,
                old_label: str | None = None) -> tuple[str, dict]:
    """One self-contained HTML page of the cascade and its summary for visual/index.html (title, counts by
    kind, findings by severity on the nodes drawn). `unit` is a unit kode, `tipe` a unit type
    (every unit of that Lampiran IV column), `sp` an SP kode such as `SP3`.

    With `old_graph` (the previous version of `graph`) the page colours what changed; `diff` is
    `diff_datasets(old_graph, graph)`, computed when not given. Removed nodes come back as ghosts.
    `old_label` names the old version in the header (default: its dataset name when that differs)."""
    dv = None
    if diff is not None and old_graph is None:
        raise ValueError("render_html: a diff needs old_graph, to draw the removed nodes where they were")
    if old_graph is not None:
        from pohon.exporters.html.diff import DiffView  # (pohon.diff and what it imports: only for a diff)

        dv = DiffView(graph, old_graph, diff, lang, old_label)
    graph = dv.source if dv else Source(graph)  # the new graph, plus the diff's ghosts beside it
    years = list(graph.graph.get("years") or DEFAULT_YEARS)
    view = select_view(graph, depth=depth, unit=unit, tipe=tipe, sp=sp, years=years)
    if not view.nodes:
        raise VisualOptionError("view", unit or sp or tipe or "", "tampilan ini kosong / this view has nothing to draw")
    add_groups(graph, view, lang)
    t = st.text(lang)
    shown = set(view.nodes)
    by_node = defaultdict(list)  # findings of the nodes shown, worst first
    hidden_findings = 0
    for f in findings:
        if f.node in shown:
            by_node[f.node].append(f)
        else:
            hidden_findings += 1
    for fs in by_node.values():
        fs.sort(key=lambda f: (-st.SEVERITY_RANK.get(f.severity, 0), f.rule, f.message(lang)))
    kind = {n: graph.attrs(n)["kind"] for n in view.nodes}
    labels = _labels(graph, view)
    below = hf.below_units(graph, findings)
    if dv:
        labels = {n: dv.label(n, x) for n, x in labels.items()}
    else:  # a unit carries the count of the findings under it (its SK, IKK, komponen), drawn or not
        for n in view.nodes:
            c = below.get(str(graph.attrs(n).get("kode"))) if kind[n] == "Unit" else None
            if c:
                labels[n] += f" {st.BELOW_MARK}{fmt.plain(sum(c.values()), lang)}"
    biggest = _biggest(graph, view, years)
    radius = _radii(graph, view, years, biggest)

    vis_nodes = []  # vis-network's node and edge objects, keys in the order pyvis 0.3.2's Network wrote them
    for n in view.nodes:
        style = dv.node_style(n, kind[n], radius.get(n)) if dv else \
            _node_style(kind[n], radius.get(n), by_node.get(n, []))
        colour = style.pop("color", None)
        node = {"group": kind[n], **style, "id": n, "label": labels[n] or n, "shape": st.KIND_STYLE[kind[n]]["shape"]}
        if colour:
            node["color"] = colour
        vis_nodes.append(node)
    vis_edges = []
    for i, (a, b, k) in enumerate(view.edges):
        extra = dict(dashes=[6, 4], color={"color": st.CASCADE_COLOR, "opacity": 0.45}) if k == "cascade" else {}
        extra = (dv.edge_style(a, b) if dv else None) or extra
        vis_edges.append({"id": f"e{i}", **extra, "from": a, "to": b})

    sev = Counter(f.severity for fs in by_node.values() for f in fs)
    counts_all = Counter(kind.values())
    data = {
        "text": {k: t[k] for k in ("kinds", "severity", "findings", "no_match", "details_empty", "outside", "of",
                                   "units_word", "no_findings", "under", "leave_focus",
                                   "see_all")},
        "group": fmt.plain(1000, lang)[1],  # the thousands mark pohon.fmt uses: JS counts follow the same rule
        "nodes": vis_nodes,
        "edges": vis_edges,
        "info": [html_info.info(graph, n, by_node.get(n, []), view, years, lang, below) for n in view.nodes],
        "budgetBelow": budget_below(graph, view.nodes, years, lang),  # on a folded node's badge
        "findings": hf.panel_rows(graph, findings, shown, lang),
        "kinds": {k: {"font": s["font"], "shape": s["shape"], "radius": s.get("radius", 0)}
                  for k, s in st.KIND_STYLE.items()},
        "levels": [[k, t["kinds"][k], st.LEVEL[k]] for k in st.KINDS if counts_all[k]],
        "level": st.LEVEL,  # the row of each kind, top-down
        "subject": st.LEVEL["Unit"] if unit or tipe else 0,  # what the page is about: it opens showing it
        "parent": {n: p for n, p in view.parent.items() if n in shown and p in shown},  # what folds under what
        "options": _options(len(view.nodes)),
        "edgeColor": st.EDGE_COLOR,
        "pathColor": "#1f2933",
        "unitList": sorted({u for n in view.nodes if kind[n] == "Unit" for u in view.units[n]},
                           key=lambda u: _unit_rank(graph, view.tipe_rank, u)),
        "spList": sorted({kind_code for n in view.nodes if kind[n] == "SP"
                          for kind_code in view.sps[n]}, key=natural_key),
    }
    if dv:
        data["info"] = [dv.info(n, row) for n, row in zip(view.nodes, data["info"])]
        data["text"].update(dv.page_text())
        data["diff"] = dv.page_data(view.nodes)
    counts = Counter(kind.values())
    context = {
        "lang": lang_of(lang),
        "title": title or _title(graph, unit=unit, tipe=tipe, sp=sp, depth=depth, lang=lang),
        "t": t,
        "depth": depth,
        "counts": [(k, fmt.plain(counts[k], lang)) for k in st.KINDS if counts[k]],
        "severity_counts": [(s, t["severity"][s], fmt.plain(sev[s], lang)) for s in ("error", "warning", "info")
                            if sev[s]],
        "hidden_findings": fmt.plain(hidden_findings, lang) if hidden_findings else "",
        "legend": [(k, t["kinds"][k], st.KIND_STYLE[k]["shape"], st.KIND_STYLE[k]["color"],
                    st.KIND_STYLE[k]["border"]) for k in st.KINDS if counts[k]],
        # only the rings this page draws: the legend says what is on the screen, nothing more
        "severity_legend": [(s, t["severity"][s], *st.SEVERITY_STYLE[s]) for s in ("error", "warning", "info")
                            if sev[s]],
        "diff": dv.context(view.nodes) if dv else None,
        "rules": [],
        "below_legend": not dv and any(kind[n] == "Unit" and below.get(str(graph.attrs(n).get("kode")))
                                       for n in view.nodes),
    }
    context["rules"] = hf.rule_options(data["findings"], lang)
    context["unit_options"] = hf.unit_options(data["findings"], lang)
    context["total_findings"] = fmt.plain(len(data["findings"]), lang)
    all_sev = Counter(r[0] for r in data["findings"])
    context["severity_options"] = [(s, t["severity"][s], fmt.plain(all_sev[s], lang)) for s in hf.SEVERITIES
                                   if all_sev[s]]
    context["below_mark"] = st.BELOW_MARK
    context["cascade_legend"] = any(k == "cascade" for _, _, k in view.edges)  # the dashed IKK → IK lines
    context["size_legend"] = [] if dv else _size_legend(graph, view, kind, years, lang, biggest)
    if dv:  # the status is the colour now: kinds keep their shape, findings stay in the panel and header
        context["legend"] = [(k, label, shape, "#e4e7eb", "#7b8794") for k, label, shape, _, _ in context["legend"]]
        context["severity_legend"] = []
    summary = {"title": context["title"], "counts": context["counts"],
               "findings": [(s, label, n) for s, label, n in context["severity_counts"]]}
    return page(context, data), summary


def overview_name(graph: nx.DiGraph) -> str:
    """The overview page's file name, from the dataset: its agency row's kode (`bskji.html`), else its name."""
    for _, a in graph.nodes(data=True):
        if a.get("kind") == "Unit" and is_agency(a) and a.get("kode"):
            return _slug(str(a["kode"])) + ".html"
    return _slug(str(graph.graph.get("dataset") or "pohon")) + ".html"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "pohon"


def page_names(graph: nx.DiGraph) -> dict[str, dict]:
    """The committed pages: the whole dataset at unit depth, one page per unit type at komponen depth, then one
    page per unit at komponen depth (the agency's own row is no unit: it gets no page)."""
    pages = {overview_name(graph): dict(depth="unit")}
    ranks = tipe_ranks(graph)
    units = [a for _, a in graph.nodes(data=True) if a.get("kind") == "Unit" and not is_agency(a)]
    for tipe in sorted({a.get("tipe") for a in units} - {None, ""}, key=lambda x: (ranks.get(x), x)):
        pages[f"tipe-{tipe}.html"] = dict(depth="komponen", tipe=tipe)
    for kode in sorted((str(a["kode"]) for a in units),
                       key=lambda k: (ranks.get(graph.nodes[f"Unit:{k}"].get("tipe") or "", (2, 0, "")), natural_key(k))):
        pages[f"unit-{kode}.html"] = dict(depth="komponen", unit=kode)
    return pages


def render_all(graph: nx.DiGraph, findings, *, lang: str = "id", old_graph: nx.DiGraph | None = None,
               old_label: str | None = None) -> dict[str, str]:
    """Every committed page (file name -> HTML), and visual/index.html listing them. `graph` is built by
    pohon.graph.build_graph: a unit page is drawn from the unit's selection of its dataset (`unit_page`)."""
    from pohon.graph import dataset_of

    diff = None
    if old_graph is not None:
        from pohon.diff import diff_datasets

        diff = diff_datasets(old_graph, graph)
    ds = dataset_of(graph)
    pages, summaries = {}, {}
    for name, opts in page_names(graph).items():
        if "unit" in opts and old_graph is None:
            pages[name], summaries[name] = unit_page(ds, opts["unit"], findings, lang=lang)
        else:
            pages[name], summaries[name] = render_page(graph, findings, lang=lang, old_graph=old_graph, diff=diff,
                                                       old_label=old_label, **opts)
    pages["index.html"] = index_page(graph, summaries, findings, lang)
    return pages


# ---- helpers ----

def _unit_rank(graph: Source, ranks: dict, kode: str) -> tuple:
    a = graph.get(f"Unit:{kode}", {})
    return (ranks.get(a.get("tipe") or "", (2, 0, "")), natural_key(kode))


def _title(graph, *, unit, tipe, sp, depth, lang) -> str:
    name = str(graph.graph.get("dataset") or "pohon")
    bits = [name]
    if tipe:
        bits.append(say("visual", "title_tipe", lang, tipe=tipe))
    if unit:
        bits.append(say("visual", "title_unit", lang, unit=unit))
    if sp:
        bits.append(sp)
    return " · ".join(bits)


def _labels(graph: Source | nx.DiGraph, view: View) -> dict[str, str]:
    graph = as_source(graph)
    sps_below = defaultdict(list)
    for a, b, _ in view.edges:
        if graph.attrs(a).get("kind") == "SS" and graph.attrs(b).get("kind") == "SP":
            sps_below[a].append(str(graph.attrs(b).get("kode") or ""))
    out = {}
    for n in view.nodes:
        a = graph.attrs(n)
        ss = None
        if a.get("kind") == "SS":
            below = sps_below.get(n) or view.sps.get(n) or []
            ss = "SS·" + "/".join(below[:2]) + ("…" if len(below) > 2 else "") if below else "SS"
        out[n] = st.short_label(n, a, ss)
    return out


def _biggest(graph: Source, view: View, years) -> dict[str, float]:
    """The largest Unit / Komponen budget of the whole graph, the agency's own row aside (select_view found it in its
    pass over the nodes, for these years): the budget drawn at the kind's largest size. Only for the kinds
    the view draws."""
    graph = as_source(graph)
    biggest = dict(view.biggest) if view.years == list(years) else {}
    drawn = {graph.attrs(n)["kind"] for n in view.nodes}
    for kind in ({"Unit", "Komponen"} & drawn) - set(biggest):
        vals = [st.budget(a, years) for _, a in graph.items() if a.get("kind") == kind and not is_agency(a)]
        biggest[kind] = max([v for v in vals if v] or [0.0])
    return biggest


def _size_legend(graph: Source, view: View, kind: dict, years, lang: str, biggest: dict) -> list[tuple]:
    """(kind, smallest px, largest px, text) for each budget-sized kind drawn: what a circle's size means."""
    t = st.text(lang)
    out = []
    for k in ("Unit", "Komponen"):
        if k not in kind.values() or not biggest.get(k):
            continue
        lo, hi = st.SIZE_RANGE[k]
        money = t["pagu_word"] if k == "Unit" else t["budget_word"]
        text = t["size_legend"].format(kind=t["kinds"][k], money=money, first=years[0], last=years[-1],
                                       amount=fmt.juta(biggest[k], lang))
        agency = [graph.attrs(n) for n in view.nodes if k == "Unit" == kind[n] and is_agency(graph.attrs(n))]
        if any((st.budget(a, years) or 0) > biggest[k] for a in agency):
            text += t["size_agency"].format(agency=agency[0].get("kode"))
        out.append((k, lo, hi, text))
    return out


def _radii(graph: Source | nx.DiGraph, view: View, years, biggest: dict | None = None) -> dict[str, float]:
    """Node radius by budget (sqrt scale), relative to `_biggest`."""
    graph = as_source(graph)
    biggest = _biggest(graph, view, years) if biggest is None else biggest
    out = {}
    for n in view.nodes:
        a = graph.attrs(n)
        k = a["kind"]
        out[n] = st.node_size(k, st.budget(a, years), biggest[k]) if k in biggest else \
            st.KIND_STYLE[k].get("radius")
    return out


def _node_style(kind: str, radius: float | None, findings) -> dict:
    out = {}
    if radius is not None and st.KIND_STYLE[kind]["shape"] not in ("box", "ellipse"):
        out["size"] = radius
    if findings:
        worst = max(findings, key=lambda f: st.SEVERITY_RANK.get(f.severity, 0)).severity
        colour, w = st.SEVERITY_STYLE.get(worst, st.SEVERITY_STYLE["info"])
        bg = st.KIND_STYLE[kind]["color"]
        out["color"] = {"background": bg, "border": colour,
                        "highlight": {"background": bg, "border": colour},
                        "hover": {"background": bg, "border": colour}}
        out["borderWidth"] = w
        out["borderWidthSelected"] = w + 2
        if worst == "error":
            out["shadow"] = {"enabled": True, "color": "rgba(208,0,0,0.6)", "size": 14, "x": 0, "y": 0}
    return out


def _options(n_nodes: int) -> dict:
    big = n_nodes > BIG
    groups = {}
    for k, s in st.KIND_STYLE.items():
        g = {"shape": s["shape"],
             "color": {"background": s["color"], "border": s["border"],
                       "highlight": {"background": s["color"], "border": "#111111"},
                       "hover": {"background": s["color"], "border": "#111111"}},
             "font": {"color": s["font"], "size": s["size"]}}
        if s["shape"] in ("box", "ellipse"):
            g["margin"] = 7
        else:
            g["size"] = s.get("radius", 10)
        groups[k] = g
    return {
        "autoResize": True,
        "layout": {"hierarchical": {"enabled": False}, "improvedLayout": False, "randomSeed": 1},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "hoverConnectedEdges": False, "dragNodes": False, "tooltipDelay": 120,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "keyboard": False},
        "nodes": {"font": {"face": "DejaVu Sans, Arial, sans-serif"}, "borderWidth": 1.5,
                  "borderWidthSelected": 3, "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {"smooth": False, "width": 1, "selectionWidth": 1, "hoverWidth": 0,
                  "color": {"color": st.EDGE_COLOR, "highlight": "#1f2933", "hover": "#52606d",
                            "inherit": False}},
        "groups": groups,
    }
