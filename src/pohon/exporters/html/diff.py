"""What a revision changed, on the HTML graph (`pohon visual NEW --diff OLD`).

`DiffView(new, old, diff)` puts the nodes the revision removed back beside the new graph as ghosts
(`ghost=True`, old label, wired to their old parents and children through `diff.matched`), so the view
selection and the layout place them where they were; the new graph is not copied (`DiffView.source` reads
it with the ghosts beside it, and a view reads only the part it shows). It then styles each drawn node by
its status (fill, border style and a mark before the label: colour is never the only cue) and lists its
changes with the figures for the tooltip and the details panel. Unchanged nodes turn grey, so the changes
stand out.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from pohon.diff import Change, Diff, diff_datasets
from pohon.exporters.html import style as st
from pohon.exporters.html.select import Source
from pohon.words import lang_of, words

MONEY = {"pagu", "anggaran"}  # changes in Rp juta: two decimals, like every amount on the page
STATUSES = ("added", "changed", "renamed", "removed")
# Fills checked apart under protan/deutan/tritan simulation (Machado 2009): ΔE ≥ 35 between any two.
STYLE = {
    "added": dict(color="#1b9e77", border="#0b5d45", font="#ffffff", mark="+", dashes=False, css="solid"),
    "changed": dict(color="#e69f00", border="#7a5200", font="#1a1a1a", mark="Δ", dashes=False, css="solid"),
    "renamed": dict(color="#5e3fa8", border="#2a1760", font="#ffffff", mark="✎", dashes=[2, 3], css="dotted"),
    "removed": dict(color="#ffffff", border="#52606d", font="#52606d", mark="−", dashes=[6, 4], css="dashed"),
}
UNCHANGED = dict(color="#e4e7eb", border="#9aa5b1", font="#1f2933")
GHOST_OPACITY = 0.55
GHOST_EDGE = {"color": "#7b8794", "opacity": 0.6}
INSIDE = ("box", "ellipse")  # shapes that hold their label: the font must contrast with the fill


def text(lang: str) -> dict:
    """The diff page's words (pohon.words: 'visual-diff' with its statuses and legend)."""
    return {**words("visual-diff", lang), "status": words("visual-diff-status", lang),
            "legend": words("visual-diff-legend", lang)}


class DiffView:
    def __init__(self, new: nx.DiGraph, old: nx.DiGraph, diff: Diff | None = None, lang: str = "id",
                 old_label: str | None = None):
        self.diff = diff if diff is not None else diff_datasets(old, new)
        self.lang = lang_of(lang)
        name = str(old.graph.get("dataset") or "")
        self.old_label = old_label or (name if name != str(new.graph.get("dataset") or "") else "")
        self.source, self.ghost = overlay(new, old, self.diff)
        self.ghosts = set(self.ghost.values())
        self.status = {(self.ghost[n] if s == "removed" else n): s for n, s in self.diff.status.items()
                       if s != "removed" or n in self.ghost}
        self.changes: dict[str, list[str]] = defaultdict(list)
        for c in self.diff.changes:
            self.changes[self.ghost.get(c.node, c.node) if c.change == "removed" else c.node].append(
                describe(c, self.lang))
        t = text(self.lang)
        for s in self.diff.shifts:
            node = self.ghost.get(s.node, s.node) if s.node not in new else s.node
            self.changes[node].append(f"{t['money']} {s.year}: {st.fmt_money(s.old, self.lang)} → "
                                      f"{st.fmt_money(s.new, self.lang)} ({_signed(s.new - s.old, self.lang, True)})")
        self.old = old

    # ---- per node ----

    def label(self, n: str, label: str) -> str:
        s = self.status.get(n)
        return f"{STYLE[s]['mark']} {label}" if s else label

    def node_style(self, n: str, kind: str, radius: float | None) -> dict:
        s = self.status.get(n)
        look = STYLE[s] if s else UNCHANGED
        shape = st.KIND_STYLE[kind]["shape"]
        out: dict = {}
        if radius is not None and shape not in INSIDE:
            out["size"] = radius
        colour = {"background": look["color"], "border": look["border"]}
        out["color"] = {**colour, "highlight": dict(colour), "hover": dict(colour)}
        out["font"] = {"color": look["font"] if shape in INSIDE else
                       (STYLE["removed"]["font"] if s == "removed" else st.KIND_STYLE[kind]["font"])}
        if s:
            out["borderWidth"], out["borderWidthSelected"] = 3, 5
            out["shapeProperties"] = {"borderDashes": look["dashes"]}
        if s == "removed":
            out["opacity"] = GHOST_OPACITY
        elif s:  # a halo in the status colour: tiny nodes still show when the whole cascade is on screen
            out["shadow"] = {"enabled": True, "color": _rgba(look["color"], 0.55), "size": 12, "x": 0, "y": 0}
        return out

    def edge_style(self, a: str, b: str) -> dict | None:
        if a in self.ghosts or b in self.ghosts:
            return {"dashes": [4, 4], "color": dict(GHOST_EDGE)}
        return None

    def info(self, n: str, row: dict) -> dict:
        s = self.status.get(n)
        if not s:
            return row
        t = text(self.lang)
        row["d"] = s
        row["ch"] = self.changes.get(n, [])
        old = self.diff.matched.get(n)
        if s == "renamed" and old:
            a = self.old.nodes[old]
            row["was"] = " · ".join(x for x in (str(a.get("kode") or ""), str(a.get("nama") or "")) if x)
        if s == "removed":
            row["t"] = [[t["old_file"] if k in ("Berkas", "File") else k, v] for k, v in row["t"]]
        return row

    # ---- page ----

    def page_text(self) -> dict:
        t = text(self.lang)
        return {"status": t["status"], "changes": t["changes"], "was": t["was"]}

    def context(self, shown: list[str]) -> dict:
        t = text(self.lang)
        seen = set(shown)
        counts = Counter(s for n, s in self.status.items() if n in seen)
        return {
            "compared": f"{t['compared']}" + (f" “{self.old_label}”" if self.old_label else ""),
            "counts": [(s, STYLE[s]["mark"], t["status"][s], counts[s]) for s in STATUSES],
            "hidden": sum(1 for n in self.status if n not in seen),
            "hidden_label": t["hidden"],
            "legend": [(s, STYLE[s]["mark"], t["legend"][s], STYLE[s]["color"], STYLE[s]["border"], STYLE[s]["css"])
                       for s in STATUSES] + [("unchanged", "", t["legend"]["unchanged"], UNCHANGED["color"],
                                              UNCHANGED["border"], "solid")],
        }

    def page_data(self, shown: list[str]) -> dict:
        seen = set(shown)
        return {"status": {n: s for n, s in sorted(self.status.items()) if n in seen}}


