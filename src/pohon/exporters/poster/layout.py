"""Where every box of the poster goes, page by page, as drawing operations svg.py and pdf.py both follow.

Layout (points, 1 pt = 1/72 in, drawn at 100 %: body text is 7 pt on paper):
- a tidy top-down tree: each subtree takes its own band of width, siblings left to right in code order, a
  parent centred over its children; children that are all leaves are stacked in columns under the parent
  (an org chart's last level), which keeps the tree narrow. A page root's subtrees too wide for the paper
  side by side are folded into rows hanging from a trunk at their left (the 9 SS of the top on one A3 page).
  Boxes never overlap by construction, and `overlaps()` checks it.
- paging: a tree that does not fit the paper at 100 % is cut by subtree. The first page shows the top of the
  tree down to the SP (with --unit: down to the unit); each cut box says where it continues (`→ hlm. 4`), and
  each continued subtree (one SP, one unit or one unit type) starts on a page of its own, right after the
  page it is cut from. A subtree whose children each fit is spread over consecutive pages (`SP3 (1/2)`); one
  that still does not fit is cut again the same way: an SP page shows its IKs and units, each unit
  continuing on its own page; a unit too big for a page continues by its IKKs. Findings are listed at the end.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pohon import fmt
from pohon.exporters.poster import fonts
from pohon.exporters.poster.tree import LEVEL, Node
from pohon.nodes import parse_id, without_kind
from pohon.words import lang_of, words

PAPERS = {"A4": (842.0, 595.0), "A3": (1191.0, 842.0), "A2": (1684.0, 1191.0)}  # landscape, points
MARGIN, HEADER_H = 24.0, 34.0
W, PAD, HGAP, VGAP, STACK_INDENT, STACK_GAP = 124.0, 4.0, 10.0, 20.0, 8.0, 5.0
CODE_SIZE, BODY_SIZE, LINE_H = 7.5, 7.0, 8.4
SEVERITY_ORDER = ("error", "warning", "info")
KIND_FILL = {"root": "#1f3a5f", "SS": "#4b3f72", "SP": "#005f73", "IK": "#0a9396", "Unit": "#bb3e03",
             "Tipe": "#7f5539", "IKK": "#ca6702", "Komponen": "#6c757d", "Lain": "#495057"}
SEVERITY_FILL = {"error": "#c1121f", "warning": "#e9a100", "info": "#1d70b8"}


# ---- drawing operations (top-left origin, points) ----

@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None
    radius: float = 0.0


@dataclass
class Line:
    points: list[tuple[float, float]]
    stroke: str = "#555555"
    width: float = 0.7


@dataclass
class Text:
    x: float
    y: float          # baseline
    text: str
    size: float = BODY_SIZE
    bold: bool = False
    fill: str = "#111111"
    anchor: str = "start"  # start, middle, end
    role: str = ""         # kode, nama, target, budget, cont, header, finding (SVG class)


@dataclass
class Mark:
    x: float          # centre
    y: float
    severity: str
    size: float = 6.0


@dataclass
class Placed:
    """A box on a page: its node, where it is, its footnote and where its subtree continues."""

    node: Node
    x: float
    y: float
    w: float
    h: float
    stacked: bool = False
    kids: list["Placed"] = field(default_factory=list)
    rows: list[list["Placed"]] = field(default_factory=list)  # a page root's kids folded into rows (if any)
    cont: list[int] = field(default_factory=list)  # pages the hidden subtree continues on
    notes: list[int] = field(default_factory=list)  # footnote numbers in the findings list
    severity: str | None = None


@dataclass
class Group:
    """One tree on a page: `root` with the subtrees `kids`; boxes at level `cut` continue elsewhere."""

    root: Node
    kids: list[Node]
    cut: int | None = None
    caption: str = ""                # what the root hangs from, on a continuation page


@dataclass
class Page:
    number: int
    title: str
    group: Group | None              # the page's tree (None on a page of the findings list)
    back: list[int] = field(default_factory=list)  # the page this subtree was cut from
    boxes: list[Placed] = field(default_factory=list)
    ops: list = field(default_factory=list)
    continues: dict[str, list[int]] = field(default_factory=dict)  # node id -> its continuation pages


@dataclass
class Note:
    """One entry of the findings list: the number boxes carry, what it is about, its findings."""

    number: int
    label: str
    findings: list
    name_nodes: bool = False  # the note stands for several nodes (a unit type): each line names its node


@dataclass
class Poster:
    width: float
    height: float
    pages: list[Page]
    notes: list[Note]


# ---- boxes ----

def _box_lines(node: Node, lang: str, last_year) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    return _lines(node.kind, node.nama, node.target, node.satuan, node.budget, lang, last_year)


@functools.lru_cache(maxsize=1 << 16)  # the paging lays a box out again for every page it tries
def _lines(kind, nama, target, satuan, budget, lang, last_year) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    inner = W - 2 * PAD
    name = fonts.wrap(nama, inner, BODY_SIZE)
    extra: tuple[str, ...] = ()
    if kind in ("IK", "IKK"):
        text = f"{words('poster', lang)['target'].format(year=last_year)}: {fmt.target(target, lang)}"
        extra = fonts.wrap(text + (f" {satuan}" if satuan and target is not None else ""), inner, BODY_SIZE)
    return name, extra, fmt.juta(budget, lang)


def box_height(node: Node, lang: str, last_year, continued: bool) -> float:
    name, extra, _ = _box_lines(node, lang, last_year)
    return _height(len(name) + len(extra) + 1 + (1 if continued else 0))


def _height(lines: int) -> float:
    return PAD + CODE_SIZE + 3 + lines * LINE_H + PAD - 1


# ---- tree layout ----

def layout_tree(root: Node, kids: list[Node], cut: int | None, lang: str, last_year, max_bottom: float,
                left: float = 0.0, top: float = 0.0, max_width: float | None = None) -> list[Placed]:
    """Place `root` with the subtrees `kids` (boxes at level `cut` keep their children hidden). Returns every
    placed box, root first; positions are relative to (left, top). Subtrees that side by side would be wider
    than `max_width` are folded into rows, one below the other, hanging from a trunk at their left."""
    placed, widths = _tidy(root, kids, cut, lang, last_year, max_bottom, left, top)
    if max_width is None or len(widths) < 2 or sum(widths) + HGAP * (len(widths) - 1) <= max_width:
        return placed
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, w in enumerate(widths):
        if rows[-1] and used + HGAP + w > max_width:
            rows.append([])
            used = 0.0
        used += (HGAP if rows[-1] else 0.0) + w
        rows[-1].append(i)
    out: list[Placed] = []
    root_box = None
    y = top
    for row in rows:
        boxes, _ = _tidy(root, [kids[i] for i in row], cut, lang, last_year, max_bottom, left, y)
        row_kids = boxes[0].kids
        if root_box is None:
            root_box = boxes[0]
            out += boxes
        else:
            out += boxes[1:]
        root_box.rows.append(row_kids)
        root_box.kids = [k for r in root_box.rows for k in r]
        y = bbox(out)[3] + VGAP - root_box.h  # the next row's kids start VGAP below this row
    return out


def _tidy(root: Node, kids: list[Node], cut: int | None, lang: str, last_year, max_bottom: float,
          left: float, top: float) -> tuple[list[Placed], list[float]]:
    """The tidy layout of `root` over `kids` in one row: every placed box (root first) and each kid's width."""

    def shown(n: Node) -> list[Node]:
        if n is root:
            return kids
        if cut is not None and LEVEL[n.kind] >= cut:
            return []
        return n.children

    def hidden(n: Node) -> bool:
        return n is not root and bool(n.children) and not shown(n)

    placed: list[Placed] = []
    heights: dict[int, float] = {}

    def build(n: Node, depth: int) -> Placed:
        p = Placed(n, 0, 0, W, box_height(n, lang, last_year, hidden(n)))
        placed.append(p)
        p.kids = [build(c, depth + 1) for c in shown(n)]
        return p

    tree = build(root, 0)

    def stacks(p: Placed) -> bool:
        return len(p.kids) >= 2 and all(not k.kids for k in p.kids)

    def level_heights(p: Placed, depth: int) -> None:
        if not p.stacked:
            heights[depth] = max(heights.get(depth, 0.0), p.h)
        for k in p.kids:
            k.stacked = stacks(p)
            level_heights(k, depth + 1)

    level_heights(tree, 0)
    ys = [top]
    for d in range(1, max(heights) + 2):
        ys.append(ys[-1] + heights.get(d - 1, 0.0) + VGAP)

    def place(p: Placed, x: float, depth: int) -> float:
        p.y = ys[depth]
        if not p.kids:
            p.x = x
            return W
        if stacks(p):
            cols = _columns(p.kids, ys[depth + 1], max_bottom)
            width = STACK_INDENT + len(cols) * W + (len(cols) - 1) * HGAP
            for ci, col in enumerate(cols):
                cx = x + STACK_INDENT + ci * (W + HGAP)
                cy = ys[depth + 1]
                for k in col:
                    k.x, k.y = cx, cy
                    cy += k.h + STACK_GAP
            p.x = x + (width - W) / 2
            return width
        cursor = x
        for k in p.kids:
            cursor += place(k, cursor, depth + 1) + HGAP
        width = cursor - HGAP - x
        first, last = p.kids[0], p.kids[-1]
        p.x = (first.x + last.x) / 2
        return width

    if stacks(tree) or not tree.kids:
        return placed, [place(tree, left, 0)]
    tree.y = ys[0]  # = place(tree, left, 0), keeping each kid's width
    widths, cursor = [], left
    for k in tree.kids:
        widths.append(place(k, cursor, 1))
        cursor += widths[-1] + HGAP
    tree.x = (tree.kids[0].x + tree.kids[-1].x) / 2
    return placed, widths


