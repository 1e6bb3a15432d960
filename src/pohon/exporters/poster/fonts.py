"""The poster's font: DejaVu Sans when the system has it, else Bitstream Vera (shipped inside reportlab).

DejaVu Sans is Vera extended (same metrics for every glyph Vera has), so the layout is the same with either;
DejaVu also has the arrows and signs some messages use (→, ≠). With Vera, a character it lacks is written
with a plain stand-in (`->`, `!=`), never as a missing-glyph box. Both cover Indonesian text (Latin script
with Latin-1 punctuation). Text widths for wrapping come from the same font files the PDF embeds.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

REGULAR, BOLD = "PohonSans", "PohonSans-Bold"
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
    import reportlab

    base = Path(reportlab.__file__).parent / "fonts"
    return base / "Vera.ttf", base / "VeraBd.ttf"


@functools.lru_cache(maxsize=1)
def register() -> tuple[Path, Path]:
    """Register the two faces with reportlab (once); returns their files."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
    except ImportError:  # pragma: no cover - depends on the installation
        raise PosterDependencyError("pohon poster needs reportlab: pip install 'pohon[poster]'") from None
    reg, bold = _files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(reg)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    return reg, bold


@functools.lru_cache(maxsize=1)
def _cmap() -> frozenset:
    from reportlab.pdfbase import pdfmetrics

    register()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


def safe(text: str) -> str:
    """`text` with every character the font lacks replaced by a plain stand-in."""
    cmap = _cmap()
    if all(ord(c) in cmap for c in text):
        return text
    return "".join(c if ord(c) in cmap else _STAND_INS.get(c, "?") for c in text)


def width(text: str, size: float, bold: bool = False) -> float:
    from reportlab.pdfbase import pdfmetrics

    register()
    return pdfmetrics.stringWidth(safe(text), BOLD if bold else REGULAR, size)


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
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
    return lines or [""]
