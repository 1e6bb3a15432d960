"""A cascade in one .xlsx workbook: one sheet per data/ table (sheet `komponen` = komponen.csv, same columns).

Each sheet is turned into the CSV text the loader reads, so a workbook obeys exactly the grammar and the
checks of a data/ folder; errors are then placed back on their cell: `pohon.xlsx:komponen!E12: code: …`.
Cells: numbers typed as numbers are written as Python writes them (`1851.36`, `3500`), text as it is (either
locale's number styles are then read as in CSV), dates as ISO dates (so a date in a number column is a
`bad-number`), TRUE/FALSE as `1`/`0`; a formula is read by its cached value, and a formula the file holds no
value for is an error naming the cell (open and save the workbook once in Excel or LibreOffice).

python-calamine (Rust) reads the cells: measured on the 100k-komponen cascade it loads in ~1 s where
openpyxl's read-only mode took ~15 s a pass (benchmarks/workbook.py). It returns a formula's stored value
and nothing else, so formulas with no stored value are found by scanning the sheets' XML for `<f>` cells
without `<v>` (only sheets that hold formulas are parsed).
"""
from __future__ import annotations

import csv
import datetime
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pohon.errors import LoadError, RowError, column_number
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
    from python_calamine import CalamineWorkbook

    try:
        values = CalamineWorkbook.from_path(str(path))
        missing = _formulas_without_value(path)
    except FileNotFoundError:
        raise LoadError([RowError(str(path), 0, 0, "missing-file", "workbook not found / buku kerja tidak ada")]) \
            from None
    except Exception as exc:  # calamine raises its own error types for every kind of broken file
        raise LoadError([RowError(str(path), 0, 0, "bad-workbook",
                                  f"not a readable .xlsx workbook ({exc.__class__.__name__}); save it from Excel or "
                                  "LibreOffice as .xlsx / bukan buku kerja .xlsx yang bisa dibaca")]) from None
    book = Workbook(path)
    by_name = {name.strip().lower(): name for name in values.sheet_names}
    for table in TABLES:
        sheet = by_name.get(table.name) or by_name.get(table.file.lower())
        if sheet is None:
            continue
        book.names[table.file] = sheet
        for row, col, formula in missing.get(sheet, []):
            book.errors.append(RowError(path.name, row, col, "formula-without-value",
                                        f"the formula {formula[:40]!r} has no stored value; open and save the "
                                        "workbook in Excel or LibreOffice / rumus tanpa nilai tersimpan", sheet=sheet))
        text, rows = _csv(values.get_sheet_by_name(sheet))
        book.sheets[table.file] = text.encode("utf-8")
        book.rows[table.file] = rows
    return book


def _csv(ws) -> tuple[str, dict[int, int]]:
    """A sheet as CSV text, and the sheet row where each CSV record starts (the used range may not start at
    A1: leading empty rows and columns are put back)."""
    first_row, first_col = ws.start if ws.height else (0, 0)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    rows: dict[int, int] = {}
    line = 1
    for _ in range(first_row):  # rows above the used range are empty rows of the sheet
        rows[line] = line
        out.writerow([])
        line += 1
    for r, vals in enumerate(ws.to_python(skip_empty_area=False) if ws.height else [], start=first_row + 1):
        cells = [""] * first_col + [_text(v) for v in vals]
        while cells and cells[-1] == "":
            cells.pop()  # a sheet's used range may run past the data; trailing cells are empty in CSV too
        rows[line] = r
        out.writerow(cells)
        line += 1 + sum(cell.count("\n") for cell in cells)
    return buf.getvalue(), rows


_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_F = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_V = re.compile(rb"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.S)


def _formulas_without_value(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Per sheet name, the cells holding a formula and no stored value: (row, column, formula text)."""
    import xml.etree.ElementTree as ET

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    out: dict[str, list[tuple[int, int, str]]] = {}
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
                .findall("p:Relationship", ns)}
        for sheet in book.findall("m:sheets/m:sheet", ns):
            target = rels.get(sheet.get(f"{{{ns['r']}}}id"), "")
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            try:
                xml = z.read(member)
            except KeyError:
                continue
            if not re.search(rb"<(?:\w+:)?f\b", xml):
                continue
            found = []
            for attrs, body in _CELL.findall(xml):
                if not body or not _F.search(body):
                    continue
                value = _V.search(body)
                if value and value.group(1).strip():
                    continue
                ref = _REF.search(attrs)
                if ref:
                    f = _F.search(body).group(1) or b""
                    found.append((int(ref.group(2)), column_number(ref.group(1).decode()),
                                  "=" + html.unescape(f.decode("utf-8", "replace"))))
            out[sheet.get("name")] = found
    return out


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
