"""A cascade in one .xlsx workbook: one sheet per data/ table (sheet `komponen` = komponen.csv, same columns).

Each sheet becomes the table of string cells that pohon.load.csvparse makes of a CSV file (header, cells,
the sheet row of every record), so a workbook obeys exactly the rules of a data/ folder; errors name the
cell: `pohon.xlsx:komponen!E12: code: …`. Cells: text as it is (either locale's number styles are then read
as in CSV), numbers typed as numbers as the shortest decimal that reads back to the same number (`1851.36`,
`3500`), dates as ISO dates (so a date in a number column is a `bad-number`), TRUE/FALSE as `1`/`0`; a
formula is read by its stored value, and a formula the file holds no value for is an error naming the cell
(open and save the workbook once in Excel or LibreOffice). A value beyond a column with a header is
`too-many-fields`, as in CSV.

Two readers, both on the Rust reader calamine, chosen by measurement (benchmarks/workbook.py, 100k
komponen): fastexcel hands a sheet to polars a typed column at a time, without a Python object per cell;
it reads every sheet whose columns each hold one type, text or numbers, under a header starting at A1
(pohon.load.sheetxml checks A1 and finds the formulas without a value, in a second thread while the cells
are read). python-calamine gives each cell with its type and reads the other sheets (a column mixing
numbers and text, dates, booleans, a value right of the header, data not starting at A1), as this module
read every sheet before.
"""
from __future__ import annotations

import datetime
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pohon.errors import LoadError, RowError
from pohon.load.csvparse import Parsed
from pohon.load.sheetxml import WorkbookXml
from pohon.schema import TABLES, WHITESPACE


@dataclass
class Workbook:
    path: Path
    names: dict[str, str] = field(default_factory=dict)  # data/ file name -> sheet name
    fast: dict[str, Future] = field(default_factory=dict)  # data/ file name -> Parsed by fastexcel, or None
    facts: dict[str, Future] = field(default_factory=dict)  # data/ file name -> its sheet's SheetFacts
    pool: ThreadPoolExecutor | None = None
    typed: object = None  # python_calamine.CalamineWorkbook, opened when a sheet needs it
    errors: list[RowError] = field(default_factory=list)  # formulas without a value, of the sheets read so far

    def read(self, table) -> Parsed | None:
        sheet = self.names.get(table.file)
        if sheet is None:
            return None
        try:
            facts = self.facts.pop(table.file).result()
            parsed = self.fast.pop(table.file).result() if facts.starts_at_a1 else None
            if parsed is None:
                parsed = _parsed(self._typed(sheet), table.file)
        except Exception as exc:  # both readers raise their own error types for every kind of broken file
            raise _unreadable(self.path, exc) from None
        if facts.decimals:
            parsed.frame = _shown(parsed.frame, facts.decimals)
        self.errors += [RowError(self.path.name, row, col, "formula-without-value",
                                 f"the formula {formula[:40]!r} has no stored value; open and save the workbook in"
                                 " Excel or LibreOffice / rumus tanpa nilai tersimpan", sheet=sheet)
                        for row, col, formula in facts.formulas]
        return parsed

    def place(self, e: RowError) -> RowError:
        """The error on its workbook cell (errors of the workbook itself stay as they are)."""
        if e.code == "missing-file" and e.file.endswith(".csv"):
            sheet = e.file[:-4]
            return RowError(self.path.name, 0, 0, "missing-sheet", f"sheet '{sheet}' is required / lembar wajib ada")
        if e.file not in self.names:
            return e
        return RowError(self.path.name, e.line, max(e.column, 1), e.code, e.message, sheet=self.names[e.file])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _typed(self, sheet: str) -> pl.DataFrame:
        from python_calamine import CalamineWorkbook

        if self.typed is None:
            self.typed = CalamineWorkbook.from_path(str(self.path))
        return _grid_of_values(self.typed.get_sheet_by_name(sheet))


