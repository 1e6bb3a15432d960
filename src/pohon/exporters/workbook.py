"""Any cascade as one .xlsx workbook in the data/ format, ready for a planner to fill in: a PANDUAN sheet,
then one sheet per table with the same columns; numbers as numbers (Rp juta shown with two decimals, a
target written `3.50` shown so), marks `o`, flags 1/0, text targets as text; frozen and locked headers
(the columns, and so the Renstra years, stay as they are: the sheets are protected without a password,
their cells below the header open), filters, column widths and drop-downs (unit codes from the units
sheet, `o` for marks, 0/1 for bintang, numbers ≥ 0 for money, numbers for targets with a warning only,
since a target may be text such as `BB`). pohon reads such a workbook back as it reads data/
(pohon.load.workbook).

Written with XlsxWriter: strings in a shared-string table, as Excel and LibreOffice write them (openpyxl
writes every string inline, which made the 100k-komponen workbook's sheets 69 MB of XML instead of 46 MB
and its loading 1.7× slower; benchmarks/workbook.py), and writing it is ~4× faster.
"""
from __future__ import annotations

import io
from decimal import Decimal

from pohon.dataset import Dataset, column_kinds, written_rows
from pohon.schema import TABLES

HEADER_FILL = "#DDEBF7"
WIDE = ("nama", "indikator", "definisi", "cara_menghitung", "sumber_data", "catatan", "alasan")
MIN_ROWS = 500  # the drop-downs reach at least this far down a sheet, and 100 rows past the last for more


def to_xlsx(ds: Dataset) -> bytes:
    """The workbook's bytes: first the PANDUAN sheet (templates/PANDUAN-xlsx.md, a line a row), then the tables."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False,
                                   # every cell open but the header's: no style on a plain cell keeps the XML small
                                   "default_format_properties": {"font_name": "Calibri", "font_size": 11,
                                                                 "locked": False}})
    fmt = _Formats(wb)
    _guide(wb)
    units_reach = _reach(ds.tables["units"].height)
    for table in TABLES:
        _sheet(wb.add_worksheet(table.name), fmt, ds, table, units_reach)
    wb.close()
    return buf.getvalue()


def _guide(wb) -> None:
    from importlib import resources

    guide = resources.files("pohon").joinpath("templates", "PANDUAN-xlsx.md").read_text(encoding="utf-8")
    ws = wb.add_worksheet("PANDUAN")
    wrapped = wb.add_format({"text_wrap": True, "valign": "top", "locked": True})
    ws.set_column(0, 0, 110, wrapped)
    for i, line in enumerate(guide.splitlines()):
        ws.write_string(i, 0, line, wrapped)
        ws.set_row(i, 15 * max(1, -(-len(line) // 100)))  # wrapped rows as tall as their lines (no autofit)


def _sheet(ws, fmt: "_Formats", ds: Dataset, table, units_reach: int) -> None:
    header, rows = written_rows(ds, table)
    kinds = column_kinds(ds, table)
    style = [fmt.money if kinds.get(name) == "money" else None for name in header]
    for j, name in enumerate(header):
        ws.set_column(j, j, 48 if name in WIDE else 14, style[j])
        ws.write_string(0, j, name, fmt.header)
    for i, values in enumerate(rows, start=1):
        for j, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, str):
                ws.write_string(i, j, v, style[j])
            elif isinstance(v, Decimal):
                ws.write_number(i, j, float(v), fmt.decimals(-v.as_tuple().exponent))
            else:
                ws.write_number(i, j, v, style[j])
    reach = _reach(len(rows))
    for j, name in enumerate(header):
        rule = _validation(table.name, name, kinds.get(name), units_reach)
        if rule:
            ws.data_validation(1, j, reach - 1, j, rule)  # rows 2..reach
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), max(len(header) - 1, 0))
    ws.protect("", {"insert_rows": True, "delete_rows": True, "sort": True, "autofilter": True,
                    "format_cells": True, "format_columns": True, "format_rows": True})


def _reach(rows: int) -> int:
    return max(MIN_ROWS, rows + 101)


class _Formats:
    def __init__(self, wb):
        self.wb = wb
        self.header = wb.add_format({"bold": True, "bg_color": HEADER_FILL, "locked": True})
        self.money = wb.add_format({"num_format": "0.00"})
        self._decimals: dict[int, object] = {}

    def decimals(self, dp: int):
        """A number shown with `dp` decimals (pohon.load.workbook reads the number back with them)."""
        if dp not in self._decimals:
            self._decimals[dp] = self.wb.add_format({"num_format": "0." + "0" * dp})
        return self._decimals[dp]


def _validation(table: str, column: str, kind: str | None, units_reach: int) -> dict | None:
    see = {"error_title": "pohon", "error_message": "Lihat PANDUAN / see PANDUAN"}
    if column == "unit" and table != "units":
        return {"validate": "list", "source": f"=units!$A$2:$A${units_reach}", **see}
    if kind == "mark":
        return {"validate": "list", "source": ["o"], **see}
    if kind == "flag":
        return {"validate": "list", "source": ["0", "1"], **see}
    if kind == "money":
        return {"validate": "decimal", "criteria": ">=", "value": 0, **see}
    if kind == "target":
        return {"validate": "decimal", "criteria": "between", "minimum": -1e12, "maximum": 1e12,
                "error_type": "warning", "error_title": "pohon",
                "error_message": "Target berupa angka; teks (mis. BB) boleh bila memang begitu ditulis / "
                                 "targets are numbers; text (e.g. BB) only where the plan writes it so"}
    return None
