"""Numbers as people type them in Indonesian and English spreadsheets.

Accepted: `1234.56`, `1,234.56`, `1.234,56`, `1234,56`, `1.234.567`, `-12`, and `N/A`, `-`, empty as missing.
With both marks present, the last one is the decimal mark and the other must group the digits in threes
(`12,34.5` is refused, not read as 1234.5). With only commas, a comma is a decimal mark when the file is
`;`-separated or when the digits after it are not groups of three (`1,234` in a `,`-separated file is one
thousand two hundred thirty-four). Symmetrically, in a `;`-separated file (Excel in the Indonesian locale)
a dot followed by groups of three digits is a thousands mark: `1.234` there is one thousand two hundred
thirty-four, while `0.234` and `3.5` stay decimals.
"""
from __future__ import annotations

import re

from pohon.schema import WHITESPACE

MISSING = frozenset({"", "-", "n/a", "na", "–", "—"})
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3}){2,}$")
_GROUPED = {",": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$"), ".": re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")}
_THOUSANDS_DOT_ID = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")
_PLAIN = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
_SIMPLE = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # `1234` / `1234.56`: read the same by every branch below


def is_missing(text: str) -> bool:
    return text.strip(WHITESPACE).lower() in MISSING


def parse_number(text: str, decimal_comma: bool = False) -> float | None:
    """The value of `text`, None when it is a missing marker; ValueError when it is no number."""
    if not text:
        return None
    if _SIMPLE.fullmatch(text) and not (decimal_comma and "." in text):  # fast path for the common cell; same value as the general path
        return float(text)
    s = text.strip(WHITESPACE).replace("\u00a0", "").replace(" ", "")
    if s.lower() in MISSING:
        return None
    if "," in s and "." in s:
        mark = "," if s.rfind(",") > s.rfind(".") else "."
        whole, _, fraction = s.rpartition(mark)
        if not _GROUPED[mark].match(whole):  # `12,34.5` or `1.23,4` is a typo, not 1234.5 / 123.4
            raise ValueError(text)
        s = re.sub(r"[.,]", "", whole) + "." + fraction
    elif "," in s:
        if not decimal_comma and _THOUSANDS_COMMA.match(s):
            s = s.replace(",", "")
        elif s.count(",") == 1:
            s = s.replace(",", ".")
        else:
            raise ValueError(text)
    elif _THOUSANDS_DOT.match(s) or (decimal_comma and _THOUSANDS_DOT_ID.match(s)):
        s = s.replace(".", "")
    if not _PLAIN.match(s):
        raise ValueError(text)
    return float(s)


def parse_target(text: str, decimal_comma: bool = False) -> float | str | None:
    """A target as written: a number when it reads as one, else the text itself (`BB`, `WTP`)."""
    s = text.strip(WHITESPACE)
    try:
        return parse_number(s, decimal_comma)
    except ValueError:
        return re.sub(f"[{re.escape(WHITESPACE)}]+", " ", s)
