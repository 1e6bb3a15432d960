"""Cut the Lampiran II per-unit matrix into records (unit header, SK, IKK, komponen)."""
from __future__ import annotations

import re

from pohon.extract.errors import ExtractError
from pohon.extract.lampiran2_layout import (
    KOMPONEN_START,
    MONEY,
    SK_START,
    UNIT_START,
    Record,
    is_noise,
)

_MATRIX_START = re.compile(rf"BADAN STANDARDISASI DAN KEBIJAKAN JASA INDUSTRI {{3}}(?:{MONEY})")
_MATRIX_END = re.compile(r"\s*Lampiran III\b")


def matrix_bounds(lines: list[str], file: str = "<source>") -> tuple[int, int]:
    """0-based [start, end) of the per-unit matrix: from the BSKJI total line to Lampiran III."""
    start = next((i for i, line in enumerate(lines) if _MATRIX_START.match(line)), None)
    if start is None:
        raise ExtractError(file, 0, 0, "L2-START",
                           "Lampiran II per-unit matrix not found (no BSKJI total line)")
    end = next((i for i in range(start, len(lines)) if _MATRIX_END.match(lines[i])), len(lines))
    return start, end


def _kind(line: str, last_letter: str | None) -> str | None:
    if UNIT_START.match(line):
        return "unit"
    match = SK_START.match(line)
    if match:
        return "ikk" if match.group(2) else "sk"
    match = KOMPONEN_START.match(line)
    if match and last_letter is not None:
        letter = match.group(1) or match.group(2)
        # a komponen letter follows the previous one (the document skips at most one letter)
        if 0 < ord(letter) - ord(last_letter) <= 2:
            return "komponen"
    return None


def split_records(lines: list[str], start: int, end: int) -> list[Record]:
    """Records of lines[start:end]; each record's text is its lines joined with nothing between.

    Page headers and footers are dropped, so a row broken by a page break joins up again.
    """
    records: list[Record] = []
    last_letter: str | None = None  # None outside an IKK; "@" right after an IKK line
    for index in range(start, end):
        line = lines[index]
        if is_noise(line):
            continue
        kind = _kind(line, last_letter)
        if kind is None:
            if records:
                records[-1].text += line
                records[-1].lines.append(index + 1)
            continue
        records.append(Record(kind, index + 1, line, [index + 1]))
        if kind == "ikk":
            last_letter = "@"
        elif kind == "komponen":
            last_letter = line[0]
        else:
            last_letter = None
    return records
