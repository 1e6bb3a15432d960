"""A cascade in one .xlsx workbook: one sheet per data/ table (sheet `komponen` = komponen.csv, same columns).

Each sheet is turned into the CSV text the loader reads, so a workbook obeys exactly the grammar and the
checks of a data/ folder; errors are then placed back on their cell: `pohon.xlsx:komponen!E12: code: …`.
Cells: numbers typed as numbers are written as Python writes them (`1851.36`, `3500`), text as it is (either
locale's number styles are then read as in CSV), dates as ISO dates (so a date in a number column is a
`bad-number`), TRUE/FALSE as `1`/`0`; a formula is read by its cached value, and a formula the file holds no
value for is an error naming the cell (open and save the workbook once in Excel or LibreOffice).

openpyxl (read-only mode) reads it: a well-kept pure-Python reader that also tells formulas from values,
which a cached-value-only reader cannot.
"""
from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pohon.errors import LoadError, RowError
from pohon.schema import TABLES


@dataclass
class Workbook:
    path: Path
    sheets: dict[str, bytes] = field(default_factory=dict)        # data/ file name -> CSV bytes
    rows: dict[str, dict[int, int]] = field(default_factory=dict)  # file -> CSV line -> sheet row
    names: dict[str, str] = field(default_factory=dict)           # file -> sheet name
    errors: list[RowError] = field(default_factory=list)

    def read(self, table) -> bytes | None:
        return self.sheets.pop(table.file, None)

    def place(self, e: RowError) -> RowError:
        """The error on its workbook cell (errors of the workbook itself stay as they are)."""
        if e.code == "missing-file" and e.file.endswith(".csv"):
            sheet = e.file[:-4]
            return RowError(self.path.name, 0, 0, "missing-sheet", f"sheet '{sheet}' is required / lembar wajib ada")
        if e.file not in self.names:
            return e
        row = self.rows[e.file].get(e.line, e.line)
        return RowError(self.path.name, row, max(e.column, 1), e.code, e.message, sheet=self.names[e.file])


def read_workbook(path: Path) -> Workbook:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency of pohon
        raise LoadError([RowError(str(path), 0, 0, "no-openpyxl", "reading .xlsx needs openpyxl")]) from None
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except FileNotFoundError:
        raise LoadError([RowError(str(path), 0, 0, "missing-file", "workbook not found / buku kerja tidak ada")]) \
            from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadError([RowError(str(path), 0, 0, "bad-workbook",
                                  f"not a readable .xlsx workbook ({exc.__class__.__name__}); save it from Excel or "
                                  "LibreOffice as .xlsx / bukan buku kerja .xlsx yang bisa dibaca")]) from None
    book = Workbook(path)
    by_name = {name.strip().lower(): name for name in values.sheetnames}
    for table in TABLES:
        sheet = by_name.get(table.name) or by_name.get(table.file.lower())
        if sheet is None:
            continue
        book.names[table.file] = sheet
        text, rows = _csv(values[sheet], formulas[sheet], sheet, book)
        book.sheets[table.file] = text.encode("utf-8")
        book.rows[table.file] = rows
    values.close()
    formulas.close()
    return book


def _csv(ws, wf, sheet: str, book: Workbook) -> tuple[str, dict[int, int]]:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    rows: dict[int, int] = {}
    line = 1
    for r, (vals, forms) in enumerate(zip(ws.iter_rows(values_only=True), wf.iter_rows(values_only=True)), start=1):
        cells = []
        for c, (v, f) in enumerate(zip(vals, forms), start=1):
            if v is None and isinstance(f, str) and f.startswith("="):
                book.errors.append(RowError(book.path.name, r, c, "formula-without-value",
                                            f"the formula {f[:40]!r} has no stored value; open and save the "
                                            "workbook in Excel or LibreOffice / rumus tanpa nilai tersimpan",
                                            sheet=sheet))
            cells.append(_text(v))
        while cells and cells[-1] == "":
            cells.pop()  # a sheet's used range may run past the data; trailing cells are empty in CSV too
        rows[line] = r
        out.writerow(cells)
        line += 1 + sum(cell.count("\n") for cell in cells)
    return buf.getvalue(), rows


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat()
    if isinstance(v, datetime.time):
        return v.isoformat()
    return str(v)
