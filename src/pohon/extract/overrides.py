"""data/overrides.csv: hand corrections applied on top of the extractor's output.

Each row names a file, a row key (the row's id columns joined by `|`), a column and the new value.
An override whose row or column does not exist, or that changes nothing, is an error: a stale
override must not hide silently.
"""
from __future__ import annotations

import csv
from pathlib import Path

from pohon.extract.errors import ExtractError
from pohon.schema import BY_FILE

OVERRIDE_COLUMNS = ["file", "key", "column", "value", "reason", "baris"]


def row_key(file: str, row: dict) -> str:
    """How overrides.csv names `row` of `file`: the schema's key (`T1/SP3/a` for cascading.csv, `P4SI|SK.1.2`
    for ikk.csv) or, for a table with no unique key, its locator columns."""
    table = BY_FILE[file]
    return table.key_text([row.get(c) for c in table.row_locator])


def _text(value) -> str:
    return "" if value is None else str(value)


def read_overrides(path: str | Path) -> list[dict]:
    """Rows of an overrides file, each with `line`: its 1-based line in that file."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != OVERRIDE_COLUMNS:
            raise ExtractError(str(path), 1, 1, "OVR-HEADER",
                               f"header must be {','.join(OVERRIDE_COLUMNS)}")
        return [{**row, "line": reader.line_num, "path": str(path)} for row in reader]


def apply_overrides(files: dict[str, tuple[list[str], list[dict]]], overrides: list[dict]) -> None:
    """Set each override's cell in `files` (filename -> (columns, rows)), in place."""
    for override in overrides:
        where = (override.get("path", "overrides.csv"), override.get("line", 0))
        name, key, column = override["file"], override["key"], override["column"]
        if name not in files:
            raise _stale(where, 1, f"no file {name!r}")
        if not override.get("reason", "").strip():
            raise ExtractError(where[0], where[1], 5, "OVR-REASON", "an override needs a reason")
        columns, rows = files[name]
        if column not in columns:
            raise _stale(where, 3, f"{name} has no column {column!r}")
        matches = [row for row in rows if row_key(name, row) == key]
        if len(matches) != 1:
            raise _stale(where, 2, f"{name} has {len(matches)} rows with key {key!r}")
        row = matches[0]
        if _text(row.get(column)) == override["value"] or _same_number(row.get(column), override["value"]):
            raise _stale(where, 4, f"{name} {key} {column} is already {override['value']!r}")
        row[column] = override["value"]


def _same_number(current, value: str) -> bool:
    if not isinstance(current, float):
        return False
    try:
        return float(value) == current
    except ValueError:
        return False


def _stale(where: tuple[str, int], column: int, message: str) -> ExtractError:
    return ExtractError(where[0], where[1], column, "OVR-STALE", message)
