"""The poster as a PDF, one page per poster page, drawn with reportlab.

reportlab rather than cairosvg-from-the-SVG: it is pure Python on PyPI (wheels for every platform, no system
cairo/pango to install), it embeds a subset of the TrueType font so the text is real, selectable and
searchable text, and with `invariant=1` the same poster gives the same bytes (committed examples stay
checkable). The drawing follows the same operations as the SVG (layout.py), so the two never disagree.
"""
from __future__ import annotations

import io

from pohon.exporters.poster import fonts
from pohon.exporters.poster.layout import Line, Mark, Poster, Rect, SEVERITY_FILL, Text


def render_pdf(poster: Poster, title: str = "", author: str = "pohon") -> bytes:
    fonts.register()
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(poster.width, poster.height), invariant=1, pageCompression=1,
                      initialFontName=fonts.REGULAR, initialFontSize=7)  # no unembedded Helvetica
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("pohon poster")
    ph = poster.height
    for page in poster.pages:
        for op in page.ops:
            if isinstance(op, Rect):
                c.setFillColor(HexColor(op.fill))
                if op.stroke:
                    c.setStrokeColor(HexColor(op.stroke))
                    c.setLineWidth(0.8)
                c.roundRect(op.x, ph - op.y - op.h, op.w, op.h, op.radius, stroke=1 if op.stroke else 0, fill=1)
            elif isinstance(op, Line):
                c.setStrokeColor(HexColor(op.stroke))
                c.setLineWidth(op.width)
                path = c.beginPath()
                (x0, y0), *rest = op.points
                path.moveTo(x0, ph - y0)
                for x, y in rest:
                    path.lineTo(x, ph - y)
                c.drawPath(path, stroke=1, fill=0)
            elif isinstance(op, Mark):
                _mark(c, op, ph, HexColor)
            elif isinstance(op, Text):
                c.setFillColor(HexColor(op.fill))
                c.setFont(fonts.BOLD if op.bold else fonts.REGULAR, op.size)
                text = fonts.safe(op.text)
                if op.anchor == "end":
                    c.drawRightString(op.x, ph - op.y, text)
                elif op.anchor == "middle":
                    c.drawCentredString(op.x, ph - op.y, text)
                else:
                    c.drawString(op.x, ph - op.y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def _mark(c, m: Mark, ph: float, HexColor) -> None:
    r = m.size / 2
    x, y = m.x, ph - m.y
    c.setFillColor(HexColor(SEVERITY_FILL[m.severity]))
    c.setStrokeColor(HexColor("#ffffff"))
    c.setLineWidth(0.6)
    if m.severity == "error":
        c.circle(x, y, r, stroke=1, fill=1)
    elif m.severity == "warning":
        path = c.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y - r * 0.8)
        path.lineTo(x - r, y - r * 0.8)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
    else:
        c.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, stroke=1, fill=1)