def read_workbook(path: Path) -> Workbook:
    """Open the workbook and start reading every table's sheet (cells and XML) on two threads: the largest
    sheet's cells first, beside the others in the order the loader asks for them."""
    import fastexcel

    logging.getLogger("fastexcel.types.dtype").setLevel(logging.ERROR)  # "could not determine dtype" of empty columns
    try:
        xml = WorkbookXml(path)  # first: zipfile says FileNotFoundError, fastexcel a CalamineError
        sheet_names = fastexcel.read_excel(path).sheet_names
    except FileNotFoundError:
        raise LoadError([RowError(str(path), 0, 0, "missing-file", "workbook not found / buku kerja tidak ada")]) \
            from None
    except Exception as exc:
        raise _unreadable(path, exc) from None
    book = Workbook(path, pool=ThreadPoolExecutor(2, thread_name_prefix="pohon-workbook"))
    by_name = {name.strip().lower(): name for name in sheet_names}
    for table in TABLES:
        sheet = by_name.get(table.name) or by_name.get(table.file.lower())
        if sheet is not None:
            book.names[table.file] = sheet
    readers = threading.local()  # a fastexcel reader serves one thread at a time

    def fast(file: str) -> Parsed | None:
        try:
            if not hasattr(readers, "book"):
                readers.book = fastexcel.read_excel(path)
            return _fast(readers.book, book.names[file])
        except Exception:  # the typed reader reads the sheet, and says what is wrong with it
            return None

    targets = {t.file for t in TABLES if t.years and t.years.kind == "target"}  # a target keeps its decimals
    largest = max(book.names, key=lambda f: xml.size(book.names[f]), default=None)
    for file in sorted(book.names, key=lambda f: f != largest):
        book.fast[file] = book.pool.submit(fast, file)
        if file != largest:
            book.facts[file] = book.pool.submit(xml.facts, book.names[file], file in targets)
    if largest:
        book.facts[largest] = book.pool.submit(xml.facts, book.names[largest], largest in targets)
    return book


def _unreadable(path: Path, exc: Exception) -> LoadError:
    return LoadError([RowError(str(path), 0, 0, "bad-workbook",
                               f"not a readable .xlsx workbook ({exc.__class__.__name__}); save it from Excel or "
                               "LibreOffice as .xlsx / bukan buku kerja .xlsx yang bisa dibaca")])


def _shown(frame: pl.DataFrame, decimals: dict[tuple[int, int], int]) -> pl.DataFrame:
    """The number cells whose format shows fixed decimals (`0.00`) written with them, `3.50` as the sheet shows
    it, so a target keeps the decimals it was written with (pohon.load.cells.decimals_shown)."""
    by_column: dict[int, dict[int, int]] = {}
    for (row, col), dp in decimals.items():
        by_column.setdefault(col, {})[row] = dp
    patches = []
    for col, rows in by_column.items():
        name = f"c{col - 1}"
        if name not in frame.columns:
            continue
        hit = frame.filter(pl.col("_line").is_in(list(rows))).select("_line", name)
        fixed = {line: _with_decimals(text, rows[line]) for line, text in hit.iter_rows()}
        if fixed:
            line = pl.col("_line")
            patches.append(pl.when(line.is_in(list(fixed)))
                           .then(line.replace_strict(list(fixed), list(fixed.values()), default=None,
                                                     return_dtype=pl.String))
                           .otherwise(pl.col(name)).alias(name))
    return frame.with_columns(patches) if patches else frame


def _with_decimals(text: str, dp: int) -> str:
    try:
        value = float(text)
    except ValueError:
        return text
    shown = f"{value:.{dp}f}"
    return shown if float(shown) == value else text


# --- the fast reader: fastexcel, a column of one type at a time ------------------------------------------

