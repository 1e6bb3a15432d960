"""Reading the flattened source text and writing CSV deterministically."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from pohon.csvsafe import safe_cell
from pohon.textio import decode


def read_lines(path: str | Path) -> list[str]:
    """The source's lines without line ends; line N of the file is index N-1."""
    text = decode(Path(path).read_bytes(), str(path))  # OSError goes up; bad bytes are a TextFileError
    return text.split("\n")


def csv_text(columns: list[str], rows: list[dict]) -> str:
    """CSV with a fixed column order and `\\n` line ends, so output is byte-stable."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return buf.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_cell(value)
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    return str(value)
