"""Numbers for people: the one formatting module every human output uses.

Indonesian (`lang="id"`): `1.234.567,89` — `.` groups thousands, `,` is the decimal mark.
English (`lang="en"`): `1,234,567.89`.
Money is in Rp juta with two fixed decimals (`Rp 1.234,50 juta`). Targets keep the digits they were written
with (`3,75`, `95`). Machine outputs (JSON, CSV, Cypher) never come here: they keep plain numbers.
"""
from __future__ import annotations

import math

_MARKS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def number(x: float | int, lang: str = "id", decimals: int = 2) -> str:
    """`x` with `decimals` fixed decimals and grouped thousands: 1234567.891 -> `1.234.567,89` (id)."""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    text = f"{x:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # -0.001 shown with two decimals is 0,00, not -0,00
    return _localise(text, lang)


def plain(x: float | int, lang: str = "id") -> str:
    """`x` with as many decimals as it needs (up to 6) and grouped thousands: 3.75 -> `3,75`, 95.0 -> `95`."""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if float(x) == int(x) and abs(x) < 1e15:
        return _localise(f"{int(x):,d}", lang)
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return _localise(text, lang)


def juta(x: float | int, lang: str = "id") -> str:
    """Money in Rp juta: `Rp 1.234,50 juta` (id), `Rp 1,234.50 juta` (en)."""
    return f"Rp {number(x, lang)} juta"


def signed(x: float | int, lang: str = "id", decimals: int = 2) -> str:
    """A difference with its sign: `+1.234,50`, `-0,30`, `0,00`."""
    text = number(x, lang, decimals)
    return "+" + text if x > 0 and any(c in "123456789" for c in text) else text


def target(value, lang: str = "id", missing: str = "–") -> str:
    """A target as written: numbers in the reader's style, text targets (`BB`) as they are."""
    if value is None:
        return missing
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return plain(value, lang)
    return str(value)


def percent(x: float, lang: str = "id", decimals: int = 1) -> str:
    return f"{number(x, lang, decimals)}%"


def _localise(text: str, lang: str) -> str:
    thousands, decimal = _MARKS["en" if lang == "en" else "id"]
    if thousands == ",":
        return text
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
