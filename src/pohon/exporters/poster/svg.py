"""The poster as one SVG: each page a panel (`<g class="page">`) below the previous one, text as real
`<text>` (every value escaped), so the names can be searched, copied and read by a screen reader."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from pohon.exporters.poster import fonts
from pohon.exporters.poster.layout import Line, Mark, Poster, Rect, SEVERITY_FILL, Text

PAGE_GAP = 24.0


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def render_svg(poster: Poster, title: str = "") -> str:
    pw, ph = poster.width, poster.height
    total_h = len(poster.pages) * ph + (len(poster.pages) - 1) * PAGE_GAP
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_num(pw)}pt" height="{_num(total_h)}pt" '
           f'viewBox="0 0 {_num(pw)} {_num(total_h)}" font-family={quoteattr(fonts.SVG_FAMILY)}>',
           f"<title>{escape(title)}</title>",
           "<style>text{white-space:pre}.kode,.note,.budget,.cont{font-weight:bold}</style>"]
    for i, page in enumerate(poster.pages):
        oy = i * (ph + PAGE_GAP)
        out.append(f'<g class="page" id="page-{page.number}" data-page="{page.number}" '
                   f'transform="translate(0 {_num(oy)})">')
        out.append(f'<rect x="0" y="0" width="{_num(pw)}" height="{_num(ph)}" fill="#ffffff" stroke="#999999" '
                   f'stroke-width="0.5"/>')
        for op in page.ops:
            out.append(_op(op))
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _op(op) -> str:
    if isinstance(op, Rect):
        stroke = f' stroke="{op.stroke}" stroke-width="0.8"' if op.stroke else ""
        return (f'<rect x="{_num(op.x)}" y="{_num(op.y)}" width="{_num(op.w)}" height="{_num(op.h)}" '
                f'rx="{_num(op.radius)}" fill="{op.fill}"{stroke}/>')
    if isinstance(op, Line):
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in op.points)
        return f'<polyline points="{pts}" fill="none" stroke="{op.stroke}" stroke-width="{_num(op.width)}"/>'
    if isinstance(op, Mark):
        return _mark(op)
    if isinstance(op, Text):
        anchor = f' text-anchor="{op.anchor}"' if op.anchor != "start" else ""
        weight = ' font-weight="bold"' if op.bold else ""
        cls = f' class="{op.role}"' if op.role else ""
        return (f'<text x="{_num(op.x)}" y="{_num(op.y)}" font-size="{_num(op.size)}" fill="{op.fill}"'
                f'{anchor}{weight}{cls}>{escape(op.text)}</text>')
    raise TypeError(op)


def _mark(m: Mark) -> str:
    """error: a circle; warning: a triangle; info: a square (shape as well as colour)."""
    r, fill = m.size / 2, SEVERITY_FILL[m.severity]
    if m.severity == "error":
        return f'<circle cx="{_num(m.x)}" cy="{_num(m.y)}" r="{_num(r)}" fill="{fill}" stroke="#ffffff" stroke-width="0.6"/>'
    if m.severity == "warning":
        pts = f"{_num(m.x)},{_num(m.y - r)} {_num(m.x + r)},{_num(m.y + r * 0.8)} {_num(m.x - r)},{_num(m.y + r * 0.8)}"
        return f'<polygon points="{pts}" fill="{fill}" stroke="#ffffff" stroke-width="0.6"/>'
    return (f'<rect x="{_num(m.x - r * 0.85)}" y="{_num(m.y - r * 0.85)}" width="{_num(r * 1.7)}" '
            f'height="{_num(r * 1.7)}" fill="{fill}" stroke="#ffffff" stroke-width="0.6"/>')