def overlay(new: nx.DiGraph, old: nx.DiGraph, diff: Diff) -> tuple[Source, dict[str, str]]:
    """`new` plus the removed nodes of `old` (`ghost=True`) and their old edges, as a Source that reads `new`
    without copying it (what `new.copy()` plus `add_node`/`add_edge` would hold); old id -> ghost id."""
    removed = sorted(n for n, s in diff.status.items() if s == "removed" and n in old)
    ghost = {o: o if o not in new else f"{o}~old" for o in removed}
    nodes: dict[str, dict] = {}
    for o in removed:
        g = ghost[o]
        base = nodes.get(g) or (new.nodes[g] if g in new else {})
        nodes[g] = {**base, **old.nodes[o], "ghost": True}
    to_new: dict[str, str] | None = None

    def where(x: str) -> str | None:
        nonlocal to_new
        if x in ghost:
            return ghost[x]
        if diff.matched.get(x) == x:  # unchanged id (an old id is matched at most once)
            return x
        if to_new is None:
            to_new = {o: n for n, o in diff.matched.items()}
        return to_new.get(x)

    succ: dict[str, dict[str, dict]] = {}
    pred: dict[str, dict[str, dict]] = {}
    for o in removed:
        for u, v, attrs in sorted(list(old.in_edges(o, data=True)) + list(old.out_edges(o, data=True)),
                                  key=lambda e: (e[0], e[1])):
            a, b = where(u), where(v)
            if a and b and not new.has_edge(a, b) and b not in succ.get(a, ()):
                succ.setdefault(a, {})[b] = pred.setdefault(b, {})[a] = {**attrs, "ghost": True}
    return Source(new, nodes, succ, pred), ghost


def describe(c: Change, lang: str) -> str:
    """One change with its figures, numbers in the page's language: `target 2024: 73 → 75 (+2)`."""
    w = words("diff", lang)
    label = w.get(c.change, c.change) + (f" {c.year}" if c.year else "")
    if c.change in ("added", "removed"):
        return f"{label}: “{_val(c.new if c.change == 'added' else c.old, lang)}”"
    money = c.change in MONEY
    old, new = _val(c.old, lang, money), _val(c.new, lang, money)
    if c.change == "reworded":
        return f"{label}: “{old}” → “{new}”"
    if _is_num(c.old) and _is_num(c.new):
        return f"{label}: {old} → {new} ({_signed(c.new - c.old, lang, money)})"
    return f"{label}: {old} → {new}"


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _val(v, lang: str, money: bool = False) -> str:
    if v is None or v == "" or v == []:
        return words("diff", lang)["empty"]
    if isinstance(v, bool):
        return text(lang)["yes" if v else "no"]
    if isinstance(v, list):
        return ", ".join(map(str, v))
    if not _is_num(v):
        return str(v)
    return st.fmt_money(v, lang) if money else st.fmt_target(v, lang)


def _signed(v: float, lang: str, money: bool = False) -> str:
    v = round(v, 2)
    return ("+" if v > 0 else "−" if v < 0 else "±") + (st.fmt_money if money else st.fmt_target)(abs(v), lang)


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha})"
