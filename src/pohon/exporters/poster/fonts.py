"""The poster's font: DejaVu Sans when the system has it, else Bitstream Vera (shipped inside reportlab).

DejaVu Sans is Vera extended (the same shapes and widths for every glyph Vera has); DejaVu also has the
arrows and signs some messages use (→, ≠). With Vera, a character it lacks is written with a plain stand-in
(`->`, `!=`), never as a missing-glyph box. Both cover Indonesian text (Latin script with Latin-1 punctuation).

Text is always *measured* with Vera (every reportlab install has it), a character Vera lacks by its stand-in
(never narrower than the real glyph), so the layout, and the SVG, are the same bytes on every machine
whichever font the PDF embeds.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

REGULAR, BOLD = "PohonSans", "PohonSans-Bold"
METRIC, METRIC_BOLD = "PohonMetric", "PohonMetric-Bold"  # Vera: what text is measured with
_DEJAVU_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")
_STAND_INS = {"→": "->", "←": "<-", "≠": "!=", "≤": "<=", "≥": ">=", "Σ": "Jumlah ", "✎": "*", "Δ": "d"}
SVG_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"


class PosterDependencyError(ImportError):
    pass


def _files() -> tuple[Path, Path]:
    override = os.environ.get("POHON_POSTER_FONT_DIR")
    dirs = ([override] if override else []) + list(_DEJAVU_DIRS)
    for d in dirs:
        reg, bold = Path(d) / "DejaVuSans.ttf", Path(d) / "DejaVuSans-Bold.ttf"
        if reg.is_file() and bold.is_file():
            return reg, bold
    return _vera()


@functools.lru_cache(maxsize=1)
def register() -> tuple[Path, Path]:
    """Register the PDF's two faces with reportlab (once); returns their files."""
    _metrics()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    reg, bold = _files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(reg)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    return reg, bold


@functools.lru_cache(maxsize=1)
def _metrics() -> None:
    """Register Vera, what text is measured with (the SVG needs no more: DejaVu is big to parse)."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
    except ImportError:  # depends on the installation
        raise PosterDependencyError("pohon poster needs reportlab: pip install 'pohon[poster]'") from None
    vera = _vera()
    pdfmetrics.registerFont(TTFont(METRIC, str(vera[0])))
    pdfmetrics.registerFont(TTFont(METRIC_BOLD, str(vera[1])))


def _vera() -> tuple[Path, Path]:
    import reportlab

    base = Path(reportlab.__file__).parent / "fonts"
    return base / "Vera.ttf", base / "VeraBd.ttf"


@functools.lru_cache(maxsize=2)
def _cmap(name: str) -> frozenset:
    if name == METRIC:
        _metrics()
    else:
        register()
    from reportlab.pdfbase import pdfmetrics

    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _stand_in(text: str, font: str) -> str:
    cmap = _cmap(font)
    if all(ord(c) in cmap for c in text):
        return text
    return "".join(c if ord(c) in cmap else _STAND_INS.get(c, "?") for c in text)


def safe(text: str) -> str:
    """`text` with every character the PDF's font lacks replaced by a plain stand-in."""
    return _stand_in(text, REGULAR)


@functools.lru_cache(maxsize=1 << 16)  # the paging lays a box out again for every page it tries
def width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` in points, measured with Vera (the same on every machine)."""
    _metrics()  # first: without reportlab it raises PosterDependencyError
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(_stand_in(text, METRIC), METRIC_BOLD if bold else METRIC, size)


@functools.lru_cache(maxsize=1 << 14)
def wrap(text: str, max_width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """Greedy word wrap to `max_width` points; a word longer than a line is broken between characters."""
    lines: list[str] = []
    line = ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if width(candidate, size, bold) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while width(word, size, bold) > max_width:
            cut = len(word) - 1
            while cut > 1 and width(word[:cut], size, bold) > max_width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return tuple(lines) or ("",)