def _fast(reader, sheet: str) -> Parsed | None:
    """The sheet as csvparse's Parsed when fastexcel can give every cell exactly as `_text` writes it: each
    column holds one type, text or numbers (numbers are then written here; fastexcel's own number-to-text
    keeps 9 decimals), and every column has a header. None: the typed reader must read the sheet. The grid
    starts at the sheet's first cell, which the caller checks is A1."""
    from fastexcel import UnsupportedColumnTypeCombinationError

    try:
        loaded = reader.load_sheet(sheet, header_row=0, schema_sample_rows=None, dtype_coercion="strict")
    except UnsupportedColumnTypeCombinationError:
        return None
    if any(c.column_name_from != "looked_up" for c in loaded.selected_columns):
        return None  # an empty header cell, or a value right of the header
    header = [c.name.strip(WHITESPACE) for c in loaded.selected_columns]
    frame = loaded.to_polars()
    cells = []
    for i, (name, dtype) in enumerate(frame.schema.items()):
        if dtype == pl.Float64:
            cells.append(_numbers(frame.get_column(name)).alias(f"c{i}"))
        elif dtype in (pl.String, pl.Int64, pl.Null):
            cells.append(frame.get_column(name).cast(pl.String).fill_null("").alias(f"c{i}"))
        else:
            return None  # booleans, dates, times: `_text` writes them
    lines = pl.int_range(2, frame.height + 2, dtype=pl.Int64, eager=True).alias("_line")
    return Parsed(header, pl.DataFrame([*cells, lines]), reader="fastexcel")


def _numbers(values: pl.Series) -> pl.Series:
    """Numbers as `_text` writes them: whole ones below 1e15 as integers, the others as Python's repr, whose
    digits polars writes alike for 1e-4 ≤ |x| < 1e15; the rest (rare) are written by Python."""
    v = pl.col("v")
    whole = (v.round(0) == v) & (v.abs() < 1e15)
    out = values.to_frame("v").select(
        pl.when(whole).then(v.cast(pl.Int64).cast(pl.String)).otherwise(v.cast(pl.String)).fill_null("").alias("t"),
        (v.is_not_null() & ~whole & ~v.abs().is_between(1e-4, 1e15, closed="left")).alias("rare"))
    text, rare = out.get_column("t"), out.get_column("rare")
    if rare.any():
        odd = values.filter(rare).unique().to_list()
        text = pl.select(pl.when(rare).then(values.replace_strict(odd, [_text(x) for x in odd], default=None))
                         .otherwise(text)).to_series()
    return text


# --- the typed reader: python-calamine, a Python value per cell ---------------------------------------------

def _grid_of_values(ws) -> pl.DataFrame:
    """python-calamine's typed cells, each written by `_text`, as a grid of strings: sheet row 1 first, column
    A first ("" for an empty cell; the rows and columns before the used range are put back)."""
    first_row, first_col = ws.start if ws.height else (0, 0)
    rows = [[""] * first_col + [_text(v) for v in vals] for vals in ws.to_python(skip_empty_area=False)] \
        if ws.height else []
    width = max((len(r) for r in rows), default=0)
    columns = [[""] * first_row + [r[i] if i < len(r) else "" for r in rows] for i in range(width)]
    return pl.DataFrame({f"k{i}": pl.Series(col, dtype=pl.String) for i, col in enumerate(columns)})


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


def _parsed(grid: pl.DataFrame, name: str) -> Parsed:
    """The grid as csvparse reads a CSV file: row 1 is the header (up to its last non-empty cell), every
    other row a record at its sheet row; a value right of the header is `too-many-fields`, as in CSV."""
    header = list(grid.row(0)) if grid.height else []
    while header and header[-1] == "":
        header.pop()
    if not header:
        return Parsed([""])
    width = len(header)
    body = grid.slice(1)
    line = pl.int_range(2, body.height + 2, dtype=pl.Int64)
    errors = []
    beyond = grid.columns[width:]
    if beyond and body.height:
        over = body.with_columns(line.alias("_line")).filter(pl.any_horizontal(pl.col(beyond) != ""))
        for cells in over.iter_rows():
            fields = max(i for i, v in enumerate(cells[:-1]) if v != "") + 1
            errors.append(RowError(name, cells[-1], width + 1, "too-many-fields",
                                   f"{fields} fields for {width} columns / kolom berlebih"))
        if over.height:  # kept for its ids, never as a row
            line = pl.when(pl.any_horizontal(pl.col(beyond) != "")).then(-line).otherwise(line)
    frame = body.select(*(pl.col(c).alias(f"c{i}") for i, c in enumerate(grid.columns[:width])), line.alias("_line"))
    return Parsed([h.strip(WHITESPACE) for h in header], frame, errors=errors, reader="python-calamine")