def _columns(kids: list[Placed], top: float, bottom: float) -> list[list[Placed]]:
    """Stacked leaves in as few columns as keep them above `bottom`, balanced (equal counts where they fit)."""
    greedy: list[list[Placed]] = [[]]
    y = top
    for k in kids:
        if greedy[-1] and y + k.h > bottom:
            greedy.append([])
            y = top
        greedy[-1].append(k)
        y += k.h + STACK_GAP
    n = len(greedy)
    per = -(-len(kids) // n)
    balanced = [kids[i:i + per] for i in range(0, len(kids), per)]
    if len(balanced) == n and all(top + sum(k.h + STACK_GAP for k in col) - STACK_GAP <= bottom for col in balanced):
        return balanced
    return greedy


def bbox(boxes: list[Placed]) -> tuple[float, float, float, float]:
    return (min(b.x for b in boxes), min(b.y for b in boxes), max(b.x + b.w for b in boxes),
            max(b.y + b.h for b in boxes))


def overlaps(boxes: list[Placed]) -> list[tuple[Placed, Placed]]:
    """Every pair of boxes that overlap (should be none)."""
    out = []
    srt = sorted(boxes, key=lambda b: b.x)
    for i, a in enumerate(srt):
        for b in srt[i + 1:]:
            if b.x >= a.x + a.w:
                break
            if a.y < b.y + b.h and b.y < a.y + a.h:
                out.append((a, b))
    return out


# ---- paging ----

CAPTION_H = 11.0
UNIT_LEVEL = LEVEL["Unit"]
PAGE_LEVELS = (LEVEL["SP"], UNIT_LEVEL, LEVEL["IKK"])  # the boxes whose subtrees continue on pages of their own


def layout_page(grp: Group, lang: str, last_year, max_bottom: float, max_width: float) -> list[Placed]:
    """Every box of a page's tree, below its caption (if any)."""
    return layout_tree(grp.root, grp.kids, grp.cut, lang, last_year, max_bottom,
                       top=CAPTION_H if grp.caption else 0.0, max_width=max_width)


def paginate(root: Node, paper: str, lang: str, last_year, top_cut: int) -> list[Page]:
    """The pages: first the top of the tree (down to `top_cut` at least), then, depth first, every subtree cut
    from a page on a page of its own (an SP, a unit or a unit type, one per page), cut again the same way if it
    still does not fit; a subtree whose children each fit is spread over consecutive pages (`SP3 (1/2)`)."""
    pw, ph = PAPERS[paper]
    avail_w, avail_h = pw - 2 * MARGIN, ph - 2 * MARGIN - HEADER_H
    max_bottom = avail_h  # a stack of leaves wraps into another column before it runs off the paper
    t = words("poster", lang)
    parent = {c.id: n for n in root.walk() for c in n.children}

    most = int(avail_w * avail_h // (W * _height(2)))  # boxes of one name line at least, none overlapping

    def fits(grp: Group) -> bool:
        if _more_boxes_than(grp, most):  # a quick no before laying a big tree out
            return False
        x0, y0, x1, y1 = bbox(layout_page(grp, lang, last_year, max_bottom, avail_w))
        return x1 - x0 <= avail_w and y1 <= avail_h  # trees start at 0 (captions above their roots)

    def pack(r: Node, cut: int | None, caption: str) -> list[list[Node]] | None:
        """r's children in consecutive groups that each fit a page under r (None: one child alone does not)."""
        groups: list[list[Node]] = []
        for c in r.children:
            if groups and fits(Group(r, groups[-1] + [c], cut, caption)):
                groups[-1].append(c)
            elif fits(Group(r, [c], cut, caption)):
                groups.append([c])
            else:
                return None
        return groups

    def short(r: Node) -> str:
        if r.kind == "root" or not r.kode:
            return r.kode or t[r.kind]
        return r.kode if r.kode.startswith(t[r.kind]) else f"{t[r.kind]} {r.kode}"

    def title(r: Node) -> str:
        if r.kind == "root":
            return f"{r.kode} — {r.nama}" if r.kode else r.nama
        if r.kind == "Tipe":  # its name says the type: "Tipe unit BSPJI · 13 balai"
            return f"{t[r.kind]} {r.nama}"
        return f"{short(r)} — {r.nama}"

    def caption(r: Node) -> str:
        up = parent.get(r.id)
        if up is None or up.kind == "root" or not up.kode:  # an SS has no code: its name is the SP's own
            return ""
        return t["under"].format(what=short(up))

    plan: list[Page] = []  # pages in order

    def series(r: Node, groups: list[list[Node]], cut: int | None, cap: str, back: list[int], top: bool):
        out = []
        # a unit's pages under different IKs differ by the IK: the header says which (`IK T1/SP2/d › Unit …`)
        prefix = t["overview"] + " — " if top else f"{short(parent[r.id])} › " if cap else ""
        for i, grp in enumerate(groups):
            suffix = f" ({i + 1}/{len(groups)})" if len(groups) > 1 else ""
            plan.append(Page(len(plan) + 1, prefix + title(r) + suffix, Group(r, grp, cut, cap), back))
            out.append(plan[-1])
        return out

    def pages_for(r: Node, back: list[int], top: bool) -> list[Page]:
        """The page(s) of the subtree under `r`: one series, the same root cut the same way."""
        cap = "" if top else caption(r)
        if fits(Group(r, list(r.children), None, cap)):
            return series(r, [list(r.children)], None, cap, back, False)
        if not top:
            groups = pack(r, None, cap)
            if groups is not None:
                return series(r, groups, None, cap, back, False)
        if top:  # the top as deep as one page holds it (cut at an SP, unit or IKK), at least down to `top_cut`
            deeper = [lv for lv in reversed(PAGE_LEVELS) if lv > top_cut
                      and fits(Group(r, list(r.children), lv, cap))]
            cut = deeper[0] if deeper else top_cut
        else:  # an SP page shows its IKs and their units, each unit (or unit type) continuing on its own page
            cut = UNIT_LEVEL if r.kind == "Tipe" else next((lv for lv in PAGE_LEVELS if lv > LEVEL[r.kind]),
                                                           LEVEL[r.kind] + 1)
        groups = pack(r, cut, cap)
        if groups is None:  # even one child cut at that level does not fit: cut right under the root
            cut = LEVEL[r.kind] + 1
            groups = pack(r, cut, cap) or [[c] for c in r.children]
        pages = series(r, groups, cut, cap, back, top)
        for page in pages:  # depth first: a subtree's continuation pages follow the pages it is cut from
            for n in _at_level(page.group.kids, cut):
                if n.children:
                    page.continues[n.id] = [p.number for p in pages_for(n, [page.number], False)]
        return pages

    pages_for(root, [], True)
    for p in plan:
        p.boxes = layout_page(p.group, lang, last_year, max_bottom, avail_w)
        for b in p.boxes:
            if b.node.id in p.continues and b.node is not p.group.root:
                b.cont = p.continues[b.node.id]
    return plan


def _more_boxes_than(grp: Group, limit: int) -> bool:
    stack, n = list(grp.kids), 1
    while stack:
        node = stack.pop()
        n += 1
        if n > limit:
            return True
        if grp.cut is None or LEVEL[node.kind] < grp.cut:
            stack.extend(node.children)
    return False


def _at_level(kids: list[Node], cut: int):
    """The boxes on a page drawn at the cut level (their children continue elsewhere)."""
    stack = list(kids)
    while stack:
        n = stack.pop(0)
        if LEVEL[n.kind] >= cut:
            yield n
        else:
            stack[0:0] = n.children


# ---- composing the pages ----

def compose(root: Node, findings, *, paper: str = "A3", lang: str = "id", years=(), dataset: str = "",
            top_cut: int = 2) -> Poster:
    """Pages with boxes placed and drawing operations filled in, findings numbered and listed at the end."""
    lang = lang_of(lang)
    last_year = years[-1] if years else ""
    pages = paginate(root, paper, lang, last_year, top_cut)
    pw, ph = PAPERS[paper]
    by_node: dict[str, list] = {}
    for f in findings:
        by_node.setdefault(f.node, []).append(f)
    notes: list[Note] = []
    numbers: dict[frozenset, int] = {}  # the same findings (a unit drawn under several IKs) share one note
    for page in pages:
        for b in page.boxes:
            for found, label in _findings_of(b.node, by_node, lang):
                several = bool(b.node.covers)
                key = frozenset(id(f) for f in found)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    notes.append(Note(numbers[key], label, found, several))
                b.notes.append(numbers[key])
                worst = min((f.severity for f in found), key=SEVERITY_ORDER.index)
                b.severity = min((worst, b.severity or "info"), key=SEVERITY_ORDER.index)
    period = f"{years[0]}–{years[-1]}" if years else ""
    listed = {id(f) for note in notes for f in note.findings}
    elsewhere = sum(1 for f in findings if id(f) not in listed)
    note_pages = _note_pages(notes, pw, ph, lang, elsewhere)
    total = len(pages) + len(note_pages)
    for page in pages:
        x0, y0, x1, y1 = bbox(page.boxes)
        dx = MARGIN + max(0.0, (pw - 2 * MARGIN - (x1 - x0)) / 2) - x0
        dy = MARGIN + HEADER_H
        for b in page.boxes:
            b.x += dx
            b.y += dy
        page.ops = _header(dataset, period, page.title, page.number, total, pw, lang, page.back)
        page.ops += _legend(pw, ph, lang, period, last_year)
        page.ops += _tree_ops(page.boxes, lang, last_year)
        if page.group.caption:
            box = page.boxes[0]  # the root
            text = fonts.wrap(page.group.caption, W * 1.5, BODY_SIZE)[0]
            page.ops.append(Text(box.x, box.y - 3.5, text, BODY_SIZE, False, "#555555", role="caption"))
    first_note_page = len(pages) + 1
    for i, ops in enumerate(note_pages):
        number = first_note_page + i
        title = words("poster", lang)["findings"] if i == 0 else words("poster", lang)["findings_more"]
        page = Page(number, title, None)
        page.ops = _header(dataset, period, title, number, total, pw, lang, None) + ops
        pages.append(page)
    return Poster(pw, ph, pages, notes)


def _findings_of(node: Node, by_node: dict, lang: str) -> list[tuple[list, str]]:
    """(findings, label) groups of a box: its own node's findings. A unit-type box whose balai are not drawn
    (above --depth ikk) stands for them: it carries their findings (the same note under every IK)."""
    label = f"{node.label or words('poster', lang)[node.kind]} {node.kode}".strip()
    if node.covers:
        units = [f for gid in node.covers for f in by_node.get(gid, [])]
        return [(units, f"{label}: {words('poster', lang)['units']}")] if units else []
    gid = node.graph_id
    if not gid or gid not in by_node:
        return []
    unit = parse_id(gid)[1][0] if node.kind in ("IKK", "Komponen") else ""
    return [(by_node[gid], f"{label} ({unit})" if unit else label)]


def page_list(numbers: list[int]) -> str:
    """`4`, `4–6` (a run), or `2, 5`."""
    if len(numbers) == 1:
        return str(numbers[0])
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _header(dataset, period, title, number, total, pw, lang, back) -> list:
    t = words("poster", lang)
    y = MARGIN + 9
    ops = [Text(MARGIN, y, f"{dataset} · Renstra {period}", 8.5, True, "#1f3a5f", role="header"),
           Text(pw - MARGIN, y, t["pages"].format(n=number, total=total), 8.5, True, "#1f3a5f", "end",
                role="header")]
    sub = title + (f"  ({t['continued'].format(n=page_list(back))})" if back else "")
    lines = fonts.wrap(sub, pw - 2 * MARGIN - 120, 8.0)
    ops.append(Text(MARGIN, y + 11, lines[0] + (" …" if len(lines) > 1 else ""), 8.0, False, "#333333",
                    role="header"))
    ops.append(Line([(MARGIN, y + 16), (pw - MARGIN, y + 16)], "#1f3a5f", 0.8))
    return ops


def _legend(pw, ph, lang, period, last_year) -> list:
    t = words("poster", lang)
    y = ph - MARGIN / 2
    ops = [Text(MARGIN, y, t["legend"].format(years=period, last=last_year), 7.0, False, "#444444", role="legend")]
    x = pw - MARGIN
    for sev in reversed(SEVERITY_ORDER):
        label = words("severity", lang)[sev]
        x -= fonts.width(label, 7.0)
        ops.append(Text(x, y, label, 7.0, False, "#444444", role="legend"))
        x -= 8
        ops.append(Mark(x, y - 2.5, sev, 6.0))
        x -= 12
    return ops


def _tree_ops(boxes: list[Placed], lang: str, last_year) -> list:
    ops: list = []
    for p in boxes:  # connectors first, boxes over them
        if not p.kids:
            continue
        bottom = p.y + p.h
        if p.kids[0].stacked:
            cols: dict[float, list[Placed]] = {}
            for k in p.kids:
                cols.setdefault(k.x, []).append(k)
            mid = bottom + VGAP / 2
            spines = [x - STACK_INDENT / 2 for x in cols]
            ops.append(Line([(p.x + W / 2, bottom), (p.x + W / 2, mid)]))
            ops.append(Line([(min(spines + [p.x + W / 2]), mid), (max(spines + [p.x + W / 2]), mid)]))
            for x, col in cols.items():
                sx = x - STACK_INDENT / 2
                ops.append(Line([(sx, mid), (sx, col[-1].y + 9)]))
                for k in col:
                    ops.append(Line([(sx, k.y + 9), (k.x, k.y + 9)]))
        elif len(p.rows) > 1:  # rows hang from a trunk left of every box
            trunk = min(b.x for b in boxes) - HGAP / 2
            mids = [row[0].y - VGAP / 2 for row in p.rows]
            ops.append(Line([(p.x + W / 2, bottom), (p.x + W / 2, mids[0])]))
            ops.append(Line([(trunk, mids[0]), (trunk, mids[-1])]))
            for row, mid in zip(p.rows, mids):
                ops.append(Line([(trunk, mid), (max(k.x for k in row) + W / 2, mid)]))
                ops += [Line([(k.x + W / 2, mid), (k.x + W / 2, k.y)]) for k in row]
        else:
            mid = bottom + VGAP / 2
            centres = [k.x + W / 2 for k in p.kids]
            ops.append(Line([(p.x + W / 2, bottom), (p.x + W / 2, mid)]))
            if len(centres) > 1:
                ops.append(Line([(centres[0], mid), (centres[-1], mid)]))
            for k, cx in zip(p.kids, centres):
                ops.append(Line([(cx, mid), (cx, k.y)]))
    for p in boxes:
        ops += _box_ops(p, lang, last_year)
    return ops


def _box_ops(p: Placed, lang: str, last_year) -> list:
    n = p.node
    colour = KIND_FILL.get(n.kind, "#333333")
    band = PAD + CODE_SIZE + 2
    ops: list = [Rect(p.x, p.y, p.w, p.h, "#ffffff", colour, 2.0), Rect(p.x, p.y, p.w, band, colour, None, 2.0)]
    y = p.y + PAD + CODE_SIZE - 1
    label = n.label or words("poster", lang)[n.kind]
    ops.append(Text(p.x + PAD, y, label, BODY_SIZE, False, "#ffffff", role="kind"))
    if n.kode:
        ops.append(Text(p.x + PAD + fonts.width(label, BODY_SIZE) + 3, y, n.kode, CODE_SIZE, True, "#ffffff", role="kode"))
    if p.notes:  # on a white tab, so the severity colour reads on every band colour
        num = ",".join(str(n) for n in p.notes)
        tab_w = fonts.width(num, CODE_SIZE, True) + 13
        ops.append(Rect(p.x + p.w - PAD - tab_w + 2, p.y + 1.5, tab_w, band - 3, "#ffffff", None, 1.5))
        ops.append(Text(p.x + p.w - PAD, y, num, CODE_SIZE, True, "#111111", "end", role="note"))
        ops.append(Mark(p.x + p.w - PAD - fonts.width(num, CODE_SIZE, True) - 5, y - 2.6, p.severity or "info", 6.5))
    name, extra, money = _box_lines(n, lang, last_year)
    y = p.y + band + LINE_H - 0.5
    for line in name:
        ops.append(Text(p.x + PAD, y, line, BODY_SIZE, False, "#111111", role="nama"))
        y += LINE_H
    for line in extra:
        ops.append(Text(p.x + PAD, y, line, BODY_SIZE, False, "#333333", role="target"))
        y += LINE_H
    ops.append(Text(p.x + PAD, y, money, BODY_SIZE, True, "#111111", role="budget"))
    y += LINE_H
    if p.cont:
        pages = page_list(p.cont)
        ops.append(Text(p.x + p.w - PAD, y, f"→ {words('poster', lang)['page']} {pages}", BODY_SIZE, True, colour, "end",
                        role="cont"))
    return ops


def _note_pages(notes, pw, ph, lang, elsewhere: int = 0) -> list[list]:
    """The findings list, in columns, over as many pages as it needs; first, how many findings sit on
    nodes the poster does not draw (deeper than --depth, outside the view, Tabel 10)."""
    t = words("poster", lang)
    sev = words("severity", lang)
    col_w, gap = 250.0, 14.0
    ncols = max(1, int((pw - 2 * MARGIN + gap) // (col_w + gap)))
    top, bottom = MARGIN + HEADER_H, ph - MARGIN - 10
    pages: list[list] = []
    intro = fonts.wrap(t["elsewhere"].format(n=elsewhere), col_w, BODY_SIZE) if elsewhere else []
    ops: list = [Text(MARGIN, top + 7 + i * LINE_H, line, BODY_SIZE, False, "#444444", role="finding")
                 for i, line in enumerate(intro)]
    col, y = 0, top + (len(intro) * LINE_H + 6 if intro else 0)
    if not notes:
        return [ops + [Text(MARGIN, y + 7, t["none"], BODY_SIZE, role="finding")]]

    def newline(h: float):
        nonlocal col, y, ops
        if y + h > bottom:
            col += 1
            y = top
            if col >= ncols:
                pages.append(ops)
                ops, col = [], 0

    for note in notes:
        items = note.findings
        head = f"{note.number}. {note.label}"
        newline(LINE_H * 2)
        x = MARGIN + col * (col_w + gap)
        ops.append(Text(x, y + 7, head, CODE_SIZE, True, "#111111", role="finding"))
        y += LINE_H + 1
        several = note.name_nodes or len({f.node for f in items}) > 1
        for f in items:
            who = without_kind(f.node).replace(":", " ") + " — " if several else ""
            lines = fonts.wrap(f"[{sev[f.severity]}] {who}{f.rule}: {f.message(lang)}", col_w - 12, BODY_SIZE)
            for j, line in enumerate(lines):
                newline(LINE_H)
                x = MARGIN + col * (col_w + gap)
                if j == 0:
                    ops.append(Mark(x + 4, y + 4.5, f.severity, 5.5))
                ops.append(Text(x + 10, y + 7, line, BODY_SIZE, False, "#222222", role="finding"))
                y += LINE_H
        y += 3
    pages.append(ops)
    return pages
