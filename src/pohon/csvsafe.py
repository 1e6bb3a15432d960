"""CSV cells that are safe to open in Excel/LibreOffice (no formula injection).

A text cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return, which some spreadsheets skip
before reading a formula) is prefixed with `'`, so it is shown as text and never evaluated. Numbers that
pohon writes as numbers (int/float, including negative ones) are left alone, and so is text that is just a
plain number such as `-12.5`: a spreadsheet reads it as that number, never as a formula.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]+)?|\.[0-9]+)$")


def safe_cell(value: Any) -> Any:
    """`value` ready for csv.writer: numbers unchanged, None as empty, risky text prefixed with `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.startswith(DANGEROUS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def safe_row(values: Iterable[Any]) -> list:
    """Every cell of a row through `safe_cell`."""
    return [safe_cell(v) for v in values]
