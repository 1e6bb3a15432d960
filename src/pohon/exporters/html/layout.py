"""Fixed x/y positions, computed here so the browser does no layout work (5,000 nodes open at once).

Levels run top-down (SS, SP + Tujuan, IK, Unit, SK, IKK, Komponen). Two tidy trees are laid out
independently: SS>SP>IK above and Unit>SK>IKK>Komponen below; the narrower one is stretched to the
wider one's width. Crowded levels are staggered over a few sub-rows so that labels never overlap.
"""
from __future__ import annotations

from collections import defaultdict

from pohon.exporters.html.style import LEVEL

GAP = 14.0  # px between neighbouring labels on one row
LEVEL_GAP = 170.0  # px between the last sub-row of a level and the next level
SUBROW = 38.0  # px between staggered sub-rows of one level
STAGGER = {"SS": 2, "SP": 1, "IK": 2, "Tipe": 1, "Unit": 3, "SK": 2, "IKK": 2, "Komponen": 1}
MAX_STAGGER = {"Unit": 3, "SK": 3, "IKK": 4, "Komponen": 8}
UPPER = ("SS", "SP", "IK")
SCREEN = (1560.0, 940.0)  # canvas area of a 1920x1080 projector page, minus header and side panel


def choose_stagger(nodes, kind, width, height) -> dict[str, int]:
    """Sub-rows per level: trade width for height so the whole view fits a 16:9 screen at the largest scale."""
    total, tall = defaultdict(float), defaultdict(float)
    for n in nodes:
        total[kind[n]] += width[n] + GAP
        tall[kind[n]] = max(tall[kind[n]], height[n] + 6, SUBROW)
    upper_w = max([total[k] / STAGGER[k] for k in UPPER if total[k]] or [0.0])
    levels = {LEVEL[k] for k in total}
    best, best_score, target = dict(STAGGER), 0.0, 800.0
    while target < 60000:
        rows = dict(STAGGER)
        for k, cap in MAX_STAGGER.items():
            rows[k] = max(1, min(cap, -(-int(total[k]) // int(target)))) if total[k] else 1
        w = max([upper_w] + [total[k] / rows[k] for k in MAX_STAGGER if total[k]])
        h = len(levels) * LEVEL_GAP + sum((rows[k] - 1) * tall[k] for k in total if k in rows)
        score = min(SCREEN[0] / w, SCREEN[1] / h)
        if score > best_score + 1e-9:
            best, best_score = rows, score
        target *= 1.15
    return best


def _place_tree(roots, children, width, kind, stagger) -> dict[str, float]:
    x: dict[str, float] = {}
    cursor = 0.0

    def subtree(n):
        out, stack = [], list(children.get(n, ()))
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(children.get(c, ()))
        return out

    def place(n):
        nonlocal cursor
        r = stagger.get(kind[n], 1)
        own = (width[n] + GAP) / r - GAP  # r sub-rows: neighbours may sit closer than a label's width
        kids = children.get(n, ())
        if not kids:
            x[n] = cursor + own / 2
            cursor += own + GAP
            return
        start = cursor
        for c in kids:
            place(c)
        span = cursor - GAP - start
        if span < own:
            shift = (own - span) / 2
            for c in subtree(n):
                x[c] += shift
            cursor = start + own + GAP
            span = own
        x[n] = start + span / 2

    for r in roots:
        place(r)
    return x


def _fit(x: dict[str, float], nodes, lo: float, hi: float) -> None:
    """Stretch (or shift) the x of `nodes` so that they span [lo, hi]."""
    if not nodes:
        return
    a, b = min(x[n] for n in nodes), max(x[n] for n in nodes)
    if b - a < 1e-9:
        for n in nodes:
            x[n] = (lo + hi) / 2
        return
    f = (hi - lo) / (b - a)
    for n in nodes:
        x[n] = lo + (x[n] - a) * f


def _free_spot(want: float, w: float, taken: list[tuple[float, float]]) -> float:
    """Nearest x to `want` where an interval of width w overlaps none of `taken`."""
    candidates = [want] + [e + GAP + w / 2 for _, e in taken] + [s - GAP - w / 2 for s, _ in taken]
    ok = [c for c in candidates if all(c + w / 2 + GAP / 2 <= s or c - w / 2 - GAP / 2 >= e for s, e in taken)]
    return min(ok, key=lambda c: (abs(c - want), c))


def layout(nodes: list[str], kind: dict[str, str], parent: dict[str, str], edges, width: dict[str, float],
           height: dict[str, float]):
    """Return {node: (x, y)} for the view's nodes; `nodes` is already in display order."""
    children = defaultdict(list)
    for n in nodes:
        if n in parent:
            children[parent[n]].append(n)
    upper = [n for n in nodes if kind[n] in UPPER]
    lower = [n for n in nodes if kind[n] not in UPPER and kind[n] != "Tujuan"]
    stagger = choose_stagger(nodes, kind, width, height)
    x = {}
    x.update(_place_tree([n for n in upper if n not in parent], children, width, kind, stagger))
    x.update(_place_tree([n for n in lower if n not in parent], children, width, kind, stagger))
    parts = [p for p in (upper, lower) if p]
    if len(parts) == 2:  # stretch the narrower tree's centres over the wider one's
        spans = [(max(x[n] for n in p) - min(x[n] for n in p), i) for i, p in enumerate(parts)]
        wide = parts[max(spans)[1]]
        narrow = parts[1 - max(spans)[1]]
        _fit(x, narrow, min(x[n] for n in wide), max(x[n] for n in wide))
    # Tujuan beside the SPs: above the mean of its IKs, moved sideways off any SP box
    below = defaultdict(list)
    for a, b, _ in edges:
        below[a].append(b)
    taken = sorted((x[n] - width[n] / 2, x[n] + width[n] / 2) for n in nodes if kind[n] == "SP")
    right = max((e for _, e in taken), default=0.0)
    for n in [n for n in nodes if kind[n] == "Tujuan"]:
        xs = [x[c] for c in below[n] if c in x]
        want = sum(xs) / len(xs) if xs else right + GAP + width[n] / 2
        x[n] = _free_spot(want, width[n], taken)
        taken.append((x[n] - width[n] / 2, x[n] + width[n] / 2))
        right = max(right, x[n] + width[n] / 2)
    # stagger crowded rows, then stack the levels
    rows: dict[str, int] = {}
    by_level = defaultdict(list)
    for n in nodes:
        by_level[LEVEL[kind[n]]].append(n)
    depth_of_level, step = {}, {}
    for lvl, members in by_level.items():
        step[lvl] = max([SUBROW] + [height[n] + 6 for n in members])
        ends: list[float] = []
        for n in sorted(members, key=lambda m: (x[m], m)):
            left = x[n] - width[n] / 2
            free = [i for i, e in enumerate(ends) if e + GAP <= left]
            limit = max(stagger.get(kind[n], 1), 1) if kind[n] != "Tujuan" else 1
            if free:
                i = free[0]
            elif len(ends) < limit:
                ends.append(float("-inf"))
                i = len(ends) - 1
            else:  # every sub-row is taken here: move right to where the earliest one frees up
                i = min(range(len(ends)), key=lambda k: (ends[k], k))
                x[n] = ends[i] + GAP + width[n] / 2
            ends[i] = x[n] + width[n] / 2
            rows[n] = i
        depth_of_level[lvl] = len(ends)
    y_of_level, y = {}, 0.0
    for lvl in sorted(by_level):
        y_of_level[lvl] = y
        y += (depth_of_level[lvl] - 1) * step[lvl] + LEVEL_GAP
    return {n: (round(x[n], 1), round(y_of_level[LEVEL[kind[n]]] + rows[n] * step[LEVEL[kind[n]]], 1))
            for n in nodes}
