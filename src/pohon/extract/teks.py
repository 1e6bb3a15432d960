"""Small helpers for reading tables out of the flattened Renstra text.

`lines[0]` is source line 1; every `baris` these helpers hand out is 1-based.
"""
from __future__ import annotations

import re

from pohon.extract.errors import ExtractError


class TableError(ExtractError, ValueError):
    """A table the extractor expects is missing or does not read as that table."""

    def __init__(self, message: str, line: int = 0, code: str = "table") -> None:
        super().__init__("<source>", line, 0, code, message)


YEARS = ("2021", "2022", "2023", "2024")
TARGET_COLUMNS = tuple(f"target_{y}" for y in YEARS)
PAGU_COLUMNS = tuple(f"pagu_{y}" for y in YEARS)

_TARGET_TOKEN = re.compile(r"^(\d+([.,]\d+)?|-|N/?A)$", re.IGNORECASE)


def spaces(text: str) -> str:
    """`text` with runs of whitespace made single spaces, trimmed."""
    return " ".join(text.split())


def find_line(lines: list[str], pattern: str, start: int = 0, end: int | None = None) -> int:
    """Index of the first line in `lines[start:end]` matching `pattern`; TableError when none does."""
    rx = re.compile(pattern)
    stop = len(lines) if end is None else min(end, len(lines))
    for i in range(start, stop):
        if rx.search(lines[i]):
            return i
    raise TableError(f"no line matches {pattern!r} in source lines {start + 1}..{stop}")


def is_target_token(token: str) -> bool:
    """True for a target cell as printed: `5,5`, `91.5`, `-`, `N/A`, `NA`."""
    return bool(_TARGET_TOKEN.match(token))


def target(token: str) -> float | None:
    """A target as written: `5,5` and `5.5` are 5.5; `-`, `N/A`, `NA` are missing."""
    t = token.strip()
    if t.upper() in ("-", "N/A", "NA", ""):
        return None
    return float(t.replace(",", "."))


def rupiah(token: str) -> float:
    """A Tabel 10 amount: `12.705,51` (dot thousands, comma decimals) -> 12705.51."""
    t = token.strip().replace(".", "").replace(",", ".")
    try:
        return float(t)
    except ValueError as exc:
        raise TableError(f"not an amount: {token!r}") from exc


def targets_dict(values: list[float | None], years: tuple[str, ...] = YEARS) -> dict:
    """`target_2021`…`target_2024` from values that belong to `years` (others missing)."""
    out = {c: None for c in TARGET_COLUMNS}
    for year, value in zip(years, values):
        out[f"target_{year}"] = value
    return out


def split_trailing_targets(text: str) -> tuple[str, list[str]]:
    """`text` without its trailing run of target tokens, and those tokens."""
    tokens = text.split()
    k = len(tokens)
    while k > 0 and is_target_token(tokens[k - 1]):
        k -= 1
    return " ".join(tokens[:k]), tokens[k:]
